import type { Db } from '../db/database.js';

export const SITE_COLUMNS = {
  id: true,
  slug: true,
  name: true,
  allowedOrigins: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function listSiteRows(db: Db) {
  return db.site.findMany({ orderBy: { slug: 'asc' }, select: SITE_COLUMNS });
}

export function getSiteRow(db: Db, slug: string) {
  return db.site.findUnique({ where: { slug }, select: SITE_COLUMNS });
}

export function insertSite(
  db: Db,
  data: { slug: string; name: string; allowedOrigins: string[]; settings: object },
) {
  return db.site.create({ data, select: SITE_COLUMNS });
}

export function updateSiteRow(
  db: Db,
  id: string,
  data: { name?: string; allowedOrigins?: string[]; settings?: object },
) {
  return db.site.update({ where: { id }, data, select: SITE_COLUMNS });
}

export function insertApiKey(db: Db, data: { siteId: string; keyHash: string; label: string }) {
  return db.apiKey.create({ data, select: { id: true, label: true, createdAt: true } });
}

export function listApiKeys(db: Db, siteId: string) {
  return db.apiKey.findMany({
    where: { siteId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, label: true, createdAt: true, lastUsedAt: true },
  });
}

export async function deleteApiKey(db: Db, siteId: string, id: string) {
  return (await db.apiKey.deleteMany({ where: { id, siteId } })).count === 1;
}

/** What deleting a site removes. */
export async function countSiteContents(db: Db, siteId: string) {
  const [posts, comments, bans, apiKeys] = await Promise.all([
    db.post.count({ where: { siteId } }),
    db.comment.count({ where: { siteId } }),
    db.ban.count({ where: { siteId } }),
    db.apiKey.count({ where: { siteId } }),
  ]);
  return { posts, comments, bans, apiKeys };
}

/** Deletes a site and everything kept for it (posts, comments and reports cascade). */
export async function deleteSiteRow(db: Db, siteId: string) {
  await db.$transaction([
    db.ban.deleteMany({ where: { siteId } }),
    db.apiKey.deleteMany({ where: { siteId } }),
    db.spamModel.deleteMany({ where: { siteId } }),
    db.screeningLesson.deleteMany({ where: { siteId } }),
    db.report.deleteMany({ where: { siteId } }),
    db.site.delete({ where: { id: siteId } }),
  ]);
}
