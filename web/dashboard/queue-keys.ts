// The queue page's keyboard: j/k (or the arrows) move, a/r/s/n/b decide on the selected card,
// x checks it, u undoes, / searches.
import type { Decisions } from './queue-decisions.js';
import type { CardAction } from './queue-item.js';
import type { QueueList } from './queue-list.js';
import type { QueuePaging } from './queue-paging.js';
import type { QueueToolbar } from './queue-toolbar.js';

const KEY_ACTIONS: Record<string, CardAction> = {
  a: 'approve',
  r: 'reject',
  s: 'spam',
  n: 'not-spam',
  b: 'ban',
};

export interface QueueKeysHost {
  list: QueueList;
  paging: QueuePaging;
  decisions: Decisions;
  toolbar: QueueToolbar;
}

/** The page's key handler: true when it used the key. */
export function queueKeys({ list, paging, decisions, toolbar }: QueueKeysHost) {
  return (e: KeyboardEvent): boolean => {
    const key = e.key;
    if (key === 'j' || key === 'ArrowDown') {
      const at = list.move(1);
      if (at >= list.items.length - 2 && paging.nextCursor) void paging.loadMore();
    } else if (key === 'k' || key === 'ArrowUp') list.move(-1);
    else if (key === 'u') void decisions.undo();
    else if (key === 'x') {
      if (list.selectedId) list.setChecked(list.selectedId);
    } else if (key === '/') toolbar.focusSearch();
    else if (KEY_ACTIONS[key]) {
      if (list.selectedId) decisions.act(list.selectedId, KEY_ACTIONS[key]!);
    } else return false;
    return true;
  };
}
