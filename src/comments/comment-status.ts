// The one way a stored comment changes status or body after it was written. It keeps the
// post's visible count in step and publishes the domain events that realtime and caches need.
// A change can be part of a larger transaction (a moderator action and its audit row): the
// writes take the transaction, and the events go out only once it has committed.
import { inTransaction, type Db, type Prisma } from '../db/database.js';
import {
  addToPostCount,
  getStatusRef,
  refOf,
  updateBodyColumns,
  updateStatusColumns,
} from './comment-status.repo.js';
import { CommentNotFoundError } from '../errors.js';
import type { ChangeType, CommentChange, EventBus } from '../events.js';
import { uuidv7 } from '../ids.js';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'rejected' | 'deleted';

export interface StatusChange {
  id: string;
  from: CommentStatus;
  to: CommentStatus;
  postCount: number;
  /** What to publish once the change is committed. */
  ref: { siteId: string; siteSlug: string; postId: string; postSlug: string; commentId: string };
  countChanged: boolean;
  /** In a moderation queue (held, or reported and not yet decided) before and after. */
  queued: { before: boolean; after: boolean };
}

export interface StatusExtras {
  reportedAt?: Date | null;
  decidedAt?: Date;
  screening?: object;
  toxic?: boolean;
  toxicityScore?: number | null;
  spamScore?: number | null;
}

/**
 * Writes a status change inside `tx` and records it (outbox) in the same transaction; publish
 * it with publishStatusChange after commit.
 */
export async function writeCommentStatus(
  tx: Prisma.TransactionClient,
  events: EventBus,
  commentId: string,
  to: CommentStatus,
  also: StatusExtras = {},
): Promise<StatusChange> {
  const current = await getStatusRef(tx, commentId);
  if (!current) throw new CommentNotFoundError(commentId);
  const from = current.status as CommentStatus;
  await updateStatusColumns(tx, commentId, {
    status: to,
    decidedAt: also.decidedAt ?? new Date(),
    ...withoutUndefined(also, ['reportedAt', 'screening', 'toxic', 'toxicityScore', 'spamScore']),
  });
  const delta = (to === 'approved' ? 1 : 0) - (from === 'approved' ? 1 : 0);
  const postCount = await addToPostCount(tx, current.postId, delta);
  const reportedAfter = also.reportedAt === undefined ? current.reportedAt : also.reportedAt;
  const change: StatusChange = {
    id: commentId,
    from,
    to,
    postCount,
    ref: refOf(current),
    countChanged: delta !== 0,
    queued: {
      before: from === 'pending' || (from === 'approved' && current.reportedAt !== null),
      after: to === 'pending' || (to === 'approved' && reportedAfter !== null),
    },
  };
  await events.recordChanges(tx, changesOfStatus(change));
  return change;
}

const STATUS_CHANGE_TYPES: Partial<Record<CommentStatus, ChangeType>> = {
  approved: 'comment.approved',
  rejected: 'comment.rejected',
  spam: 'comment.spam',
  deleted: 'comment.deleted',
};

/** What the outside world hears of a status change: the decision, and the queue it left or entered. */
export function changesOfStatus(change: StatusChange): CommentChange[] {
  const at = new Date();
  const base = {
    siteId: change.ref.siteId,
    postId: change.ref.postId,
    commentId: change.id,
    at,
    from: change.from,
    to: change.to,
  };
  const out: CommentChange[] = [];
  const decided = change.from !== change.to ? STATUS_CHANGE_TYPES[change.to] : undefined;
  if (decided) out.push({ id: uuidv7(), type: decided, ...base });
  if (change.queued.before && !change.queued.after)
    out.push({ id: uuidv7(), type: 'queue.left', ...base });
  if (!change.queued.before && change.queued.after)
    out.push({ id: uuidv7(), type: 'queue.entered', ...base });
  return out;
}

export function publishStatusChange(events: EventBus, change: StatusChange): void {
  const { ref } = change;
  if (change.from !== change.to)
    events.publish('comment.status-changed', { ...ref, from: change.from, to: change.to });
  if (change.countChanged) {
    events.publish('post.count-changed', {
      siteId: ref.siteId,
      siteSlug: ref.siteSlug,
      postId: ref.postId,
      postSlug: ref.postSlug,
      count: change.postCount,
    });
  }
}

/**
 * Sets a comment's status on its own. Extra column updates (reportedAt, screening…) go in
 * `also`; they apply even when the status was already `to`.
 */
export async function setCommentStatus(
  deps: { db: Db; events: EventBus },
  commentId: string,
  to: CommentStatus,
  also: StatusExtras = {},
): Promise<StatusChange> {
  const change = await inTransaction(deps.db, (tx) =>
    writeCommentStatus(tx, deps.events, commentId, to, also),
  );
  publishStatusChange(deps.events, change);
  return change;
}

export interface BodyChange {
  body: string;
  html: string;
  contentHash: string;
  editedAt: Date;
}

/** Replaces a comment's body inside `tx` (already rendered and screened by the caller). */
export async function writeCommentBody(
  tx: Prisma.TransactionClient | Db,
  commentId: string,
  data: BodyChange,
) {
  const updated = await updateBodyColumns(tx, commentId, data);
  return { ...refOf(updated), status: updated.status };
}

/** Replaces a comment's body on its own, records the edit with it, and publishes it. */
export async function setCommentBody(
  deps: { db: Db; events: EventBus },
  commentId: string,
  data: BodyChange,
): Promise<void> {
  const edited = await inTransaction(deps.db, async (tx) => {
    const edited = await writeCommentBody(tx, commentId, data);
    await deps.events.recordChanges(tx, [
      {
        id: uuidv7(),
        type: 'comment.edited',
        siteId: edited.siteId,
        postId: edited.postId,
        commentId,
        at: data.editedAt,
      },
    ]);
    return edited;
  });
  deps.events.publish('comment.edited', edited);
}

function withoutUndefined<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
