// Storage side of a commenter's data requests (GDPR access and erasure): the comments one
// email wrote, and every other row that may hold that email or those comments' text.
import { type Db, type DbClient, Prisma } from '../db/database.js';

/** Comments of one author: by the salted hash of the email, or the stored address itself. */
function authorWhere(who: CommenterKey, siteIds: string[] | null): Prisma.CommentWhereInput {
  return {
    OR: [{ authorHash: who.hash }, { authorEmail: who.email }, { authorEmail: who.raw }],
    ...(siteIds && { siteId: { in: siteIds } }),
  };
}

export interface CommenterKey {
  /** Normalised (trimmed, lower-case) email. */
  email: string;
  /** The email as given (imports may have kept capitals). */
  raw: string;
  hash: string;
}

export function getCommenterCommentPage(
  db: Db,
  who: CommenterKey,
  siteIds: string[] | null,
  cursor: string | null,
  take: number,
) {
  return db.comment.findMany({
    where: authorWhere(who, siteIds),
    orderBy: { id: 'asc' },
    take,
    ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    include: {
      site: { select: { slug: true } },
      post: { select: { slug: true, title: true, url: true } },
    },
  });
}

export function getEmailBans(db: DbClient, email: string, siteIds: string[] | null) {
  return db.ban.findMany({
    where: { kind: 'email', value: email, ...(siteIds && { siteId: { in: siteIds } }) },
    orderBy: { id: 'asc' },
  });
}

export function getCommenterCommentRefs(db: DbClient, who: CommenterKey, siteIds: string[] | null) {
  return db.comment.findMany({
    where: authorWhere(who, siteIds),
    select: {
      id: true,
      siteId: true,
      postId: true,
      status: true,
      screening: true,
      site: { select: { slug: true } },
      post: { select: { slug: true } },
    },
    orderBy: { id: 'asc' },
  });
}

export interface AnonymisedComment {
  id: string;
  authorName: string;
  screening: unknown;
  /** The new body and its html, when bodies go too. */
  body?: { body: string; html: string };
}

/** Everything that names or traces the author goes; the row, its place and its status stay. */
export function anonymiseComment(tx: DbClient, c: AnonymisedComment) {
  return tx.comment.update({
    where: { id: c.id },
    data: {
      authorName: c.authorName,
      authorEmail: '',
      // One pseudonym per comment: erased comments no longer link to each other either.
      authorHash: `erased:${c.id}`,
      authorWebsite: null,
      ipHash: '',
      userAgent: null,
      referrer: null,
      idempotencyKey: null,
      akismetParams: Prisma.DbNull,
      screening: c.screening as Prisma.InputJsonValue,
      ...(c.body && { body: c.body.body, html: c.body.html, contentHash: '' }),
    },
  });
}

export function renameRepliesTo(tx: DbClient, ids: string[], name: string) {
  return tx.comment.updateMany({ where: { replyToId: { in: ids } }, data: { replyToName: name } });
}

export function deleteLessonsOf(tx: DbClient, commentIds: string[]) {
  return tx.screeningLesson.deleteMany({ where: { commentId: { in: commentIds } } });
}

export function deleteBans(tx: DbClient, ids: string[]) {
  return tx.ban.deleteMany({ where: { id: { in: ids } } });
}

/** Audit entries about these targets, or whose snapshots mention `needle` (lower-case). */
export async function getAuditMentioning(tx: DbClient, targetIds: string[], needle: string) {
  const pattern = `%${needle.toLowerCase()}%`;
  // CAST(… AS TEXT) reads SQLite's JSON text and PostgreSQL's jsonb alike.
  const mentions = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "AuditLog"
    WHERE lower(CAST("before" AS TEXT)) LIKE ${pattern}
       OR lower(CAST("after" AS TEXT)) LIKE ${pattern}`;
  const ids = new Set(mentions.map((m) => m.id));
  const rows: { id: string; before: unknown; after: unknown; targetId: string | null }[] = [];
  for (let i = 0; i < targetIds.length; i += 500) {
    rows.push(
      ...(await tx.auditLog.findMany({
        where: { targetId: { in: targetIds.slice(i, i + 500) } },
        select: { id: true, before: true, after: true, targetId: true },
      })),
    );
  }
  const seen = new Set(rows.map((r) => r.id));
  const extra = [...ids].filter((id) => !seen.has(id));
  if (extra.length > 0)
    rows.push(
      ...(await tx.auditLog.findMany({
        where: { id: { in: extra } },
        select: { id: true, before: true, after: true, targetId: true },
      })),
    );
  return rows;
}

export function setAuditSnapshots(tx: DbClient, id: string, before: unknown, after: unknown) {
  const json = (v: unknown) =>
    v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue);
  return tx.auditLog.update({ where: { id }, data: { before: json(before), after: json(after) } });
}

export function insertErasureAudit(
  tx: DbClient,
  entry: { siteId: string; actor: { id: string | null; name: string }; after: object },
) {
  return tx.auditLog.create({
    data: {
      siteId: entry.siteId,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: 'commenter.erase',
      targetType: 'commenter',
      targetId: null,
      after: entry.after,
    },
  });
}

/** Staged import records (kept for unfinished jobs and skipped-record reports) that mention `needle`. */
export function getStagedMentioning(tx: DbClient, needle: string) {
  const pattern = `%${needle.toLowerCase()}%`;
  return tx.$queryRaw<{ jobId: string; seq: number; data: string; reason: string | null }[]>`
    SELECT "jobId", "seq", "data", "reason" FROM "ImportStaged"
    WHERE lower("data") LIKE ${pattern} OR lower(COALESCE("reason", '')) LIKE ${pattern}`;
}

export function setStagedText(
  tx: DbClient,
  row: { jobId: string; seq: number },
  data: string,
  reason: string | null,
) {
  return tx.importStaged.update({
    where: { jobId_seq: { jobId: row.jobId, seq: Number(row.seq) } },
    data: { data, reason },
  });
}
