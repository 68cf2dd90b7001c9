import { isUniqueViolation } from '../db/errors.js';
import type { Db } from '../db/database.js';

/** False when this reader (ipHash) already reported the comment. */
export async function insertReport(
  db: Db,
  data: { commentId: string; siteId: string; reason: string; note: string | null; ipHash: string },
): Promise<boolean> {
  try {
    await db.report.create({ data });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Adds one report to the comment's count; returns the new count. */
export async function incrementReportCount(db: Db, commentId: string): Promise<number> {
  const c = await db.comment.update({ where: { id: commentId }, data: { reportCount: { increment: 1 } }, select: { reportCount: true } });
  return c.reportCount;
}

/** Sets reportedAt once: true only for the request that crossed the threshold. */
export async function markReported(db: Db, commentId: string, at: Date): Promise<boolean> {
  const r = await db.comment.updateMany({ where: { id: commentId, status: 'approved', reportedAt: null }, data: { reportedAt: at } });
  return r.count === 1;
}

export async function getOpenReportIds(db: Db, commentId: string): Promise<string[]> {
  const rows = await db.report.findMany({ where: { commentId, resolvedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

export function setReportsResolved(db: Db, ids: string[], resolvedAt: Date | null) {
  return db.report.updateMany({ where: { id: { in: ids } }, data: { resolvedAt } });
}
