// Moderator decisions on one comment: approve, reject, spam, not-spam, delete, edit. Each goes
// through comment-status.ts (post counts, events) and writes one audit row that undo can replay.
import { ACTION_STATUS, type BulkResult, type Decided } from '../contracts/moderation-api.js';
import { assertCanModerateSite, type Actor } from '../auth/index.js';
import {
  publishStatusChange,
  setCommentBody,
  writeCommentStatus,
  type CommentStatus,
} from '../comments/index.js';
import { renderCommentBody } from '../comments/index.js';
import { inTransaction, type Db } from '../db/database.js';
import { AppError, CommentNotFoundError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { Hasher } from '../privacy/hashing.js';
import { insertAudit } from './audit.repo.js';
import type { ModerationFeedback } from './feedback.js';
import { toModerationItems, type ModerationItem } from './moderation-item.js';
import type { ModerationAction } from './moderation.schema.js';
import { logModeratorAction } from './action-log.js';
import { getCommentState } from './moderation.repo.js';
import { getModerationRow } from './queue.repo.js';
import { getOpenReportIds, setReportsResolved } from './reports.repo.js';

export interface ActionDeps {
  db: Db;
  events: EventBus;
  hasher: Hasher;
  feedback: ModerationFeedback;
  log: Logger;
}

/** The state undo restores, stored as the audit row's `before`. */
export interface CommentSnapshot {
  status?: CommentStatus;
  reportedAt?: string | null;
  body?: string;
}

export async function moderateComment(
  deps: ActionDeps,
  actor: Actor,
  commentId: string,
  action: ModerationAction,
  options: { reason?: string } = {},
): Promise<Decided> {
  const current = await getCommentState(deps.db, commentId);
  if (!current) throw new CommentNotFoundError(commentId);
  assertCanModerateSite(actor, current.siteId);

  const to = ACTION_STATUS[action];
  const before: CommentSnapshot = {
    status: current.status,
    reportedAt: current.reportedAt?.toISOString() ?? null,
  };
  // The decision, the reports it settles and its audit row stand or fall together.
  const { change, audit } = await inTransaction(deps.db, async (tx) => {
    // Any decision settles the reader reports: the comment leaves the reported queue.
    const change = await writeCommentStatus(tx, deps.events, commentId, to, { reportedAt: null });
    const resolvedReportIds = await getOpenReportIds(tx, commentId);
    if (resolvedReportIds.length > 0) await setReportsResolved(tx, resolvedReportIds, new Date());
    const audit = await insertAudit(tx, {
      siteId: current.siteId,
      actor,
      action,
      targetType: 'comment',
      targetId: commentId,
      before,
      after: {
        status: to,
        reportedAt: null,
        resolvedReportIds,
        ...(options.reason && { reason: options.reason }),
      },
    });
    return { change, audit };
  });
  logModeratorAction(deps.log, actor, action, { commentId }, current.siteId);
  publishStatusChange(deps.events, change);
  await teachScreening(deps, commentId, action);
  return { comment: await loadItem(deps.db, commentId), auditId: audit.id };
}

async function teachScreening(
  deps: ActionDeps,
  commentId: string,
  action: ModerationAction,
): Promise<void> {
  if (action === 'delete') return;
  try {
    await deps.feedback.decided(commentId, action);
  } catch (err) {
    // The decision stands even when Akismet or the classifier cannot learn from it right now.
    deps.log.warn(
      { commentId, action, err: (err as Error)?.message },
      'moderation feedback failed',
    );
  }
}

export async function editCommentBody(
  deps: ActionDeps,
  actor: Actor,
  commentId: string,
  body: string,
): Promise<Decided> {
  const current = await getCommentState(deps.db, commentId);
  if (!current) throw new CommentNotFoundError(commentId);
  assertCanModerateSite(actor, current.siteId);
  await writeBody(deps, commentId, body);
  const audit = await insertAudit(deps.db, {
    siteId: current.siteId,
    actor,
    action: 'edit',
    targetType: 'comment',
    targetId: commentId,
    before: { body: current.body },
    after: { body },
  });
  logModeratorAction(deps.log, actor, 'edit', { commentId }, current.siteId);
  return { comment: await loadItem(deps.db, commentId), auditId: audit.id };
}

export async function writeBody(deps: ActionDeps, commentId: string, body: string): Promise<void> {
  await setCommentBody(deps, commentId, {
    body,
    html: renderCommentBody(body),
    contentHash: deps.hasher.content(body),
    editedAt: new Date(),
  });
}

/** One action on many comments; each succeeds or fails on its own, with one audit row each. */
export async function moderateMany(
  deps: ActionDeps,
  actor: Actor,
  ids: string[],
  action: ModerationAction,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      const { auditId } = await moderateComment(deps, actor, id, action);
      results.push({ id, ok: true, auditId });
    } catch (err) {
      if (!(err instanceof AppError))
        deps.log.error({ commentId: id, err: (err as Error)?.message }, 'bulk moderation failed');
      results.push({ id, ok: false, error: err instanceof AppError ? err.code : 'INTERNAL' });
    }
  }
  return results;
}

export async function loadItem(db: Db, commentId: string): Promise<ModerationItem> {
  const row = await getModerationRow(db, commentId);
  if (!row) throw new CommentNotFoundError(commentId);
  return (await toModerationItems(db, [row]))[0]!;
}
