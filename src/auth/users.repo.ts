import type { Db, Prisma } from '../db/database.js';

export const USER_COLUMNS = {
  id: true,
  email: true,
  name: true,
  role: true,
  siteIds: true,
  failedLogins: true,
  lockedUntil: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export function getUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { ...USER_COLUMNS, passwordHash: true } });
}

export function getUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: USER_COLUMNS });
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: USER_COLUMNS });
}

export function countAdmins(db: Db) {
  return db.user.count({ where: { role: 'admin' } });
}

export function insertUser(db: Db, data: Prisma.UserCreateInput) {
  return db.user.create({ data, select: USER_COLUMNS });
}

export function updateUser(db: Db, id: string, data: Prisma.UserUpdateInput) {
  return db.user.update({ where: { id }, data, select: USER_COLUMNS });
}

/**
 * Counts a sign-in attempt on an account that is not locked, atomically; returns the attempt's
 * number since the last success, or null when the account is locked.
 */
export async function claimLoginAttempt(db: Db, id: string, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ failedLogins: number | bigint }[]>`
    UPDATE "User" SET "failedLogins" = "failedLogins" + 1
    WHERE "id" = ${id} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
    RETURNING "failedLogins"`;
  return rows[0] ? Number(rows[0].failedLogins) : null;
}

export function lockUser(db: Db, id: string, until: Date) {
  // The counter starts again after the lock: the next lock needs another run of failures.
  return db.user.update({ where: { id }, data: { lockedUntil: until, failedLogins: 0 } });
}

export function clearFailedLogins(db: Db, id: string) {
  return db.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
}

export async function getPasswordHash(db: Db, id: string): Promise<string | null> {
  return (
    (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ??
    null
  );
}

export async function deleteUser(db: Db, id: string): Promise<boolean> {
  return (await db.user.deleteMany({ where: { id } })).count === 1;
}

export function getUserNames(db: Db, ids: string[]) {
  return db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}
