import { Prisma } from '../generated/sqlite/client.js';
import type { Db } from '../db/database.js';

/** Columns the public shape needs; nothing private. */
export const PUBLIC_COLUMNS = {
  id: true,
  parentId: true,
  rootId: true,
  authorName: true,
  authorWebsite: true,
  authorHash: true,
  html: true,
  createdAt: true,
  editedAt: true,
  replyToId: true,
  replyToName: true,
} as const satisfies Prisma.CommentSelect;

export interface ThreadCursor {
  createdAt: Date;
  id: string;
}

export function getTopLevelPage(
  db: Db,
  postId: string,
  sort: 'oldest' | 'newest',
  take: number,
  after: ThreadCursor | null,
) {
  const dir = sort === 'oldest' ? 'asc' : 'desc';
  const beyond = sort === 'oldest' ? 'gt' : 'lt';
  return db.comment.findMany({
    where: {
      postId,
      status: 'approved',
      parentId: null,
      ...(after && {
        OR: [
          { createdAt: { [beyond]: after.createdAt } },
          { createdAt: after.createdAt, id: { [beyond]: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take,
    select: PUBLIC_COLUMNS,
  });
}

/** Every reply under the given top-level comments, with its status (hidden ones keep the tree linked). */
export function getRepliesOfRoots(db: Db, rootIds: string[]) {
  return db.comment.findMany({
    where: { rootId: { in: rootIds }, parentId: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { ...PUBLIC_COLUMNS, status: true },
  });
}

export function getCommentOnPost(db: Db, postId: string, id: string) {
  return db.comment.findFirst({
    where: { id, postId },
    select: { id: true, parentId: true, rootId: true, depth: true, authorName: true },
  });
}

export function getCommentByIdempotencyKey(db: Db, postId: string, idempotencyKey: string) {
  return db.comment.findUnique({
    where: { postId_idempotencyKey: { postId, idempotencyKey } },
    select: { ...PUBLIC_COLUMNS, status: true },
  });
}

export interface NewCommentRow {
  id: string;
  siteId: string;
  postId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  replyToId: string | null;
  replyToName: string | null;
  authorName: string;
  authorEmail: string;
  authorHash: string;
  authorWebsite: string | null;
  body: string;
  html: string;
  status: 'approved' | 'pending' | 'spam' | 'rejected';
  screening: object;
  toxicityScore: number | null;
  spamScore: number | null;
  toxic: boolean;
  akismetParams: Record<string, string> | null;
  ipHash: string;
  userAgent: string | null;
  referrer: string | null;
  contentHash: string;
  idempotencyKey: string;
  createdAt: Date;
  decidedAt: Date | null;
}

/**
 * Stores a comment, and for an approved one bumps the post's visible count, in one
 * transaction. Plain SQL: this is the hottest write, and compiling an ORM query for it costs
 * more than running it. Returns the new count, or null when the comment is not approved.
 */
export async function insertComment(db: Db, dialect: 'sqlite' | 'postgresql', c: NewCommentRow): Promise<number | null> {
  const json = (v: object | null) => (v === null ? null : JSON.stringify(v));
  // PostgreSQL wants the enum and jsonb columns cast; SQLite stores both as text.
  const status = dialect === 'postgresql' ? Prisma.sql`CAST(${c.status} AS "CommentStatus")` : Prisma.sql`${c.status}`;
  const asJson = (v: string | null) => (dialect === 'postgresql' ? Prisma.sql`CAST(${v} AS jsonb)` : Prisma.sql`${v}`);
  const insert = db.$executeRaw`
    INSERT INTO "Comment" ("id", "siteId", "postId", "parentId", "rootId", "depth", "replyToId", "replyToName",
      "authorName", "authorEmail", "authorHash", "authorWebsite", "body", "html", "status", "screening",
      "toxicityScore", "spamScore", "toxic", "akismetParams", "ipHash", "userAgent", "referrer", "contentHash",
      "idempotencyKey", "reportCount", "createdAt", "updatedAt", "decidedAt")
    VALUES (${c.id}, ${c.siteId}, ${c.postId}, ${c.parentId}, ${c.rootId}, ${c.depth}, ${c.replyToId}, ${c.replyToName},
      ${c.authorName}, ${c.authorEmail}, ${c.authorHash}, ${c.authorWebsite}, ${c.body}, ${c.html}, ${status}, ${asJson(json(c.screening))},
      ${c.toxicityScore}, ${c.spamScore}, ${c.toxic}, ${asJson(json(c.akismetParams))}, ${c.ipHash}, ${c.userAgent}, ${c.referrer}, ${c.contentHash},
      ${c.idempotencyKey}, 0, ${c.createdAt}, ${c.createdAt}, ${c.decidedAt})`;
  if (c.status !== 'approved') {
    await insert;
    return null;
  }
  const [, rows] = await db.$transaction([
    insert,
    db.$queryRaw<{ commentCount: number | bigint }[]>`
      UPDATE "Post" SET "commentCount" = "commentCount" + 1, "updatedAt" = ${c.createdAt} WHERE "id" = ${c.postId} RETURNING "commentCount"`,
  ]);
  return Number(rows[0]!.commentCount);
}

/** A unique-constraint violation, from an ORM query (P2002) or a raw one (P2010 + driver code). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: unknown; message?: string };
  if (e.code === 'P2002') return true;
  return e.code === 'P2010' && /UNIQUE constraint|23505|unique constraint|duplicate key/i.test(`${JSON.stringify(e.meta)} ${e.message}`);
}
