// The queue page's loading: the first page for the current filters, "Load more" by cursor
// (priority pages reload longer instead), the footer under the list, and the skeleton and
// error cards. The latest request wins: an answer to an older one is dropped.
import { moderation } from './api.js';
import { h, mount } from './dom.js';
import type { QueueList } from './queue-list.js';
import { store, storeChanged, type Filters } from './store.js';
import { COMMON, QUEUE } from './strings.js';
import { toastError } from './toast.js';

const PAGE_SIZE = 25;

export interface QueuePaging {
  /** Where the next page starts; null when the list holds the whole queue. */
  readonly nextCursor: string | null;
  /** The first page has arrived (an empty list then means an empty queue). */
  readonly loaded: boolean;
  load(opts?: { limit?: number; keepSelection?: boolean }): Promise<void>;
  loadMore(): Promise<void>;
  renderFooter(): void;
  /** Drops the answers of requests under way (the page is leaving). */
  cancel(): void;
}

export function queuePaging(
  f: Filters,
  list: QueueList,
  footer: HTMLElement,
  afterChange: () => void,
): QueuePaging {
  let nextCursor: string | null = null;
  let loadSeq = 0;
  let loading = false;
  let loaded = false;

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

  return {
    get nextCursor() {
      return nextCursor;
    },
    get loaded() {
      return loaded;
    },
    load,
    loadMore,
    renderFooter,
    cancel() {
      loadSeq++;
    },
  };
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
