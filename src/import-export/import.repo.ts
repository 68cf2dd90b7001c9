// Storage of imports: jobs, the staged records of a file, thread → post mappings, and the
// imported comments themselves (plain multi-row SQL: the hottest write of a large import).
import { dialectOf, Prisma, type Db, type DbClient } from '../db/database.js';

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

export async function stageRecords(db: Db, rows: StagedRow[]): Promise<void> {
  if (rows.length > 0) await db.importStaged.createMany({ data: rows });
}

/** Forgets what a job staged (all of it, or everything but the skipped entries of its report). */
export async function clearStaged(db: Db, jobId: string, keepSkipped: boolean): Promise<void> {
  await db.importStaged.deleteMany({
    where: { jobId, ...(keepSkipped && { kind: { not: 'skipped' } }) },
  });
}

export function getStagedThreads(db: Db, jobId: string, afterSeq: number, take: number) {
  return db.importStaged.findMany({
    where: { jobId, kind: 'thread', seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take,
    select: { seq: true, sourceId: true, data: true },
  });
}

export function countStaged(db: Db, jobId: string, kind: StagedRow['kind']) {
  return db.importStaged.count({ where: { jobId, kind } });
}

export function getStagedComments(db: Db, jobId: string, threadSourceIds: string[]) {
  return db.importStaged.findMany({
    where: { jobId, kind: 'comment', threadSourceId: { in: threadSourceIds } },
    orderBy: { seq: 'asc' },
    select: { seq: true, threadSourceId: true, data: true },
  });
}

/** A second record with a source id already staged: the first one wins, the others are skipped. */
export async function skipDuplicateStaged(db: Db, jobId: string): Promise<number> {
  // Uncorrelated subqueries: each is computed once, not per row (a million rows stay linear).
  return db.$executeRaw`
    UPDATE "ImportStaged" SET "kind" = 'skipped',
      "reason" = 'the file has an earlier ' || "kind" || ' with this id'
    WHERE "jobId" = ${jobId} AND "kind" IN ('thread', 'comment') AND "seq" NOT IN (
      SELECT MIN("seq") FROM "ImportStaged"
      WHERE "jobId" = ${jobId} AND "kind" IN ('thread', 'comment')
      GROUP BY "kind", "sourceId")`;
}

/** Comments whose thread is not in the file become skipped entries; returns how many. */
export async function skipOrphanComments(db: Db, jobId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "ImportStaged" SET "kind" = 'skipped',
      "reason" = 'its thread (' || "threadSourceId" || ') is not in the file'
    WHERE "jobId" = ${jobId} AND "kind" = 'comment' AND "threadSourceId" NOT IN (
      SELECT "sourceId" FROM "ImportStaged" WHERE "jobId" = ${jobId} AND "kind" = 'thread')`;
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

export function getImportSource(db: DbClient, siteId: string, key: string) {
  return db.importSource.findUnique({ where: { siteId_key: { siteId, key } } });
}

export async function saveImportSource(
  db: DbClient,
  siteId: string,
  key: string,
  postId: string,
): Promise<void> {
  await db.importSource.upsert({
    where: { siteId_key: { siteId, key } },
    create: { siteId, key, postId },
    update: { postId },
  });
}

const POST_COLUMNS = { id: true, slug: true, url: true, title: true, closed: true } as const;

export function getPostById(db: DbClient, id: string) {
  return db.post.findUnique({ where: { id }, select: POST_COLUMNS });
}

export function getPostByUrl(db: DbClient, siteId: string, urls: string[]) {
  return db.post.findFirst({
    where: { siteId, url: { in: urls } },
    orderBy: { createdAt: 'asc' },
    select: POST_COLUMNS,
  });
}

export function getPostBySlug(db: DbClient, siteId: string, slug: string) {
  return db.post.findUnique({ where: { siteId_slug: { siteId, slug } }, select: POST_COLUMNS });
}

export function createImportedPost(
  db: DbClient,
  data: {
    id: string;
    siteId: string;
    slug: string;
    title: string;
    url: string;
    closed: boolean;
    publishedAt: Date;
    author?: string | null;
    createdAt?: Date;
  },
) {
  return db.post.create({ data, select: POST_COLUMNS });
}

export async function closePost(db: DbClient, id: string): Promise<void> {
  await db.post.update({ where: { id }, data: { closed: true }, select: { id: true } });
}

export const PLACED_COLUMNS = {
  id: true,
  importKey: true,
  parentId: true,
  rootId: true,
  depth: true,
  authorName: true,
} as const;

/** Comments an earlier run imported, by import key. */
export function getImportedComments(db: DbClient, siteId: string, importKeys: string[]) {
  return db.comment.findMany({
    where: { siteId, importKey: { in: importKeys } },
    select: PLACED_COLUMNS,
  });
}

export function getPlacedComment(db: DbClient, id: string) {
  return db.comment.findUnique({ where: { id }, select: PLACED_COLUMNS });
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

/** Rows per INSERT: 31 parameters each stays far below both stores' parameter limits. */
const ROWS_PER_INSERT = 300;

/** Inserts imported comments; a key already there (an earlier run) is left alone. */
export async function insertImportedComments(
  db: DbClient,
  rows: ImportedCommentRow[],
): Promise<void> {
  const pg = dialectOf(db) === 'postgresql';
  const status = (s: string) => (pg ? Prisma.sql`CAST(${s} AS "CommentStatus")` : Prisma.sql`${s}`);
  const json = (v: Prisma.InputJsonValue | null) =>
    pg ? Prisma.sql`CAST(${JSON.stringify(v)} AS jsonb)` : Prisma.sql`${JSON.stringify(v)}`;
  const optionalJson = (v: Prisma.InputJsonValue | null) =>
    v === null ? Prisma.sql`NULL` : json(v);
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows.slice(i, i + ROWS_PER_INSERT).map(
      (c) => Prisma.sql`(${c.id}, ${c.siteId}, ${c.postId}, ${c.parentId}, ${c.rootId}, ${c.depth},
        ${c.replyToId}, ${c.replyToName}, ${c.authorName}, ${c.authorEmail}, ${c.authorHash},
        ${c.authorWebsite}, ${c.body}, ${c.html}, ${status(c.status)}, ${json(c.screening)},
        ${c.toxicityScore}, ${c.spamScore}, ${c.toxic}, ${c.ipHash}, ${c.contentHash}, ${c.importKey},
        ${c.userAgent}, ${c.referrer}, ${optionalJson(c.akismetParams)}, ${c.reportCount},
        ${c.reportedAt}, ${c.createdAt}, ${c.createdAt}, ${c.editedAt}, ${c.decidedAt})`,
    );
    await db.$executeRaw`
      INSERT INTO "Comment" ("id", "siteId", "postId", "parentId", "rootId", "depth", "replyToId",
        "replyToName", "authorName", "authorEmail", "authorHash", "authorWebsite", "body", "html",
        "status", "screening", "toxicityScore", "spamScore", "toxic", "ipHash", "contentHash",
        "importKey", "userAgent", "referrer", "akismetParams", "reportCount", "reportedAt",
        "createdAt", "updatedAt", "editedAt", "decidedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("siteId", "importKey") DO NOTHING`;
  }
}

/** Sets each post's visible count from its approved comments (imports change many at once). */
export async function recountPosts(db: DbClient, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Post" SET "updatedAt" = ${new Date()}, "commentCount" = (
      SELECT COUNT(*) FROM "Comment" WHERE "Comment"."postId" = "Post"."id" AND "Comment"."status" = 'approved')
    WHERE "id" IN (${Prisma.join(postIds)})`;
}
