import type { Db } from '../db/database.js';

export type BanKind = 'email' | 'ip' | 'domain';

/** The ban that applies to an author, if any: by normalised email, IP hash or email domain. */
export function findActiveBan(
  db: Db,
  siteId: string,
  who: { email: string; ipHash: string },
  now = new Date(),
) {
  const email = who.email.trim().toLowerCase();
  const domain = email.split('@')[1] ?? '';
  return db.ban.findFirst({
    where: {
      siteId,
      OR: [
        { kind: 'email', value: email },
        { kind: 'ip', value: who.ipHash },
        { kind: 'domain', value: domain },
      ],
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
    },
    select: { id: true, kind: true, value: true },
  });
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
  data: { id?: string; siteId: string; kind: BanKind; value: string; reason: string | null; expiresAt: Date | null; createdById: string | null; createdAt?: Date },
): Promise<BanRow> {
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
  return (await db.ban.deleteMany({ where: { id } })).count === 1;
}
