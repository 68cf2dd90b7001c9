// Public face of sites: the directory every request reads a site through, and the origin
// policy (CORS, socket handshakes) that each site's allowedOrigins sets.
import { Router } from 'express';
import type { Db } from '../db/database.js';
import { siteCors } from './site-cors.js';
import { SiteDirectory } from './sites.service.js';

export { applyCors, isOriginAllowed, siteCors } from './site-cors.js';
export { getSiteRefs, getSiteRefsBySlugs, type SiteRef } from './sites.repo.js';
export { SiteDirectory, toSiteView, type SiteView } from './sites.service.js';

export interface SitesModule {
  directory: SiteDirectory;
  /** CORS for everything under /sites/:site, by that site's allowed origins: mount it first. */
  router: Router;
}

export function createSitesModule(deps: { db: Db; publicUrl: string }): SitesModule {
  const directory = new SiteDirectory(deps.db);
  const ownOrigin = new URL(deps.publicUrl).origin;
  const router = Router();
  router.use(
    '/sites/:site',
    siteCors(ownOrigin, (req) => directory.get(String(req.params.site))),
  );
  return { directory, router };
}
