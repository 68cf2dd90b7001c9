// Which sites an actor sees, as refs: admins see every site, moderators their own list.
import type { Db } from '../db/database.js';
import { ValidationError } from '../errors.js';
import type { Actor } from './actor.js';
import { getSiteRefs, getSiteRefsBySlugs, type SiteRef } from '../sites/index.js';

export function visibleSites(db: Db, actor: Actor): Promise<SiteRef[]> {
  return getSiteRefs(db, actor.role === 'admin' ? undefined : actor.siteIds);
}

/** Slugs → ids; an unknown slug is a 400 on `field`. */
export async function siteIdsForSlugs(db: Db, slugs: string[], field = 'sites'): Promise<string[]> {
  const unique = [...new Set(slugs)];
  const found = await getSiteRefsBySlugs(db, unique);
  const missing = unique.filter((s) => !found.some((f) => f.slug === s));
  if (missing.length > 0) throw new ValidationError({ [field]: `No site called "${missing[0]}".` });
  return unique.map((s) => found.find((f) => f.slug === s)!.id);
}
