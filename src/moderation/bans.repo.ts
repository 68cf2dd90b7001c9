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
