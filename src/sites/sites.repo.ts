import type { Db } from '../db/database.js';

export function getSiteBySlug(db: Db, slug: string) {
  return db.site.findUnique({ where: { slug } });
}

export function getSiteById(db: Db, id: string) {
  return db.site.findUnique({ where: { id } });
}

export interface SiteRef {
  id: string;
  slug: string;
}

/** Every site, or the given ids, as id + slug. */
export function getSiteRefs(db: Db, ids?: string[]): Promise<SiteRef[]> {
  return db.site.findMany({
    where: ids ? { id: { in: ids } } : {},
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true },
  });
}

export function getSiteRefsBySlugs(db: Db, slugs: string[]): Promise<SiteRef[]> {
  return db.site.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
}
