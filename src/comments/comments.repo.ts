import { directSqlIn, directSqlOf, inTransaction, type Db, type Prisma } from '../db/database.js';
import type { DirectSql, SqlParam } from '../db/direct-sql.js';

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

const COMMENT_COLUMNS = `"id", "siteId", "postId", "parentId", "rootId", "depth", "replyToId", "replyToName",
  "authorName", "authorEmail", "authorHash", "authorWebsite", "body", "html", "status", "screening",
  "toxicityScore", "spamScore", "toxic", "akismetParams", "ipHash", "userAgent", "referrer", "contentHash",
  "idempotencyKey", "reportCount", "createdAt", "updatedAt", "decidedAt"`;

/** The INSERT of `rows` in $n placeholders, and its parameters. */
function insertStatement(
  dialect: 'sqlite' | 'postgresql',
  rows: NewCommentRow[],
): { values: string; params: SqlParam[] } {
  const pg = dialect === 'postgresql';
  const params: SqlParam[] = [];
  const $ = (v: SqlParam) => `$${params.push(v)}`;
  const status = (v: string) => (pg ? `CAST(${$(v)} AS "CommentStatus")` : $(v));
  const json = (v: object | null) => {
    const p = $(v === null ? null : JSON.stringify(v));
    return pg ? `CAST(${p} AS jsonb)` : p;
  };
  const values = rows
    .map((c) => {
      const created = $(c.createdAt);
      return `(${$(c.id)}, ${$(c.siteId)}, ${$(c.postId)}, ${$(c.parentId)}, ${$(c.rootId)}, ${$(c.depth)}, ${$(c.replyToId)}, ${$(c.replyToName)},
      ${$(c.authorName)}, ${$(c.authorEmail)}, ${$(c.authorHash)}, ${$(c.authorWebsite)}, ${$(c.body)}, ${$(c.html)}, ${status(c.status)}, ${json(c.screening)},
      ${$(c.toxicityScore)}, ${$(c.spamScore)}, ${$(c.toxic)}, ${json(c.akismetParams)}, ${$(c.ipHash)}, ${$(c.userAgent)}, ${$(c.referrer)}, ${$(c.contentHash)},
      ${$(c.idempotencyKey)}, 0, ${created}, ${created}, ${$(c.decidedAt)})`;
    })
    .join(',\n');
  return { values, params };
}

/**
 * Stores comments in one multi-row INSERT and bumps each post's visible count by its approved
 * rows, in one transaction. Plain SQL straight to the driver where it can be (this is the
 * hottest write: Prisma's client costs more per statement than the database): on SQLite on
 * Prisma's own connection inside its transaction, on PostgreSQL as one statement (the count in
 * a CTE), through the transaction client only when outbox rows must commit with it.
 */
export async function insertComments(
  db: Db,
  dialect: 'sqlite' | 'postgresql',
  rows: NewCommentRow[],
  record?: (tx: Prisma.TransactionClient, inserted: ReadonlySet<string>) => Promise<void>,
): Promise<WriteOutcome[]> {
  const { values, params } = insertStatement(dialect, rows);
  const approved = rows.filter((r) => r.status === 'approved');
  const postIds = [...new Set(approved.map((r) => r.postId))];
  // A double submit loses to the row already there (or earlier in this batch): ON CONFLICT
  // skips it, and RETURNING tells which rows went in.
  const insert = `INSERT INTO "Comment" (${COMMENT_COLUMNS})
    VALUES ${values}
    ON CONFLICT ("postId", "idempotencyKey") DO NOTHING
    RETURNING "id", "postId", "status"`;
  const outcomes = (inserted: Set<string>, counts: Map<string, number>): WriteOutcome[] =>
    rows.map((r) =>
      inserted.has(r.id)
        ? {
            stored: true,
            commentCount: r.status === 'approved' ? (counts.get(r.postId) ?? null) : null,
          }
        : { stored: false, duplicate: true },
    );
  const counted = (counts: { id: string; commentCount: number | bigint }[]) =>
    new Map(counts.map((c) => [c.id, Number(c.commentCount)]));
  const direct = directSqlOf(db);

  if (dialect === 'sqlite') {
    // Each post's count grows by its approved rows that really went in: counted by id after
    // the insert (a skipped double submit has no row under its new id), in the same
    // transaction. Direct SQL runs on the connection Prisma's transaction holds.
    const countUpdate = (inTx: DirectSql) => {
      const p: SqlParam[] = [new Date()];
      const ids = approved.map((r) => `$${p.push(r.id)}`).join(', ');
      const posts = postIds.map((id) => `$${p.push(id)}`).join(', ');
      return inTx.query<{ id: string; commentCount: number }>(
        `UPDATE "Post" SET "updatedAt" = $1, "commentCount" = "commentCount" + (
          SELECT COUNT(*) FROM "Comment" WHERE "Comment"."postId" = "Post"."id" AND "Comment"."id" IN (${ids}) AND "Comment"."status" = 'approved')
        WHERE "id" IN (${posts})
        RETURNING "id", "commentCount"`,
        p,
      );
    };
    return inTransaction(db, async (tx) => {
      const inTx = directSqlIn(tx) ?? direct;
      const inserted = new Set((await inTx.query<{ id: string }>(insert, params)).map((r) => r.id));
      const counts = approved.length > 0 ? await countUpdate(inTx) : [];
      if (record) await record(tx, inserted);
      return outcomes(inserted, counted(counts));
    });
  }

  // PostgreSQL: the count update reads the inserted rows from the INSERT's own RETURNING (a
  // CTE's statements share one snapshot), so one statement, atomic by itself, does both.
  let sql = `WITH ins AS (${insert})
    SELECT "id", NULL::int AS "commentCount", true AS "isComment" FROM ins`;
  if (approved.length > 0) {
    const now = `$${params.push(new Date())}`;
    const posts = postIds.map((id) => `$${params.push(id)}`).join(', ');
    sql = `WITH ins AS (${insert}),
      bump AS (
        UPDATE "Post" SET "updatedAt" = ${now}, "commentCount" = "commentCount" + (
          SELECT COUNT(*) FROM ins WHERE ins."postId" = "Post"."id" AND ins."status" = 'approved')
        WHERE "id" IN (${posts})
        RETURNING "id", "commentCount")
      SELECT "id", NULL::int AS "commentCount", true AS "isComment" FROM ins
      UNION ALL SELECT "id", "commentCount", false FROM bump`;
  }
  type Row = { id: string; commentCount: number | null; isComment: boolean };
  const split = (result: Row[]) =>
    outcomes(
      new Set(result.filter((r) => r.isComment).map((r) => r.id)),
      new Map(result.filter((r) => !r.isComment).map((r) => [r.id, Number(r.commentCount)])),
    );
  if (!record) return split(await direct.query<Row>(sql, params));
  // What the new comments cause (outbox rows) commits with them.
  return inTransaction(db, async (tx) => {
    const inTx = directSqlIn(tx);
    const result = split(
      await (inTx ? inTx.query<Row>(sql, params) : tx.$queryRawUnsafe<Row[]>(sql, ...params)),
    );
    await record(tx, new Set(rows.filter((_, i) => result[i]!.stored).map((r) => r.id)));
    return result;
  });
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
