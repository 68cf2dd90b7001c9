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

/** Counts one more failed sign-in; returns the new consecutive count. */
export async function incrementFailedLogins(db: Db, id: string): Promise<number> {
  const user = await db.user.update({
    where: { id },
    data: { failedLogins: { increment: 1 } },
    select: { failedLogins: true },
  });
  return user.failedLogins;
}

export function lockUser(db: Db, id: string, until: Date) {
  // The counter starts again after the lock: the next lock needs another run of failures.
  return db.user.update({ where: { id }, data: { lockedUntil: until, failedLogins: 0 } });
}

export function clearFailedLogins(db: Db, id: string) {
  return db.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
}
