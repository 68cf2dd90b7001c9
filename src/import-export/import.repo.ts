// Storage of imports: jobs, the staged records of a file, thread → post mappings, and the
// imported comments themselves. The hot path of a large import is plain SQL straight to the
// driver (direct-sql.ts): every bulk write sends its rows as one JSON parameter that the store
// unpacks (json_each / json_array_elements), and every lookup takes a whole batch of keys as
// one JSON parameter too, so each statement's text is the same every time (prepared once).
// Through Prisma each raw query cost its query compiler and several copies of the parameter.
import {
  directSqlIn,
  directSqlOf,
  inTransaction,
  type Db,
  type DbClient,
  type Prisma,
} from '../db/database.js';
import type { DirectSql, SqlParam } from '../db/direct-sql.js';

/** A column's type in a bulk write; 'json!' writes a null as JSON null (a NOT NULL column). */
type ColumnType = 'text' | 'int' | 'real' | 'bool' | 'date' | 'json' | 'json!' | 'status';
type Cell = string | number | boolean | null;

/**
 * Direct SQL on a transaction's connection (one opened by inTransaction), else on the client's.
 * Writes run only inside a transaction: on SQLite the connection is shared, and a statement
 * sent outside one would land in whatever transaction another request has open on it.
 */
function sqlOf(db: DbClient): DirectSql {
  return directSqlIn(db) ?? directSqlOf(db as Db);
}

/** A value as a JSON cell: dates in the text form each store keeps, JSON columns as their text. */
function cell(store: DirectSql['dialect'], type: ColumnType, v: unknown): Cell {
  if (type === 'json!') return JSON.stringify(v ?? null);
  if (v === null || v === undefined) return null;
  if (type === 'date') {
    const iso = (v as Date).toISOString();
    // The SQLite adapter stores "…+00:00"; PostgreSQL casts either form.
    return store === 'postgresql' ? iso : iso.replace('Z', '+00:00');
  }
  if (type === 'json') return JSON.stringify(v);
  return v as Cell;
}

const PG_TYPES: Record<ColumnType, string> = {
  text: 'text',
  int: 'integer',
  real: 'double precision',
  bool: 'boolean',
  date: 'timestamp(3)',
  json: 'jsonb',
  'json!': 'jsonb',
  status: '"CommentStatus"',
};

/**
 * `SELECT <columns> FROM <rows>` for an INSERT: the rows travel as one JSON array of arrays
 * (parameter $1), in order (parents before their replies, so foreign keys hold row by row).
 */
function jsonRows(store: DirectSql['dialect'], columns: ColumnType[]): string {
  if (store === 'postgresql') {
    const exprs = columns.map((t, i) => `CAST(value->>${i} AS ${PG_TYPES[t]})`).join(', ');
    return `SELECT ${exprs}
      FROM json_array_elements(CAST($1 AS json)) WITH ORDINALITY AS j(value, n) ORDER BY n`;
  }
  const exprs = columns.map((_, i) => `value->>${i}`).join(', ');
  // "WHERE true": SQLite would otherwise read a following ON CONFLICT as a join's ON.
  return `SELECT ${exprs} FROM json_each($1) WHERE true ORDER BY key`;
}

/** `(SELECT …)` listing the keys of a JSON array of strings in parameter $n, for an IN. */
function jsonKeys(store: DirectSql['dialect'], n: number): string {
  return store === 'postgresql'
    ? `(SELECT json_array_elements_text(CAST($${n} AS json)))`
    : `(SELECT value FROM json_each($${n}))`;
}

/**
 * JSON characters per bulk statement. The client copies a parameter several times on its way
 * to the store, and the memory it takes is slow to come back: a quarter of a megabyte is as
 * fast per row as larger ones and keeps the importer's footprint flat.
 */
const BULK_CHARS = 256 * 1024;

async function bulkInsert(
  db: DbClient,
  head: string,
  columns: ColumnType[],
  rows: unknown[][],
  tail = '',
): Promise<void> {
  const direct = sqlOf(db);
  const statement = `${head} ${jsonRows(direct.dialect, columns)} ${tail}`;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(',')}]`;
    batch = [];
    chars = 0;
    await direct.query(statement, [json]);
  };
  for (const row of rows) {
    const text = JSON.stringify(row.map((v, i) => cell(direct.dialect, columns[i]!, v)));
    batch.push(text);
    chars += text.length + 1;
    if (chars >= BULK_CHARS) await flush();
  }
  await flush();
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof getImportJob>>>;

export function createImportJob(
  db: Db,
  data: {
    siteId: string;
    format: string;
    dryRun: boolean;
    options: object;
    counts: object;
    fileName: string | null;
    fileBytes: number | null;
    createdById: string | null;
  },
) {
  return db.importJob.create({ data: { ...data, status: 'reading' } });
}

export function getImportJob(db: DbClient, id: string) {
  return db.importJob.findUnique({ where: { id } });
}

export function listImportJobs(db: Db, siteId: string, take: number) {
  return db.importJob.findMany({ where: { siteId }, orderBy: { createdAt: 'desc' }, take });
}

export interface JobChanges {
  status?: string;
  bytesRead?: number;
  recordsRead?: number;
  threadsTotal?: number;
  threadsDone?: number;
  counts?: object;
  resumeAfter?: number;
  plan?: object;
  error?: string | null;
  finishedAt?: Date | null;
}

export async function updateImportJob(db: DbClient, id: string, data: JobChanges): Promise<void> {
  await db.importJob.update({ where: { id }, data, select: { id: true } });
}

export interface StagedRow {
  jobId: string;
  seq: number;
  kind: 'thread' | 'comment' | 'skipped' | 'restore';
  sourceId: string | null;
  threadSourceId: string | null;
  data: string;
  reason: string | null;
  line: number | null;
}

const STAGED_INSERT = `INSERT INTO "ImportStaged"
  ("jobId", "seq", "kind", "sourceId", "threadSourceId", "data", "reason", "line")`;
const STAGED_TYPES: ColumnType[] = ['text', 'int', 'text', 'text', 'text', 'text', 'text', 'int'];

export async function stageRecords(db: Db, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  // In a transaction: direct writes go through one (see sqlOf), and a batch commits once.
  await inTransaction(db, (tx) =>
    bulkInsert(
      tx,
      STAGED_INSERT,
      STAGED_TYPES,
      rows.map((r) => [
        r.jobId,
        r.seq,
        r.kind,
        r.sourceId,
        r.threadSourceId,
        r.data,
        r.reason,
        r.line,
      ]),
    ),
  );
}

/** Forgets what a job staged (all of it, or everything but the skipped entries of its report). */
export async function clearStaged(db: Db, jobId: string, keepSkipped: boolean): Promise<void> {
  await db.importStaged.deleteMany({
    where: { jobId, ...(keepSkipped && { kind: { not: 'skipped' } }) },
  });
}

export interface StagedRecordRow {
  seq: number;
  sourceId: string;
  threadSourceId: string;
  data: string;
}

export async function getStagedThreads(
  db: Db,
  jobId: string,
  afterSeq: number,
  take: number,
): Promise<StagedRecordRow[]> {
  const rows = await sqlOf(db).query<StagedRecordRow>(
    `SELECT "seq", "sourceId", "sourceId" AS "threadSourceId", "data" FROM "ImportStaged"
    WHERE "jobId" = $1 AND "kind" = 'thread' AND "seq" > $2
    ORDER BY "seq" LIMIT $3`,
    [jobId, afterSeq, take],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export function countStaged(db: Db, jobId: string, kind: StagedRow['kind']) {
  return db.importStaged.count({ where: { jobId, kind } });
}

/** Keys per lookup statement: a JSON parameter of a few tens of kilobytes. */
const IN_KEYS = 1_000;

/**
 * The rows of `sql` for all of `keys`, asked for in chunks: `sql` names the chunk's keys
 * with KEYS (a JSON array in the last parameter, after `params`).
 */
async function byKeys<T extends object>(
  db: DbClient,
  sql: string,
  params: SqlParam[],
  keys: string[],
): Promise<T[]> {
  const direct = sqlOf(db);
  const text = sql.replace('KEYS', jsonKeys(direct.dialect, params.length + 1));
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += IN_KEYS)
    out.push(
      ...(await direct.query<T>(text, [...params, JSON.stringify(keys.slice(i, i + IN_KEYS))])),
    );
  return out;
}

/** The staged comments of these threads, in file order. */
export async function getStagedComments(
  db: Db,
  jobId: string,
  threadSourceIds: string[],
): Promise<StagedRecordRow[]> {
  const rows = await byKeys<StagedRecordRow>(
    db,
    `SELECT "seq", "sourceId", "threadSourceId", "data" FROM "ImportStaged"
    WHERE "jobId" = $1 AND "kind" = 'comment' AND "threadSourceId" IN KEYS`,
    [jobId],
    threadSourceIds,
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) })).sort((a, b) => a.seq - b.seq);
}

/** A second record with a source id already staged: the first one wins, the others are skipped. */
export async function skipDuplicateStaged(db: Db, jobId: string): Promise<number> {
  // EXISTS, not NOT IN (subquery): PostgreSQL runs a NOT IN whose list outgrows work_mem once
  // per row (hours at a million); this is a hash semi join there. "+ 0" keeps SQLite off the
  // primary key's range on seq (every earlier row, per row) and on the (kind, sourceId) index.
  return db.$executeRaw`
    UPDATE "ImportStaged" SET "kind" = 'skipped',
      "reason" = 'the file has an earlier ' || "kind" || ' with this id'
    WHERE "jobId" = ${jobId} AND "kind" IN ('thread', 'comment') AND EXISTS (
      SELECT 1 FROM "ImportStaged" AS e
      WHERE e."jobId" = "ImportStaged"."jobId" AND e."kind" = "ImportStaged"."kind"
        AND e."sourceId" = "ImportStaged"."sourceId" AND e."seq" + 0 < "ImportStaged"."seq")`;
}

/** Comments whose thread is not in the file become skipped entries; returns how many. */
export async function skipOrphanComments(db: Db, jobId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "ImportStaged" SET "kind" = 'skipped',
      "reason" = 'its thread (' || "threadSourceId" || ') is not in the file'
    WHERE "jobId" = ${jobId} AND "kind" = 'comment' AND NOT EXISTS (
      SELECT 1 FROM "ImportStaged" AS t
      WHERE t."jobId" = "ImportStaged"."jobId" AND t."kind" = 'thread'
        AND t."sourceId" = "ImportStaged"."threadSourceId")`;
}

export async function markStagedSkipped(
  db: DbClient,
  jobId: string,
  seqs: number[],
  reason: string,
): Promise<void> {
  await db.importStaged.updateMany({
    where: { jobId, seq: { in: seqs } },
    data: { kind: 'skipped', reason },
  });
}

export function getSkipped(db: Db, jobId: string, take: number, skip = 0) {
  return db.importStaged.findMany({
    where: { jobId, kind: 'skipped' },
    orderBy: { seq: 'asc' },
    take,
    skip,
    select: { sourceId: true, reason: true, line: true, data: true },
  });
}

/** Which post each thread key went to in an earlier run (key → post id). */
export async function getImportSources(
  db: DbClient,
  siteId: string,
  keys: string[],
): Promise<Map<string, string>> {
  const rows = await byKeys<{ key: string; postId: string }>(
    db,
    `SELECT "key", "postId" FROM "ImportSource" WHERE "siteId" = $1 AND "key" IN KEYS`,
    [siteId],
    keys,
  );
  return new Map(rows.map((r) => [r.key, r.postId]));
}

export async function saveImportSources(
  db: DbClient,
  siteId: string,
  entries: { key: string; postId: string }[],
): Promise<void> {
  await bulkInsert(
    db,
    `INSERT INTO "ImportSource" ("siteId", "key", "postId")`,
    ['text', 'text', 'text'],
    entries.map((e) => [siteId, e.key, e.postId]),
    `ON CONFLICT ("siteId", "key") DO UPDATE SET "postId" = excluded."postId"`,
  );
}

export interface PostRow {
  id: string;
  slug: string;
  url: string | null;
  title: string;
  closed: boolean;
}

function posts(rows: (Omit<PostRow, 'closed'> & { closed: unknown })[]): PostRow[] {
  // SQLite answers a boolean column with 0/1.
  return rows.map((r) => ({ ...r, closed: Boolean(r.closed) }));
}

export async function getPostsByIds(db: DbClient, ids: string[]): Promise<PostRow[]> {
  return posts(
    await byKeys<PostRow>(
      db,
      `SELECT "id", "slug", "url", "title", "closed" FROM "Post" WHERE "id" IN KEYS`,
      [],
      ids,
    ),
  );
}

/** The site's posts with any of these URLs, oldest first. */
export async function getPostsByUrls(
  db: DbClient,
  siteId: string,
  urls: string[],
): Promise<PostRow[]> {
  const rows = await byKeys<PostRow & { createdAt: Date | string }>(
    db,
    `SELECT "id", "slug", "url", "title", "closed", "createdAt" FROM "Post"
    WHERE "siteId" = $1 AND "url" IN KEYS`,
    [siteId],
    urls,
  );
  rows.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  return posts(rows.map(({ createdAt: _, ...r }) => r));
}

export async function getPostsBySlugs(
  db: DbClient,
  siteId: string,
  slugs: string[],
): Promise<PostRow[]> {
  return posts(
    await byKeys<PostRow>(
      db,
      `SELECT "id", "slug", "url", "title", "closed" FROM "Post"
      WHERE "siteId" = $1 AND "slug" IN KEYS`,
      [siteId],
      slugs,
    ),
  );
}

export interface ImportedPostRow {
  id: string;
  siteId: string;
  slug: string;
  title: string;
  url: string;
  closed: boolean;
  publishedAt: Date;
  author: string | null;
  createdAt: Date;
}

export async function createImportedPosts(db: DbClient, rows: ImportedPostRow[]): Promise<void> {
  const now = new Date();
  await bulkInsert(
    db,
    `INSERT INTO "Post" ("id", "siteId", "slug", "title", "url", "closed", "publishedAt",
      "author", "createdAt", "updatedAt")`,
    ['text', 'text', 'text', 'text', 'text', 'bool', 'date', 'text', 'date', 'date'],
    rows.map((p) => [
      p.id,
      p.siteId,
      p.slug,
      p.title,
      p.url,
      p.closed,
      p.publishedAt,
      p.author,
      p.createdAt,
      now,
    ]),
  );
}

export async function closePosts(db: DbClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.post.updateMany({ where: { id: { in: ids } }, data: { closed: true } });
}

export interface PlacedRow {
  id: string;
  importKey: string | null;
  parentId: string | null;
  rootId: string;
  depth: number;
}

/** Comments an earlier run imported, by import key. */
export async function getImportedComments(
  db: DbClient,
  siteId: string,
  importKeys: string[],
): Promise<(PlacedRow & { authorName: string })[]> {
  const rows = await byKeys<PlacedRow & { authorName: string }>(
    db,
    `SELECT "id", "importKey", "parentId", "rootId", "depth", "authorName" FROM "Comment"
    WHERE "siteId" = $1 AND "importKey" IN KEYS`,
    [siteId],
    importKeys,
  );
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

export async function getPlacedComment(
  db: DbClient,
  id: string,
): Promise<(PlacedRow & { authorName: string }) | null> {
  const [row] = await sqlOf(db).query<PlacedRow & { authorName: string }>(
    `SELECT "id", "importKey", "parentId", "rootId", "depth", "authorName" FROM "Comment"
    WHERE "id" = $1`,
    [id],
  );
  return row ? { ...row, depth: Number(row.depth) } : null;
}

export interface ImportedCommentRow {
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
  status: 'approved' | 'pending' | 'spam' | 'rejected' | 'deleted';
  screening: Prisma.InputJsonValue | null;
  toxicityScore: number | null;
  spamScore: number | null;
  toxic: boolean;
  ipHash: string;
  contentHash: string;
  importKey: string;
  userAgent: string | null;
  referrer: string | null;
  akismetParams: Prisma.InputJsonValue | null;
  reportCount: number;
  reportedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  decidedAt: Date | null;
}

const COMMENT_INSERT = `INSERT INTO "Comment" ("id", "siteId", "postId", "parentId",
  "rootId", "depth", "replyToId", "replyToName", "authorName", "authorEmail", "authorHash",
  "authorWebsite", "body", "html", "status", "screening", "toxicityScore", "spamScore", "toxic",
  "ipHash", "contentHash", "importKey", "userAgent", "referrer", "akismetParams", "reportCount",
  "reportedAt", "createdAt", "updatedAt", "editedAt", "decidedAt")`;
const COMMENT_TYPES: ColumnType[] = [
  ...(['text', 'text', 'text', 'text', 'text', 'int', 'text', 'text'] as const),
  ...(['text', 'text', 'text', 'text', 'text', 'text', 'status', 'json!', 'real', 'real'] as const),
  ...(['bool', 'text', 'text', 'text', 'text', 'text', 'json', 'int', 'date', 'date'] as const),
  ...(['date', 'date', 'date'] as const),
];

/** Inserts imported comments (parents before replies); a key already there is left alone. */
export async function insertImportedComments(
  db: DbClient,
  rows: ImportedCommentRow[],
): Promise<void> {
  await bulkInsert(
    db,
    COMMENT_INSERT,
    COMMENT_TYPES,
    rows.map((c) => [
      c.id,
      c.siteId,
      c.postId,
      c.parentId,
      c.rootId,
      c.depth,
      c.replyToId,
      c.replyToName,
      c.authorName,
      c.authorEmail,
      c.authorHash,
      c.authorWebsite,
      c.body,
      c.html,
      c.status,
      c.screening,
      c.toxicityScore,
      c.spamScore,
      c.toxic,
      c.ipHash,
      c.contentHash,
      c.importKey,
      c.userAgent,
      c.referrer,
      c.akismetParams,
      c.reportCount,
      c.reportedAt,
      c.createdAt,
      c.createdAt,
      c.editedAt,
      c.decidedAt,
    ]),
    `ON CONFLICT ("siteId", "importKey") DO NOTHING`,
  );
}

/** Sets each post's visible count from its approved comments (imports change many at once). */
export async function recountPosts(db: DbClient, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  await byKeys(
    db,
    `UPDATE "Post" SET "updatedAt" = $1, "commentCount" = (
      SELECT COUNT(*) FROM "Comment" WHERE "Comment"."postId" = "Post"."id" AND "Comment"."status" = 'approved')
    WHERE "id" IN KEYS`,
    [new Date()],
    postIds,
  );
}
