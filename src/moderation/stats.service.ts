// Moderation statistics over the last N days (UTC): comments per day by current status,
// totals, and the median time a moderator took to decide (decisions at submit excluded).
import type { CommentStatus, DayStats, ModerationStats } from '../contracts/moderation-api.js';
import type { Actor } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { SiteDirectory } from '../sites/index.js';
import { getCommentTimes } from './moderation.repo.js';
import { siteScope } from './site-scope.js';

type Status = CommentStatus;
const MAX_ROWS = 200_000;
const DAY_MS = 86_400_000;

export async function getModerationStats(
  deps: { db: Db; sites: SiteDirectory },
  actor: Actor,
  query: { site?: string; days: number },
  now = new Date(),
): Promise<ModerationStats> {
  const siteIds = await siteScope(deps, actor, query.site);
  const firstDay =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (query.days - 1) * DAY_MS;
  const rows = await getCommentTimes(deps.db, siteIds, new Date(firstDay), MAX_ROWS);
  const perDay = emptyDays(firstDay, query.days);
  const byStatus = zeroCounts();
  for (const row of rows) {
    const day = perDay[Math.floor((row.createdAt.getTime() - firstDay) / DAY_MS)];
    const status = row.status as Status;
    byStatus[status] += 1;
    if (!day) continue;
    day.total += 1;
    day[status] += 1;
  }
  return { perDay, byStatus, medianDecisionSeconds: medianDecisionSeconds(rows) };
}

function zeroCounts(): Record<Status, number> {
  return { approved: 0, pending: 0, spam: 0, rejected: 0, deleted: 0 };
}

function emptyDays(firstDay: number, days: number): DayStats[] {
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10),
    total: 0,
    ...zeroCounts(),
  }));
}

/** Screening decides at submit (decidedAt = createdAt); later decisions were a moderator's. */
export function medianDecisionSeconds(
  rows: { createdAt: Date; status: string; decidedAt: Date | null }[],
): number | null {
  const waits = rows
    .filter(
      (r) => r.status !== 'pending' && r.decidedAt && r.decidedAt.getTime() > r.createdAt.getTime(),
    )
    .map((r) => (r.decidedAt!.getTime() - r.createdAt.getTime()) / 1000)
    .sort((a, b) => a - b);
  if (waits.length === 0) return null;
  const mid = Math.floor(waits.length / 2);
  const median = waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
  return Math.round(median);
}
