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
    select: { id: true, label: true, createdAt: true },
  });
}

export async function deleteApiKey(db: Db, siteId: string, id: string) {
  return (await db.apiKey.deleteMany({ where: { id, siteId } })).count === 1;
}
