// The one way a stored comment changes status or body after it was written. It keeps the
// post's visible count in step and publishes the domain events that realtime and caches need.
import type { Db } from '../db/database.js';
import { CommentNotFoundError } from '../errors.js';
import type { EventBus } from '../events.js';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'rejected' | 'deleted';

export interface StatusChange {
  id: string;
  from: CommentStatus;
  to: CommentStatus;
  postCount: number;
}

const REF_SELECT = {
  id: true,
  status: true,
  siteId: true,
  postId: true,
  site: { select: { slug: true } },
  post: { select: { slug: true } },
} as const;

function refOf(c: { id: string; siteId: string; postId: string; site: { slug: string }; post: { slug: string } }) {
  return { siteId: c.siteId, siteSlug: c.site.slug, postId: c.postId, postSlug: c.post.slug, commentId: c.id };
}

/**
 * Sets a comment's status. Extra column updates (reportedAt, screening…) go in `also`.
 * Returns null-change info when the status was already `to` (the extra columns still apply).
 */
export async function setCommentStatus(
  deps: { db: Db; events: EventBus },
  commentId: string,
  to: CommentStatus,
  also: { reportedAt?: Date | null; decidedAt?: Date; screening?: object; toxic?: boolean } = {},
): Promise<StatusChange> {
  const result = await deps.db.$transaction(async (tx) => {
    const current = await tx.comment.findUnique({ where: { id: commentId }, select: REF_SELECT });
    if (!current) throw new CommentNotFoundError(commentId);
    const from = current.status as CommentStatus;
    await tx.comment.update({
      where: { id: commentId },
      data: { status: to, decidedAt: also.decidedAt ?? new Date(), ...withoutUndefined(also, ['reportedAt', 'screening', 'toxic']) },
    });
    const delta = (to === 'approved' ? 1 : 0) - (from === 'approved' ? 1 : 0);
    const post = await tx.post.update({
      where: { id: current.postId },
      data: delta === 0 ? {} : { commentCount: { increment: delta } },
      select: { commentCount: true },
    });
    return { current, from, postCount: post.commentCount, delta };
  });
  const ref = refOf(result.current);
  if (result.from !== to) {
    deps.events.publish('comment.status-changed', { ...ref, from: result.from, to });
  }
  if (result.delta !== 0) {
    deps.events.publish('post.count-changed', { siteId: ref.siteId, siteSlug: ref.siteSlug, postId: ref.postId, postSlug: ref.postSlug, count: result.postCount });
  }
  return { id: commentId, from: result.from, to, postCount: result.postCount };
}

/** Replaces a comment's body (already rendered and screened by the caller). */
export async function setCommentBody(
  deps: { db: Db; events: EventBus },
  commentId: string,
  data: { body: string; html: string; contentHash: string; editedAt: Date },
): Promise<void> {
  const updated = await deps.db.comment.update({ where: { id: commentId }, data, select: REF_SELECT });
  deps.events.publish('comment.edited', { ...refOf(updated), status: updated.status });
}

function withoutUndefined<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
