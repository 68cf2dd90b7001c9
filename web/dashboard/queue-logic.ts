// Pure rules of the queue list: which queue a comment belongs to, whether it matches the
// filters, where a live item goes in the current sort. Mirrors src/moderation/queue.repo.ts
// (QUEUE_WHERE, filterWhere) and queue.service.ts (comparePriority).
import type { Filters } from './store.js';
import {
  ACTION_STATUS,
  QUEUES,
  type Action,
  type ModerationItem,
  type Queue,
  type QueueCounts,
  type Sort,
} from './types.js';

type CommentFacts = Pick<ModerationItem['comment'], 'status' | 'toxic' | 'reportedAt'>;

export function inQueue(queue: Queue, c: CommentFacts): boolean {
  switch (queue) {
    case 'pending':
      return c.status === 'pending';
    case 'toxic':
      return c.status === 'pending' && c.toxic;
    case 'spam':
      return c.status === 'spam';
    case 'reported':
      return c.reportedAt !== null && (c.status === 'approved' || c.status === 'pending');
    case 'approved':
      return c.status === 'approved';
    case 'rejected':
      return c.status === 'rejected';
  }
}

export function matchesFilters(item: ModerationItem, f: Filters): boolean {
  if (f.site && item.post.site !== f.site) return false;
  if (f.post && item.post.slug !== f.post) return false;
  if (f.author && item.comment.authorEmail.trim().toLowerCase() !== f.author.trim().toLowerCase())
    return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    if (
      !item.comment.body.toLowerCase().includes(q) &&
      !item.comment.authorName.toLowerCase().includes(q)
    )
      return false;
  }
  return true;
}

/** A comment moved to `to` stays on the tab only when that is the tab's own status. */
export function staysOnTab(queue: Queue, to: string): boolean {
  return (
    (queue === 'approved' || queue === 'rejected' || queue === 'spam' || queue === 'pending') &&
    to === queue
  );
}

/** Count changes a decision makes (every decision also clears reportedAt). */
export function countDelta(c: CommentFacts, action: Action): Partial<QueueCounts> {
  const after = { ...c, status: ACTION_STATUS[action], reportedAt: null };
  const delta: Partial<QueueCounts> = {};
  for (const q of QUEUES) {
    const d = Number(inQueue(q, after)) - Number(inQueue(q, c));
    if (d) delta[q] = d;
  }
  return delta;
}

function risk(item: ModerationItem): number {
  return Math.max(item.comment.toxicityScore ?? 0, item.comment.spamScore ?? 0);
}

/** Negative when `a` comes before `b` in `sort`. */
export function compareItems(sort: Sort, a: ModerationItem, b: ModerationItem): number {
  const ta = Date.parse(a.comment.createdAt);
  const tb = Date.parse(b.comment.createdAt);
  const byId = a.comment.id < b.comment.id ? -1 : a.comment.id > b.comment.id ? 1 : 0;
  if (sort === 'newest') return tb - ta || -byId;
  if (sort === 'oldest') return ta - tb || byId;
  const firstTime = (i: ModerationItem) => Number(i.history.approved === 0);
  return (
    b.comment.reportCount - a.comment.reportCount ||
    risk(b) - risk(a) ||
    firstTime(b) - firstTime(a) ||
    ta - tb ||
    byId
  );
}

/**
 * Index where `item` belongs in `list`, or -1 when it sorts after the last loaded item while
 * more pages remain (the next page will bring it).
 */
export function insertionIndex(
  list: readonly ModerationItem[],
  item: ModerationItem,
  sort: Sort,
  hasMore: boolean,
): number {
  const i = list.findIndex((other) => compareItems(sort, item, other) < 0);
  if (i >= 0) return i;
  return hasMore ? -1 : list.length;
}
