// The author's own comments awaiting moderation: kept in localStorage (storage.ts) and shown to
// them, marked as pending, until the public copy arrives or they expire (shown by
// thread.ts showPending).
import type { ThreadComment } from '../shared/api-types.js';
import { itemOf, type WidgetState } from './widget-state.js';

/** Drops the pending copies of comments that a page brings as public ones. */
export function dropPendingCopies(w: WidgetState, comments: ThreadComment[]): void {
  const mine = w.pending.list();
  if (!mine.length) return;
  const ids = new Set<string>();
  const walk = (list: ThreadComment[]) => {
    for (const c of list) {
      ids.add(c.id);
      if (c.replies?.length) walk(c.replies);
    }
  };
  walk(comments);
  for (const e of mine) {
    if (ids.has(e.comment.id)) removePendingCopy(w, e.comment.id);
  }
}

function removePendingCopy(w: WidgetState, id: string): void {
  w.pending.remove(id);
  const li = itemOf(w, id);
  if (li?.querySelector(':scope > article.is-pending')) {
    li.remove();
    w.shown.delete(id);
  }
}
