import type { Db } from '../db/database.js';

/** The site an API key (by its SHA-256) belongs to. */
export function getApiKeySite(db: Db, keyHash: string) {
  return db.apiKey.findUnique({ where: { keyHash }, select: { siteId: true } });
}

export function touchApiKey(db: Db, keyHash: string, at: Date) {
  return db.apiKey.updateMany({ where: { keyHash }, data: { lastUsedAt: at } });
}
