// The author and flood facts screening needs, in one round trip: the POST path is hot, and
// five separate queries cost more in client overhead than in the database.
import { directSqlOf, type Db } from '../db/database.js';
import type { ScreeningHistory } from './types.js';

interface HistoryRow {
  approved: bigint | number;
  rejected: bigint | number;
  duplicate: bigint | number;
  from_ip: bigint | number;
  from_author: bigint | number;
  last_ip: Date | string | null;
  last_author: Date | string | null;
}

export async function getScreeningHistory(
  db: Db,
  q: {
    siteId: string;
    postId: string;
    authorHash: string;
    ipHash: string;
    contentHash: string;
    since: Date;
    duplicateSince: Date;
    now: Date;
    /** Re-screening an edit: the comment itself is not part of its author's history. */
    excludeCommentId?: string;
  },
): Promise<ScreeningHistory> {
  const other = q.excludeCommentId ?? '';
  // Straight to the driver, prepared once: it runs for every comment.
  const rows = await directSqlOf(db).query<HistoryRow>(HISTORY_SQL, [
    q.siteId,
    q.authorHash,
    other,
    q.postId,
    q.contentHash,
    q.ipHash,
    q.duplicateSince,
    q.since,
  ]);
  const r = rows[0]!;
  const lastTimes = [r.last_ip, r.last_author]
    .filter((v) => v !== null)
    .map((v) => new Date(v as string).getTime());
  const last = lastTimes.length > 0 ? Math.max(...lastTimes) : null;
  return {
    approvedByAuthor: Number(r.approved),
    rejectedOrSpamByAuthor: Number(r.rejected),
    duplicateOnPost: Number(r.duplicate) > 0,
    recentFromIp: Number(r.from_ip),
    recentFromEmail: Number(r.from_author),
    secondsSinceLastFromIpOrEmail:
      last === null ? null : Math.max(0, (q.now.getTime() - last) / 1000),
  };
}

// Every subquery is answered by an index: (siteId, authorHash, status), (postId, contentHash)
// and (ipHash, createdAt). Plain SQL that SQLite and PostgreSQL both accept.
const HISTORY_SQL = `
  SELECT
    (SELECT COUNT(*) FROM "Comment" WHERE "siteId" = $1 AND "authorHash" = $2 AND "status" = 'approved' AND "id" <> $3) AS approved,
    (SELECT COUNT(*) FROM "Comment" WHERE "siteId" = $1 AND "authorHash" = $2 AND "status" IN ('rejected', 'spam') AND "id" <> $3) AS rejected,
    (SELECT COUNT(*) FROM "Comment" WHERE "postId" = $4 AND "contentHash" = $5 AND ("authorHash" = $2 OR "ipHash" = $6) AND "createdAt" >= $7) AS duplicate,
    (SELECT COUNT(*) FROM "Comment" WHERE "ipHash" = $6 AND "createdAt" >= $8) AS from_ip,
    (SELECT COUNT(*) FROM "Comment" WHERE "siteId" = $1 AND "authorHash" = $2 AND "createdAt" >= $8) AS from_author,
    (SELECT MAX("createdAt") FROM "Comment" WHERE "ipHash" = $6) AS last_ip,
    (SELECT MAX("createdAt") FROM "Comment" WHERE "siteId" = $1 AND "authorHash" = $2) AS last_author`;

/** What learning from a moderator's decision needs of the comment. */
export function getLessonSource(db: Db, commentId: string) {
  return db.comment.findUnique({
    where: { id: commentId },
    select: {
      siteId: true,
      body: true,
      authorName: true,
      authorWebsite: true,
      akismetParams: true,
      screening: true,
      toxic: true,
    },
  });
}
