import { inTransaction, Prisma, type Db, type DbClient } from '../db/database.js';

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

/** Frees a key whose comment is older than `before`, so the key can stand for a new comment. */
export async function releaseIdempotencyKey(
  db: Db,
  postId: string,
  idempotencyKey: string,
  before: Date,
): Promise<void> {
  await db.comment.updateMany({
    where: { postId, idempotencyKey, createdAt: { lt: before } },
    data: { idempotencyKey: null },
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
  /** Not a column: the author asked for reply mail (the change recorders hear it). */
  notifyReplies?: boolean;
  /** Not a column: the widget's language, for that reply mail. */
  language?: string;
  createdAt: Date;
  decidedAt: Date | null;
}

/** The post's visible count after the write (approved rows), or null; `duplicate` when the idempotency key was taken. */
export type WriteOutcome =
  | { stored: true; commentCount: number | null }
  | { stored: false; duplicate: true };

/**
 * Stores comments in one multi-row INSERT (plain SQL: this is the hottest write, and compiling
 * an ORM query for it costs more than running it) and bumps each post's visible count by its
 * approved rows, in one transaction.
 */
export async function insertComments(
  db: Db,
  dialect: 'sqlite' | 'postgresql',
  rows: NewCommentRow[],
  record?: (tx: Prisma.TransactionClient, inserted: ReadonlySet<string>) => Promise<void>,
): Promise<WriteOutcome[]> {
  const status = (s: string) =>
    dialect === 'postgresql' ? Prisma.sql`CAST(${s} AS "CommentStatus")` : Prisma.sql`${s}`;
  const json = (v: object | null) => {
    const text = v === null ? null : JSON.stringify(v);
    return dialect === 'postgresql' ? Prisma.sql`CAST(${text} AS jsonb)` : Prisma.sql`${text}`;
  };
  const values = rows.map(
    (
      c,
    ) => Prisma.sql`(${c.id}, ${c.siteId}, ${c.postId}, ${c.parentId}, ${c.rootId}, ${c.depth}, ${c.replyToId}, ${c.replyToName},
      ${c.authorName}, ${c.authorEmail}, ${c.authorHash}, ${c.authorWebsite}, ${c.body}, ${c.html}, ${status(c.status)}, ${json(c.screening)},
      ${c.toxicityScore}, ${c.spamScore}, ${c.toxic}, ${json(c.akismetParams)}, ${c.ipHash}, ${c.userAgent}, ${c.referrer}, ${c.contentHash},
      ${c.idempotencyKey}, 0, ${c.createdAt}, ${c.createdAt}, ${c.decidedAt})`,
  );
  // A double submit loses to the row already there (or earlier in this batch): ON CONFLICT
  // skips it, and RETURNING tells which rows went in.
  const insert = Prisma.sql`
    INSERT INTO "Comment" ("id", "siteId", "postId", "parentId", "rootId", "depth", "replyToId", "replyToName",
      "authorName", "authorEmail", "authorHash", "authorWebsite", "body", "html", "status", "screening",
      "toxicityScore", "spamScore", "toxic", "akismetParams", "ipHash", "userAgent", "referrer", "contentHash",
      "idempotencyKey", "reportCount", "createdAt", "updatedAt", "decidedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("postId", "idempotencyKey") DO NOTHING
    RETURNING "id"`;

  const approved = rows.filter((r) => r.status === 'approved');
  const outcomes = (inserted: Set<string>, counts: Map<string, number>): WriteOutcome[] =>
    rows.map((r) =>
      inserted.has(r.id)
        ? {
            stored: true,
            commentCount: r.status === 'approved' ? (counts.get(r.postId) ?? null) : null,
          }
        : { stored: false, duplicate: true },
    );
  // Each post's count grows by its approved rows that really went in: counted by id after the
  // insert (a skipped double submit has no row under its new id), in the same transaction.
  const countUpdate = (tx: DbClient) => {
    const ids = Prisma.join(approved.map((r) => r.id));
    const postIds = Prisma.join([...new Set(approved.map((r) => r.postId))]);
    return tx.$queryRaw<{ id: string; commentCount: number | bigint }[]>`
      UPDATE "Post" SET "updatedAt" = ${new Date()}, "commentCount" = "commentCount" + (
        SELECT COUNT(*) FROM "Comment" WHERE "Comment"."postId" = "Post"."id" AND "Comment"."id" IN (${ids}) AND "Comment"."status" = 'approved')
      WHERE "id" IN (${postIds})
      RETURNING "id", "commentCount"`;
  };
  const counted = (counts: { id: string; commentCount: number | bigint }[]) =>
    new Map(counts.map((c) => [c.id, Number(c.commentCount)]));

  if (record) {
    // What the new comments cause (outbox rows) commits with them.
    return inTransaction(db, async (tx) => {
      const inserted = new Set((await tx.$queryRaw<{ id: string }[]>(insert)).map((r) => r.id));
      const counts = approved.length > 0 ? await countUpdate(tx) : [];
      await record(tx, inserted);
      return outcomes(inserted, counted(counts));
    });
  }
  if (approved.length === 0) {
    const inserted = await db.$queryRaw<{ id: string }[]>(insert);
    return outcomes(new Set(inserted.map((r) => r.id)), new Map());
  }
  const [inserted, counts] = await db.$transaction([
    db.$queryRaw<{ id: string }[]>(insert),
    countUpdate(db),
  ]);
  return outcomes(new Set(inserted.map((r) => r.id)), counted(counts));
}

/** A new screening verdict on a comment whose status stays as it is. */
export async function updateCommentScreening(
  db: Db,
  id: string,
  verdict: {
    screening: object;
    toxic: boolean;
    toxicityScore: number | null;
    spamScore: number | null;
  },
): Promise<void> {
  await db.comment.update({ where: { id }, data: verdict, select: { id: true } });
}

/** What an author's edit needs of the stored comment (private fields for re-screening). */
export function getCommentForEdit(db: Db, id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      siteId: true,
      body: true,
      authorName: true,
      authorEmail: true,
      authorWebsite: true,
      authorHash: true,
      ipHash: true,
      userAgent: true,
      referrer: true,
      akismetParams: true,
      createdAt: true,
      post: {
        select: {
          id: true,
          slug: true,
          title: true,
          url: true,
          commentCount: true,
          closed: true,
          publishedAt: true,
        },
      },
    },
  });
}

/** A comment's public columns and status. */
export function getPublicComment(db: Db, id: string) {
  return db.comment.findUnique({ where: { id }, select: { ...PUBLIC_COLUMNS, status: true } });
}

/** The site a comment is on (CORS for the routes under /comments/:id). */
export function getCommentSite(db: Db, id: string) {
  return db.comment.findUnique({ where: { id }, select: { siteId: true } });
}
