// What the exporter reads, one page at a time: each function takes the id it stopped after and
// returns the next `take` rows in a stable order, so a site of any size streams in bounded
// memory. Comments of a post come parents first (depth, then age), the order the Parley
// export and the WXR writer need.
import type { Db, Prisma } from '../db/database.js';

/** Rows a page. A comment page is read by its ids: at most 999 bind values on SQLite (Prisma). */
export const EXPORT_PAGE_SIZE = 500;

const after = (cursor: string | null): { cursor?: { id: string }; skip?: number } =>
  cursor ? { cursor: { id: cursor }, skip: 1 } : {};

export function getSiteForExport(db: Db, slug: string) {
  return db.site.findUnique({ where: { slug } });
}

export function getSpamModel(db: Db, siteId: string) {
  return db.spamModel.findUnique({ where: { siteId } });
}

export function getPostPage(db: Db, siteId: string, cursor: string | null, take: number) {
  return db.post.findMany({ where: { siteId }, orderBy: { id: 'asc' }, take, ...after(cursor) });
}

const COMMENT_ORDER: Prisma.CommentOrderByWithRelationInput[] = [
  { depth: 'asc' },
  { createdAt: 'asc' },
  { id: 'asc' },
];

/**
 * Keyset paging on the index (postId, depth, createdAt, id): Prisma's `cursor` compiles to an OR
 * of subselects that neither store can seek, so each page sorted the thread from its start
 * (quadratic in the thread's length). The row value seeks; `|| ''` drops the column's affinity,
 * without which SQLite seeks on (depth, createdAt) only and scans ties. The ids found, Prisma
 * reads the rows, typed as anywhere else.
 */
export async function getCommentPage(db: Db, postId: string, cursor: string | null, take: number) {
  // A first page needs no seek (one query: most posts fit in it).
  if (!cursor) return db.comment.findMany({ where: { postId }, orderBy: COMMENT_ORDER, take });
  const page = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Comment" WHERE "postId" = ${postId}
    AND ("depth", "createdAt", "id") > (SELECT "depth", "createdAt", "id" || '' FROM "Comment" WHERE "id" = ${cursor})
    ORDER BY "depth", "createdAt", "id" LIMIT ${take}`;
  if (page.length === 0) return [];
  return db.comment.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    orderBy: COMMENT_ORDER,
  });
}

export function getReportPage(db: Db, siteId: string, cursor: string | null, take: number) {
  return db.report.findMany({ where: { siteId }, orderBy: { id: 'asc' }, take, ...after(cursor) });
}

export function getBanPage(db: Db, siteId: string, cursor: string | null, take: number) {
  return db.ban.findMany({ where: { siteId }, orderBy: { id: 'asc' }, take, ...after(cursor) });
}

export function getAuditPage(db: Db, siteId: string, cursor: string | null, take: number) {
  return db.auditLog.findMany({
    where: { siteId },
    orderBy: { id: 'asc' },
    take,
    ...after(cursor),
  });
}

export type ExportSiteRow = NonNullable<Awaited<ReturnType<typeof getSiteForExport>>>;
export type ExportPostRow = Awaited<ReturnType<typeof getPostPage>>[number];
export type ExportCommentRow = Awaited<ReturnType<typeof getCommentPage>>[number];

/** Pages of rows until a short page: `fetch` gets the last id seen (null at first). */
export async function* paged<T extends { id: string }>(
  fetch: (cursor: string | null, take: number) => Promise<T[]>,
  take = EXPORT_PAGE_SIZE,
): AsyncGenerator<T> {
  let cursor: string | null = null;
  for (;;) {
    const rows = await fetch(cursor, take);
    yield* rows;
    if (rows.length < take) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
