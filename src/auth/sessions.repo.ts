import type { Db } from '../db/database.js';
import { USER_COLUMNS } from './users.repo.js';

export function insertSession(
  db: Db,
  data: { id: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  return db.session.create({ data });
}

export function getSessionWithUser(db: Db, id: string) {
  return db.session.findUnique({ where: { id }, include: { user: { select: USER_COLUMNS } } });
}

export function extendSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date) {
  return db.session.update({ where: { id }, data: { lastSeenAt, expiresAt } });
}

export function deleteSession(db: Db, id: string) {
  return db.session.deleteMany({ where: { id } });
}

/** Signs a user out everywhere except, optionally, the session in use. */
export function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string) {
  return db.session.deleteMany({ where: { userId, ...(exceptId && { id: { not: exceptId } }) } });
}

export function deleteExpiredSessions(db: Db, now: Date) {
  return db.session.deleteMany({ where: { expiresAt: { lt: now } } });
}
