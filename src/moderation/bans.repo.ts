import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.js';
import { normaliseEmail } from '../privacy/hashing.js';

import type { BanKind } from '../contracts/moderation-api.js';

export type { BanKind };

// Every comment submit checks the bans, so each site's active bans are cached briefly. Ban
// writes in this process clear the cache at once; other processes see them within the TTL.
const BAN_CACHE_TTL_MS = 2_000;
const banCache = new LRUCache<
  string,
  { bans: { id: string; kind: string; value: string; expiresAt: Date | null }[] }
>({ max: 2_000, ttl: BAN_CACHE_TTL_MS });

/** The ban that applies to an author, if any: by normalised email, IP hash or email domain. */
export async function findActiveBan(
  db: Db,
  siteId: string,
  who: { email: string; ipHash: string },
  now = new Date(),
): Promise<{ id: string; kind: string; value: string } | null> {
  let cached = banCache.get(siteId);
  if (!cached) {
    const bans = await db.ban.findMany({
      where: { siteId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, kind: true, value: true, expiresAt: true },
      take: 10_000,
    });
    cached = { bans };
    banCache.set(siteId, cached);
  }
  const email = normaliseEmail(who.email);
  const domain = email.split('@')[1] ?? '';
  const matches = (b: { kind: string; value: string }) =>
    b.kind === 'email'
      ? b.value === email
      : b.kind === 'ip'
        ? b.value === who.ipHash
        : b.kind === 'domain' && domainCovers(b.value, domain);
  const ban = cached.bans.find((b) => matches(b) && (b.expiresAt === null || b.expiresAt > now));
  return ban ? { id: ban.id, kind: ban.kind, value: ban.value } : null;
}

/** A domain ban covers the domain and every subdomain of it: spam.example bans mail.spam.example. */
export function domainCovers(banned: string, domain: string): boolean {
  return domain === banned || domain.endsWith(`.${banned}`);
}

export const BAN_COLUMNS = {
  id: true,
  siteId: true,
  kind: true,
  value: true,
  reason: true,
  expiresAt: true,
  createdById: true,
  createdAt: true,
} as const;

export interface BanRow {
  id: string;
  siteId: string;
  kind: string;
  value: string;
  reason: string | null;
  expiresAt: Date | null;
  createdById: string | null;
  createdAt: Date;
}

/** Stores a ban; `id` and `createdAt` are given when an undo re-creates a deleted ban. */
export function insertBan(
  db: Db,
  data: {
    id?: string;
    siteId: string;
    kind: BanKind;
    value: string;
    reason: string | null;
    expiresAt: Date | null;
    createdById: string | null;
    createdAt?: Date;
  },
): Promise<BanRow> {
  banCache.delete(data.siteId);
  return db.ban.create({ data, select: BAN_COLUMNS });
}

export function getBan(db: Db, id: string): Promise<BanRow | null> {
  return db.ban.findUnique({ where: { id }, select: BAN_COLUMNS });
}

export function listBans(db: Db, siteIds: string[]): Promise<BanRow[]> {
  return db.ban.findMany({
    where: { siteId: { in: siteIds } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1000,
    select: BAN_COLUMNS,
  });
}

export async function deleteBan(db: Db, id: string): Promise<boolean> {
  banCache.clear();
  return (await db.ban.deleteMany({ where: { id } })).count === 1;
}

const VISIBLE = ['approved', 'pending'] as const;

/** Ids of a site's approved and held comments from one IP hash or author hash. */
export async function getVisibleCommentIds(
  db: Db,
  siteId: string,
  who: { ipHash: string } | { authorHash: string },
): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { siteId, status: { in: [...VISIBLE] }, ...who },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A site's approved and held comments with their authors' emails (a domain ban's preview). */
export function getVisibleCommentEmails(db: Db, siteId: string) {
  return db.comment.findMany({
    where: { siteId, status: { in: [...VISIBLE] } },
    select: { id: true, authorEmail: true },
  });
}
