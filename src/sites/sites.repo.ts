import type { Db } from '../db/database.js';

export function getSiteBySlug(db: Db, slug: string) {
  return db.site.findUnique({ where: { slug } });
}

export function getSiteById(db: Db, id: string) {
  return db.site.findUnique({ where: { id } });
}
