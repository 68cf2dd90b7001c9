// The queue page: loading and paging, keyboard decisions, optimistic actions (the card leaves
// at once and comes back if the server says no), undo through the audit log, and live changes
// from other moderators. The list itself is queue-list.ts; the header queue-toolbar.ts.
import { moderation } from './api.js';
import { openBanDialog } from './ban-dialog.js';
import { h, mount } from './dom.js';
import { subscribeLive } from './live.js';
import { countDelta, inQueue, insertionIndex, matchesFilters, staysOnTab } from './queue-logic.js';
import type { CardAction } from './queue-item.js';
import { QueueList } from './queue-list.js';
import { QUEUE_LABELS, queueToolbar } from './queue-toolbar.js';
import type { Page } from './router.js';
import { displayCounts, filtersToSearch, onStoreChange, store, storeChanged } from './store.js';
import { COMMON, count, QUEUE } from './strings.js';
import { toast, toastError } from './toast.js';
import type { Action, ModerationItem, Queue, QueueCounts } from './types.js';
import { undoViaAudit, type UndoTarget } from './undo.js';

const PAGE_SIZE = 25;
/** Fetch the next page when fewer cards than this are left after decisions. */
const REFILL_BELOW = 6;
/** A queue:removed this soon after our own undo restored the comment is the stale original. */
const RESTORE_GRACE_MS = 3000;

const NOUN: Record<Action, string> = QUEUE.noun;
const DONE: Record<Action, string> = QUEUE.done;
const KEY_ACTIONS: Record<string, CardAction> = {
  a: 'approve',
  r: 'reject',
  s: 'spam',
  n: 'not-spam',
  b: 'ban',
};

/** One undoable step of this moderator: a decision, a ban, or a bulk decision. */
interface UndoStep {
  label: string;
  site: string | null;
  targets: UndoTarget[];
  /** Closes the step's "… · Undo" toast once it is undone. */
  dismiss?: () => void;
}

// Module-level so undo survives switching tabs and pages.
const undoStack: UndoStep[] = [];

export function mountQueuePage(main: HTMLElement): Page {
  const f = store.filters;
  let nextCursor: string | null = null;
  let loadSeq = 0;
  let loading = false;
  let loaded = false;
  /** Ids with a request in flight; true once someone else's decision on it arrived. */
  const inFlight = new Map<string, boolean>();
  const restoredAt = new Map<string, number>();

  const toolbar = queueToolbar(f, store.user?.sites ?? [], {
    filtersChanged: applyFilters,
    bulk: (action) => void bulk(action),
    selectAll: (on) => list.checkAll(on),
  });
  const list = new QueueList(
    QUEUE.listLabel(QUEUE_LABELS[f.queue]),
    {
      act(id, action) {
        list.select(id, false);
        act(id, action);
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

  function applyFilters(): void {
    history.replaceState(null, '', `/moderate${filtersToSearch(f)}`);
    storeChanged();
    void load();
  }

  function renderCount(): void {
    toolbar.setCount(displayCounts()?.[f.queue] ?? null);
  }
  const offStore = onStoreChange(renderCount);

  function afterChange(): void {
    if (loaded) list.setTrailer(list.items.length === 0 ? emptyState() : null);
    toolbar.setPostSlugs(new Set(list.items.map((i) => i.post.slug)));
    toolbar.setSelection(list.checked.size, list.items.length);
    renderFooter();
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

  function renderFooter(): void {
    if (loading && list.items.length > 0)
      mount(footer, h('span', { class: 'muted' }, COMMON.loading));
    else if (nextCursor)
      mount(
        footer,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-plain btn-sm',
            'data-testid': 'load-more',
            onclick: () => void loadMore(),
          },
          QUEUE.loadMore,
        ),
      );
    else if (list.items.length > 0) mount(footer, h('span', { class: 'muted small' }, QUEUE.end));
    else mount(footer);
  }

  /** Puts a comment where it belongs in the current view; false when it does not belong. */
  function place(item: ModerationItem, opts: { force: boolean }): boolean {
    if (!inQueue(f.queue, item.comment) || !matchesFilters(item, f)) return false;
    if (list.replace(item)) return true;
    const idx = insertionIndex(list.items, item, f.sort, Boolean(nextCursor) && !opts.force);
    if (idx < 0) return false;
    list.insertAt(item, idx);
    return true;
  }

  function take(id: string): { item: ModerationItem; index: number } | null {
    const taken = list.remove(id);
    if (taken && list.items.length < REFILL_BELOW && nextCursor) void loadMore();
    return taken;
  }

  // ---- loading ----------------------------------------------------------------------------
  const query = () => ({
    queue: f.queue,
    site: f.site,
    post: f.post,
    q: f.q,
    author: f.author,
    sort: f.sort,
  });

  async function load(opts: { limit?: number; keepSelection?: boolean } = {}): Promise<void> {
    const seq = ++loadSeq;
    loading = true;
    list.el.setAttribute('aria-busy', 'true');
    if (!loaded) list.setTrailer(skeleton());
    try {
      const page = await moderation.queue({ ...query(), limit: opts.limit ?? PAGE_SIZE });
      if (seq !== loadSeq) return;
      nextCursor = page.nextCursor;
      store.listCounts = page.counts;
      loaded = true;
      loading = false;
      list.setItems(page.items, Boolean(opts.keepSelection));
      storeChanged();
    } catch (err) {
      if (seq !== loadSeq) return;
      loading = false;
      list.setTrailer(
        h(
          'div',
          { class: 'empty', 'data-testid': 'load-error' },
          h('p', { class: 'empty-title' }, QUEUE.loadFailed),
          h('p', { class: 'muted' }, err instanceof Error ? err.message : ''),
          h(
            'button',
            { type: 'button', class: 'btn btn-plain btn-sm', onclick: () => void load() },
            COMMON.retry,
          ),
        ),
      );
    } finally {
      if (seq === loadSeq) {
        list.el.removeAttribute('aria-busy');
        document.body.dataset.ready = 'true';
      }
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor || loading) return;
    // Priority pages are offsets into a ranking that decisions shift: reload the longer page.
    if (f.sort === 'priority')
      return load({ limit: Math.min(100, list.items.length + PAGE_SIZE), keepSelection: true });
    const seq = loadSeq;
    loading = true;
    renderFooter();
    try {
      const page = await moderation.queue({ ...query(), limit: PAGE_SIZE, cursor: nextCursor });
      if (seq !== loadSeq) return;
      nextCursor = page.nextCursor;
      store.listCounts = page.counts;
      loading = false;
      list.append(page.items);
    } catch (err) {
      toastError(err, QUEUE.loadMoreFailed);
    } finally {
      if (seq === loadSeq) {
        loading = false;
        afterChange();
      }
    }
  }

  function skeleton(): HTMLElement[] {
    return [1, 2, 3].map(() =>
      h(
        'div',
        { class: 'card skeleton', 'aria-hidden': 'true' },
        h('div', { class: 'sk w40' }),
        h('div', { class: 'sk w90' }),
        h('div', { class: 'sk w70' }),
      ),
    );
  }

  // ---- decisions --------------------------------------------------------------------------
  /** Optimistic counts; the next queue:counts from the server replaces them. */
  function applyCounts(item: ModerationItem, action: Action, sign: 1 | -1): void {
    const delta = countDelta(item.comment, action);
    const bump = (counts: QueueCounts | null | undefined) => {
      if (!counts) return;
      for (const [q, d] of Object.entries(delta))
        counts[q as Queue] = Math.max(0, counts[q as Queue] + sign * d);
    };
    bump(store.siteCounts.get(item.post.site));
    bump(store.listCounts);
    storeChanged();
  }

  function pushUndo(step: UndoStep, message: string, kind: 'success' | 'error' = 'success'): void {
    undoStack.push(step);
    step.dismiss = toast(message, {
      kind,
      action: { label: QUEUE.undo, run: () => void undo(step) },
    });
  }

  function act(id: string, action: CardAction): void {
    const item = list.items[list.indexOf(id)];
    if (!item) return;
    if (action === 'ban') {
      ban(item);
      return;
    }
    inFlight.set(id, false);
    const { index } = take(id)!;
    applyCounts(item, action, 1);
    const who = item.comment.authorName;
    moderation
      .act(id, action)
      .then(({ auditId }) =>
        pushUndo(
          {
            label: QUEUE.undoOne(NOUN[action], who),
            site: item.post.site,
            targets: [{ id, action, auditId }],
          },
          QUEUE.doneOne(DONE[action], who),
        ),
      )
      .catch((err: unknown) => {
        applyCounts(item, action, -1);
        if (inFlight.get(id)) return void toast(QUEUE.handledElsewhere, { kind: 'info' });
        list.insertAt(item, index);
        list.select(id);
        toastError(err, QUEUE.actFailed(action));
      })
      .finally(() => inFlight.delete(id));
  }

  function ban(item: ModerationItem): void {
    openBanDialog(item, (b, alsoReject) => {
      const what = b.kind === 'ip' ? QUEUE.ipOf(item.comment.authorName) : b.value;
      const until = b.expiresAt ? QUEUE.until(new Date(b.expiresAt).toLocaleDateString()) : '';
      pushUndo(
        { label: QUEUE.banUndo(what), site: b.site, targets: [{ id: b.id, action: 'ban.create' }] },
        QUEUE.banned(what, until),
      );
      if (alsoReject && list.indexOf(item.comment.id) >= 0) act(item.comment.id, 'reject');
    });
  }

  async function bulk(action: Action): Promise<void> {
    const chosen = list.items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => list.checked.has(item.comment.id));
    if (chosen.length === 0) return;
    const ids = chosen.map((c) => c.item.comment.id);
    for (const { item } of chosen) {
      inFlight.set(item.comment.id, false);
      take(item.comment.id);
      applyCounts(item, action, 1);
    }
    const restore = (which: typeof chosen) => {
      for (const { item, index } of which) {
        applyCounts(item, action, -1);
        if (!inFlight.get(item.comment.id)) list.insertAt(item, index);
      }
    };
    try {
      const { results } = await moderation.bulk(ids, action);
      const failed = new Set(results.filter((r) => !r.ok).map((r) => r.id));
      restore(chosen.filter(({ item }) => failed.has(item.comment.id)));
      const done = chosen.filter(({ item }) => !failed.has(item.comment.id));
      const auditIds = new Map(results.map((r) => [r.id, r.auditId]));
      if (done.length === 0) return void toast(QUEUE.bulkNothing(failed.size), { kind: 'error' });
      const sites = new Set(done.map(({ item }) => item.post.site));
      const n = count(done.length, 'comment');
      pushUndo(
        {
          label: QUEUE.undoMany(NOUN[action], n),
          site: sites.size === 1 ? [...sites][0]! : null,
          targets: done.map(({ item }) => ({
            id: item.comment.id,
            action,
            auditId: auditIds.get(item.comment.id),
          })),
        },
        QUEUE.doneMany(DONE[action], n, failed.size),
        failed.size ? 'error' : 'success',
      );
    } catch (err) {
      restore(chosen);
      toastError(err, QUEUE.bulkFailed);
    } finally {
      for (const id of ids) inFlight.delete(id);
    }
  }

  async function undo(step?: UndoStep): Promise<void> {
    const target = step ?? undoStack.at(-1);
    if (!target) return void toast(QUEUE.nothingToUndo);
    const at = undoStack.indexOf(target);
    if (at < 0) return;
    undoStack.splice(at, 1);
    target.dismiss?.();
    try {
      const { comments } = await undoViaAudit(target.targets, target.site);
      let first: string | null = null;
      for (const item of comments) {
        restoredAt.set(item.comment.id, Date.now());
        if (place(item, { force: true })) first = item.comment.id;
      }
      if (first) list.select(first);
      toast(QUEUE.undone(target.label), { kind: 'info' });
    } catch (err) {
      toastError(err, QUEUE.undoFailed);
    }
  }

  // ---- live -------------------------------------------------------------------------------
  const offLive = subscribeLive({
    added({ queue, item }) {
      if (inFlight.has(item.comment.id)) return;
      if (!(inQueue(f.queue, item.comment) || queue === f.queue) || !matchesFilters(item, f))
        return;
      if (list.replace(item)) return;
      const idx = insertionIndex(list.items, item, f.sort, Boolean(nextCursor));
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
      void load({ keepSelection: true });
    },
  });

  // ---- keyboard ---------------------------------------------------------------------------
  function onKey(e: KeyboardEvent): boolean {
    const key = e.key;
    if (key === 'j' || key === 'ArrowDown') {
      const at = list.move(1);
      if (at >= list.items.length - 2 && nextCursor) void loadMore();
    } else if (key === 'k' || key === 'ArrowUp') list.move(-1);
    else if (key === 'u') void undo();
    else if (key === 'x') {
      if (list.selectedId) list.setChecked(list.selectedId);
    } else if (key === '/') toolbar.focusSearch();
    else if (KEY_ACTIONS[key]) {
      if (list.selectedId) act(list.selectedId, KEY_ACTIONS[key]!);
    } else return false;
    return true;
  }

  renderCount();
  toolbar.setSelection(0, 0);
  void load();

  return {
    onKey,
    unmount() {
      loadSeq++;
      toolbar.unmount();
      offLive();
      offStore();
    },
  };
}
