// The queue page: the list (queue-list.ts) under its header (queue-toolbar.ts), wired to its
// jobs: loading and paging (queue-paging.ts), decisions, bulk actions and undo
// (queue-decisions.ts), live changes from other moderators (queue-live.ts) and the keyboard
// (queue-keys.ts). What stays here: filters, the empty state, and placing a card.
import { h, mount } from './dom.js';
import { queueDecisions } from './queue-decisions.js';
import { queueKeys } from './queue-keys.js';
import { QueueList } from './queue-list.js';
import { subscribeQueueLive } from './queue-live.js';
import { inQueue, insertionIndex, matchesFilters } from './queue-logic.js';
import { queuePaging } from './queue-paging.js';
import { QUEUE_LABELS, queueToolbar } from './queue-toolbar.js';
import type { Page } from './router.js';
import { displayCounts, filtersToSearch, onStoreChange, store, storeChanged } from './store.js';
import { QUEUE } from './strings.js';
import type { ModerationItem } from './types.js';

/** Fetch the next page when fewer cards than this are left after decisions. */
const REFILL_BELOW = 6;

export function mountQueuePage(main: HTMLElement): Page {
  const f = store.filters;

  const toolbar = queueToolbar(f, store.user?.sites ?? [], {
    filtersChanged: applyFilters,
    bulk: (action) => void decisions.bulk(action),
    selectAll: (on) => list.checkAll(on),
  });
  const list = new QueueList(
    QUEUE.listLabel(QUEUE_LABELS[f.queue]),
    {
      act(id, action) {
        list.select(id, false);
        decisions.act(id, action);
      },
      toggle: (id, on) => list.setChecked(id, on),
      filterBy(kind, value) {
        f[kind] = value;
        toolbar.setField(kind, value);
        applyFilters();
      },
    },
    afterChange,
  );
  const footer = h('div', { class: 'list-footer' });
  mount(
    main,
    h('div', { class: 'page page-queue' }, toolbar.head, toolbar.bulkbar, list.el, footer),
  );
  const paging = queuePaging(f, list, footer, afterChange);
  const decisions = queueDecisions({ list, take, place });

  function applyFilters(): void {
    history.replaceState(null, '', `/moderate${filtersToSearch(f)}`);
    storeChanged();
    void paging.load();
  }

  function renderCount(): void {
    toolbar.setCount(displayCounts()?.[f.queue] ?? null);
  }
  const offStore = onStoreChange(renderCount);

  function afterChange(): void {
    if (paging.loaded) list.setTrailer(list.items.length === 0 ? emptyState() : null);
    toolbar.setPostSlugs(new Set(list.items.map((i) => i.post.slug)));
    toolbar.setSelection(list.checked.size, list.items.length);
    paging.renderFooter();
    renderCount();
  }

  function emptyState(): HTMLElement {
    const filtered = Boolean(f.post || f.q || f.author);
    const actionable = f.queue !== 'approved' && f.queue !== 'rejected';
    return h(
      'div',
      { class: 'empty', 'data-testid': 'empty-state', role: 'presentation' },
      h('div', { class: 'empty-icon', 'aria-hidden': 'true' }, filtered ? '⌕' : '✓'),
      h(
        'p',
        { class: 'empty-title' },
        filtered ? QUEUE.noMatch : actionable ? QUEUE.nothingWaiting : QUEUE.noneYet,
      ),
      filtered
        ? h(
            'button',
            { type: 'button', class: 'btn btn-plain btn-sm', onclick: clearFilters },
            QUEUE.clearFilters,
          )
        : h('p', { class: 'muted' }, actionable ? QUEUE.arriveHint : ''),
    );
  }

  function clearFilters(): void {
    f.post = f.q = f.author = '';
    for (const key of ['post', 'q', 'author'] as const) toolbar.setField(key, '');
    applyFilters();
  }

  /** Puts a comment where it belongs in the current view; false when it does not belong. */
  function place(item: ModerationItem, opts: { force: boolean }): boolean {
    if (!inQueue(f.queue, item.comment) || !matchesFilters(item, f)) return false;
    if (list.replace(item)) return true;
    const idx = insertionIndex(list.items, item, f.sort, Boolean(paging.nextCursor) && !opts.force);
    if (idx < 0) return false;
    list.insertAt(item, idx);
    return true;
  }

  function take(id: string): { item: ModerationItem; index: number } | null {
    const taken = list.remove(id);
    if (taken && list.items.length < REFILL_BELOW && paging.nextCursor) void paging.loadMore();
    return taken;
  }

  const offLive = subscribeQueueLive({ f, list, paging, decisions, take });

  renderCount();
  toolbar.setSelection(0, 0);
  void paging.load();

  return {
    onKey: queueKeys({ list, paging, decisions, toolbar }),
    unmount() {
      paging.cancel();
      toolbar.unmount();
      offLive();
      offStore();
    },
  };
}
