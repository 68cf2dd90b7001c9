import type { Db } from '../db/database.js';

/** The site an API key (by its SHA-256) belongs to. */
export function getApiKeySite(db: Db, keyHash: string) {
  return db.apiKey.findUnique({ where: { keyHash }, select: { siteId: true } });
}
