// Reader reports. One report per reader (IP hash) per comment counts; at the site's
// threshold an approved comment enters the reported queue once, and with hideReported it
// also leaves the public thread (back to pending) until a moderator decides.
import { setCommentStatus } from '../comments/index.js';
import { inTransaction, type Db } from '../db/database.js';
import { CommentNotFoundError } from '../errors.js';
import type { EventBus } from '../events.js';
import { uuidv7 } from '../ids.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import { getReportTarget } from './moderation.repo.js';
import {
  countOpenReports,
  getReportedApprovedIds,
  incrementReportCount,
  insertReport,
  markReported,
} from './reports.repo.js';

export interface ReportDeps {
  db: Db;
  events: EventBus;
  sites: SiteDirectory;
  hasher: Hasher;
}

export interface ReportInput {
  reason: 'spam' | 'abuse' | 'off-topic' | 'other';
  note?: string;
}

/** Records a report; returns whether it counted (false for a repeat by the same reader). */
export async function reportComment(
  deps: ReportDeps,
  commentId: string,
  input: ReportInput,
  ip: string,
): Promise<boolean> {
  const comment = await getReportTarget(deps.db, commentId);
  // Readers can only report what they can see.
  if (!comment || comment.status !== 'approved') throw new CommentNotFoundError(commentId);
  const counted = await insertReport(deps.db, {
    commentId,
    siteId: comment.siteId,
    reason: input.reason,
    note: input.note || null,
    ipHash: deps.hasher.ip(ip),
  });
  if (!counted) return false;
  await incrementReportCount(deps.db, commentId);
  // Only reports since the last moderator decision count: a comment a moderator approved
  // after reports starts again from zero (a decision resolves the open reports).
  const open = await countOpenReports(deps.db, commentId);
  const site = await deps.sites.getById(comment.siteId);
  if (open >= site.settings.reportThreshold)
    await flagReported(deps, comment, open, site.settings.hideReported);
  return true;
}

async function flagReported(
  deps: ReportDeps,
  comment: NonNullable<Awaited<ReturnType<typeof getReportTarget>>>,
  reportCount: number,
  hide: boolean,
): Promise<void> {
  // Only the report that crosses the threshold flags it; concurrent ones see it already set.
  if (!comment.reportedAt && (await markReportedAndRecord(deps, comment))) {
    deps.events.publish('comment.reported', {
      siteId: comment.siteId,
      siteSlug: comment.site.slug,
      postId: comment.postId,
      postSlug: comment.post.slug,
      commentId: comment.id,
      reportCount,
    });
  }
  // Hidden whenever the site hides reported comments, also when it was flagged before the
  // site switched hiding on.
  if (hide) await hideFromThread(deps, comment);
}

/** Flags the comment and records it (reported, and in the queue) in one transaction. */
function markReportedAndRecord(
  deps: ReportDeps,
  comment: { id: string; siteId: string; postId: string },
): Promise<boolean> {
  const at = new Date();
  return inTransaction(deps.db, async (tx) => {
    if (!(await markReported(tx, comment.id, at))) return false;
    const ref = { siteId: comment.siteId, postId: comment.postId, commentId: comment.id, at };
    await deps.events.recordChanges(tx, [
      { id: uuidv7(), type: 'comment.reported', ...ref },
      { id: uuidv7(), type: 'queue.entered', ...ref },
    ]);
    return true;
  });
}

async function hideFromThread(
  deps: ReportDeps,
  comment: { id: string; decidedAt: Date | null },
): Promise<void> {
  await setCommentStatus(deps, comment.id, 'pending', {
    ...(comment.decidedAt && { decidedAt: comment.decidedAt }),
  });
}

/** When a site switches hideReported on: its comments waiting in the reported queue leave the thread. */
export async function hideReportedComments(deps: ReportDeps, siteId: string): Promise<number> {
  const ids = await getReportedApprovedIds(deps.db, siteId);
  for (const c of ids) await hideFromThread(deps, c);
  return ids.length;
}
