import type { Db, DbClient } from '../db/database.js';

export interface AuditInput {
  /** Preset id, when the entry must be referenced before it is written (undo). */
  id?: string;
  siteId: string | null;
  actor: { id: string; name: string };
  action: string;
  targetType: 'comment' | 'ban' | 'site' | 'post' | 'user';
  targetId: string | null;
  before?: object | null;
  after?: object | null;
}

export function insertAudit(db: DbClient, entry: AuditInput) {
  return db.auditLog.create({
    data: {
      ...(entry.id && { id: entry.id }),
      siteId: entry.siteId,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

export function getAudit(db: Db, id: string) {
  return db.auditLog.findUnique({ where: { id } });
}

export interface AuditCursor {
  createdAt: Date;
  id: string;
}

/** Newest first; siteIds null = every entry (admins), else only those sites' entries. */
export function listAudit(
  db: Db,
  siteIds: string[] | null,
  take: number,
  after: AuditCursor | null,
) {
  return db.auditLog.findMany({
    where: {
      ...(siteIds && { siteId: { in: siteIds } }),
      ...(after && {
        OR: [
          { createdAt: { lt: after.createdAt } },
          { createdAt: after.createdAt, id: { lt: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

/** Marks an entry undone unless it already was; false when another undo won. */
export async function markUndone(
  db: Db,
  id: string,
  undoneById: string,
  at: Date,
): Promise<boolean> {
  const result = await db.auditLog.updateMany({
    where: { id, undoneAt: null },
    data: { undoneAt: at, undoneById },
  });
  return result.count === 1;
}

export function clearUndone(db: Db, id: string) {
  return db.auditLog.update({ where: { id }, data: { undoneAt: null, undoneById: null } });
}
