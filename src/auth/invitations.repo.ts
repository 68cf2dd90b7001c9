import type { Db } from '../db/database.js';

const INVITATION_COLUMNS = {
  id: true,
  email: true,
  role: true,
  siteIds: true,
  expiresAt: true,
  usedAt: true,
  createdAt: true,
} as const;

export function insertInvitation(
  db: Db,
  data: {
    tokenHash: string;
    email: string;
    role: 'admin' | 'moderator';
    siteIds: string[];
    createdById: string | null;
    expiresAt: Date;
  },
) {
  return db.invitation.create({ data, select: INVITATION_COLUMNS });
}

export function listOpenInvitations(db: Db, now: Date) {
  return db.invitation.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'asc' },
    select: INVITATION_COLUMNS,
  });
}

export function getInvitationByTokenHash(db: Db, tokenHash: string) {
  return db.invitation.findUnique({ where: { tokenHash }, select: INVITATION_COLUMNS });
}

/** Marks an invitation used, once: false when it was already used (or withdrawn). */
export async function claimInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  return (
    (await db.invitation.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } }))
      .count === 1
  );
}

export async function deleteInvitation(db: Db, id: string): Promise<boolean> {
  return (await db.invitation.deleteMany({ where: { id } })).count === 1;
}

export function countUsers(db: Db) {
  return db.user.count();
}
