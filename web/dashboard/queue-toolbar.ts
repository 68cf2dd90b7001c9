// The queue page header: title with the live count, filters (search, site, post, author, sort;
// text fields debounced) and the bulk bar (select all, Approve/Reject/Spam selected).
import { openHelp } from './dialog.js';
import { h } from './dom.js';
import type { Filters } from './store.js';
import { COMMON, QUEUE_HINTS, QUEUE_NAMES, QUEUE_TOOLBAR } from './strings.js';
import type { Action, Queue, Sort } from './types.js';

const TEXT_DEBOUNCE_MS = 300;

export const QUEUE_LABELS: Record<Queue, string> = QUEUE_NAMES;

const SORTS: [Sort, string][] = [
  ['oldest', QUEUE_TOOLBAR.sortOldest],
  ['newest', QUEUE_TOOLBAR.sortNewest],
  ['priority', QUEUE_TOOLBAR.sortPriority],
];

export interface QueueToolbar {
  head: HTMLElement;
  bulkbar: HTMLElement;
  setCount(n: number | null): void;
  /** Bulk bar state: how many are checked out of how many loaded. */
  setSelection(checked: number, loaded: number): void;
  setPostSlugs(slugs: Set<string>): void;
  /** Sets a text filter's field (a click on "filter" beside a post or an author). */
  setField(key: 'post' | 'q' | 'author', value: string): void;
  focusSearch(): void;
  unmount(): void;
}

export function queueToolbar(
  f: Filters,
  sites: string[],
  on: { filtersChanged(): void; bulk(action: Action): void; selectAll(on: boolean): void },
): QueueToolbar {
  const countEl = h('span', { class: 'count-pill', 'data-testid': 'queue-count' }, '');
  const title = h(
    'div',
    { class: 'page-title' },
    h('h1', null, QUEUE_LABELS[f.queue], countEl),
    h('p', { class: 'muted' }, QUEUE_HINTS[f.queue]),
  );

  const siteSelect =
    sites.length > 1
      ? h(
          'select',
          { class: 'input', id: 'f-site', 'data-testid': 'filter-site' },
          h('option', { value: '' }, COMMON.allSites),
          sites.map((s) => h('option', { value: s, selected: s === f.site }, s)),
        )
      : null;
  const inputs = {
    q: h('input', {
      class: 'input input-search',
      id: 'f-q',
      type: 'search',
      placeholder: QUEUE_TOOLBAR.searchPlaceholder,
      value: f.q,
      'data-testid': 'filter-q',
    }),
    post: h('input', {
      class: 'input',
      id: 'f-post',
      type: 'search',
      list: 'post-slugs',
      placeholder: QUEUE_TOOLBAR.postPlaceholder,
      value: f.post,
      'data-testid': 'filter-post',
      autocomplete: 'off',
    }),
    author: h('input', {
      class: 'input',
      id: 'f-author',
      type: 'search',
      placeholder: QUEUE_TOOLBAR.authorPlaceholder,
      value: f.author,
      'data-testid': 'filter-author',
      autocomplete: 'off',
    }),
  };
  const postList = h('datalist', { id: 'post-slugs' });
  const sortSelect = h(
    'select',
    { class: 'input', id: 'f-sort', 'data-testid': 'filter-sort' },
    SORTS.map(([v, l]) => h('option', { value: v, selected: v === f.sort }, l)),
  );
  const field = (id: string, label: string, control: HTMLElement) =>
    h('div', { class: 'filter' }, h('label', { for: id, class: 'filter-label' }, label), control);
  const filters = h(
    'div',
    { class: 'filters', role: 'search', 'aria-label': QUEUE_TOOLBAR.filters },
    field('f-q', QUEUE_TOOLBAR.search, inputs.q),
    siteSelect ? field('f-site', COMMON.site, siteSelect) : null,
    field('f-post', QUEUE_TOOLBAR.post, inputs.post),
    field('f-author', QUEUE_TOOLBAR.author, inputs.author),
    field('f-sort', QUEUE_TOOLBAR.sort, sortSelect),
    postList,
  );

  let debounce = 0;
  for (const key of ['q', 'post', 'author'] as const) {
    inputs[key].addEventListener('input', () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(() => {
        if (f[key] === inputs[key].value.trim()) return;
        f[key] = inputs[key].value.trim();
        on.filtersChanged();
      }, TEXT_DEBOUNCE_MS);
    });
  }
  siteSelect?.addEventListener('change', () => {
    f.site = siteSelect.value;
    on.filtersChanged();
  });
  sortSelect.addEventListener('change', () => {
    f.sort = sortSelect.value as Sort;
    on.filtersChanged();
  });

  const selectAll = h('input', {
    type: 'checkbox',
    class: 'check',
    'aria-label': QUEUE_TOOLBAR.selectAllLabel,
    'data-testid': 'select-all',
  });
  selectAll.addEventListener('change', () => on.selectAll(selectAll.checked));
  const selectedLabel = h('span', { class: 'bulk-label' }, QUEUE_TOOLBAR.selectAll);
  const bulkBtn = (action: Action, label: string, cls: string) =>
    h(
      'button',
      {
        type: 'button',
        class: `btn btn-sm ${cls}`,
        'data-testid': `bulk-${action}`,
        disabled: true,
        onclick: () => on.bulk(action),
      },
      label,
    );
  const bulkButtons = [
    bulkBtn('approve', QUEUE_TOOLBAR.bulkApprove, 'btn-approve'),
    bulkBtn('reject', QUEUE_TOOLBAR.bulkReject, 'btn-reject'),
    bulkBtn('spam', QUEUE_TOOLBAR.bulkSpam, 'btn-plain'),
  ];
  const bulkbar = h(
    'div',
    { class: 'bulkbar', 'data-testid': 'bulkbar' },
    h('label', { class: 'check-row' }, selectAll, selectedLabel),
    h('div', { class: 'bulk-actions' }, bulkButtons),
    h(
      'button',
      { type: 'button', class: 'link-btn hint', onclick: () => openHelp() },
      QUEUE_TOOLBAR.shortcutsBefore,
      h('kbd', null, '?'),
      QUEUE_TOOLBAR.shortcutsAfter,
    ),
  );

  return {
    head: h('header', { class: 'page-head' }, title, filters),
    bulkbar,
    setCount(n) {
      countEl.textContent = n === null ? '' : String(n);
    },
    setSelection(n, loaded) {
      selectedLabel.textContent = n ? QUEUE_TOOLBAR.selected(n) : QUEUE_TOOLBAR.selectAll;
      selectAll.checked = n > 0 && n === loaded;
      selectAll.indeterminate = n > 0 && n < loaded;
      for (const b of bulkButtons) b.disabled = n === 0;
      bulkbar.hidden = loaded === 0;
      bulkbar.classList.toggle('has-selection', n > 0);
    },
    setPostSlugs(slugs) {
      if (postList.childElementCount !== slugs.size)
        postList.replaceChildren(...[...slugs].map((s) => h('option', { value: s })));
    },
    setField(key, value) {
      inputs[key].value = value;
    },
    focusSearch() {
      inputs.q.focus();
    },
    unmount() {
      window.clearTimeout(debounce);
    },
  };
}
