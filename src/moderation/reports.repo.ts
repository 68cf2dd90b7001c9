import { isUniqueViolation } from '../db/errors.js';
import type { Db, DbClient } from '../db/database.js';

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

/** Adds one report to the comment's lifetime count. */
export async function incrementReportCount(db: Db, commentId: string): Promise<void> {
  await db.comment.update({
    where: { id: commentId },
    data: { reportCount: { increment: 1 } },
    select: { id: true },
  });
}

/** Reports no moderator has decided on yet: the ones that count toward the threshold. */
export function countOpenReports(db: Db, commentId: string): Promise<number> {
  return db.report.count({ where: { commentId, resolvedAt: null } });
}

/** Sets reportedAt once: true only for the request that crossed the threshold. */
export async function markReported(db: DbClient, commentId: string, at: Date): Promise<boolean> {
  const r = await db.comment.updateMany({
    where: { id: commentId, status: 'approved', reportedAt: null },
    data: { reportedAt: at },
  });
  return r.count === 1;
}

export async function getOpenReportIds(db: DbClient, commentId: string): Promise<string[]> {
  const rows = await db.report.findMany({
    where: { commentId, resolvedAt: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function setReportsResolved(db: DbClient, ids: string[], resolvedAt: Date | null) {
  return db.report.updateMany({ where: { id: { in: ids } }, data: { resolvedAt } });
}

/** Approved comments in the reported queue of a site. */
export function getReportedApprovedIds(db: Db, siteId: string) {
  return db.comment.findMany({
    where: { siteId, status: 'approved', reportedAt: { not: null } },
    select: { id: true, decidedAt: true },
    take: 10_000,
  });
}
