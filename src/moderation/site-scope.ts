// The sites a moderation request covers: the one named (if the actor may moderate it), or
// every site the actor may see.
import { assertCanModerateSite, type Actor } from '../auth/index.js';
import { visibleSites } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { SiteDirectory, SiteView } from '../sites/index.js';

export async function siteScope(
  deps: { db: Db; sites: SiteDirectory },
  actor: Actor,
  slug?: string,
): Promise<string[]> {
  if (slug) return [(await moderatedSite(deps, actor, slug)).id];
  return (await visibleSites(deps.db, actor)).map((s) => s.id);
}

/** A site by slug, 404 when unknown and 403 when the actor does not moderate it. */
export async function moderatedSite(
  deps: { sites: SiteDirectory },
  actor: Actor,
  slug: string,
): Promise<SiteView> {
  const site = await deps.sites.get(slug);
  assertCanModerateSite(actor, site.id);
  return site;
}
