// Other moderators' changes, live: a comment entering the view is placed where the sort puts it,
// one leaving goes (unless it is ours in flight, or the stale original of our own undo).
import { subscribeLive } from './live.js';
import type { Decisions } from './queue-decisions.js';
import type { QueueList } from './queue-list.js';
import { inQueue, insertionIndex, matchesFilters, staysOnTab } from './queue-logic.js';
import type { QueuePaging } from './queue-paging.js';
import type { Filters } from './store.js';
import { QUEUE } from './strings.js';
import { toast } from './toast.js';

/** A queue:removed this soon after our own undo restored the comment is the stale original. */
const RESTORE_GRACE_MS = 3000;

export interface QueueLiveHost {
  f: Filters;
  list: QueueList;
  paging: QueuePaging;
  decisions: Decisions;
  take(id: string): unknown;
}

/** Applies live queue events to the page; returns the unsubscribe. */
export function subscribeQueueLive({ f, list, paging, decisions, take }: QueueLiveHost) {
  const { inFlight, restoredAt } = decisions;
  return subscribeLive({
    added({ queue, item }) {
      if (inFlight.has(item.comment.id)) return;
      if (!(inQueue(f.queue, item.comment) || queue === f.queue) || !matchesFilters(item, f))
        return;
      if (list.replace(item)) return;
      const idx = insertionIndex(list.items, item, f.sort, Boolean(paging.nextCursor));
      if (idx >= 0) list.insertAt(item, idx);
    },
    removed({ id, to }) {
      if (inFlight.has(id)) {
        inFlight.set(id, true);
        return;
      }
      if (list.indexOf(id) < 0 || staysOnTab(f.queue, to)) return;
      if (Date.now() - (restoredAt.get(id) ?? 0) < RESTORE_GRACE_MS) return;
      const wasMine = id === list.selectedId || list.checked.has(id);
      take(id);
      if (wasMine) toast(QUEUE.handledElsewhere, { kind: 'info' });
    },
    updated({ item }) {
      if (list.indexOf(item.comment.id) >= 0 && inQueue(f.queue, item.comment)) list.replace(item);
    },
    resync() {
      void paging.load({ keepSelection: true });
    },
  });
}
