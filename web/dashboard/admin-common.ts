// Pieces the admin pages share: the page header, the site picker, the "admins only" notice.
import { h, type Child } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { COMMON } from './strings.js';

export function pageHead(title: string, hint: string, ...extra: Child[]): HTMLElement {
  return h(
    'header',
    { class: 'page-head' },
    h('div', { class: 'page-title' }, h('h1', null, title), h('p', { class: 'muted' }, hint)),
    extra.length ? h('div', { class: 'filters' }, extra) : null,
  );
}

/** A site select (shown only with several sites); `all` adds an "All sites" entry. */
export function sitePicker(opts: {
  value: string;
  all: boolean;
  onChange: (site: string) => void;
}): HTMLElement | null {
  const sites = store.user?.sites ?? [];
  if (sites.length < 2) return null;
  const select = h(
    'select',
    { class: 'input', id: 'page-site', 'data-testid': 'site-picker' },
    opts.all ? h('option', { value: '' }, COMMON.allSites) : null,
    sites.map((s) => h('option', { value: s, selected: s === opts.value }, s)),
  );
  select.addEventListener('change', () => opts.onChange(select.value));
  return h(
    'div',
    { class: 'filter' },
    h('label', { for: 'page-site', class: 'filter-label' }, COMMON.site),
    select,
  );
}

/** The site an admin page starts on: the queue's site filter, else the first site. */
export function defaultSite(): string {
  const asked = new URLSearchParams(location.search).get('site');
  if (asked && store.user?.sites.includes(asked)) return asked;
  return store.filters.site || store.user?.sites[0] || '';
}

export function adminOnlyPage(main: HTMLElement): Page {
  main.replaceChildren(
    h(
      'div',
      { class: 'page' },
      h(
        'div',
        { class: 'empty' },
        h('p', { class: 'empty-title' }, COMMON.adminsOnly),
        h(
          'a',
          { href: '/moderate', 'data-link': true, class: 'btn btn-plain btn-sm' },
          COMMON.backToQueue,
        ),
      ),
    ),
  );
  document.body.dataset.ready = 'true';
  return { unmount() {} };
}

export function loadingBlock(): HTMLElement {
  return h('div', { class: 'loading muted', role: 'status' }, COMMON.loading);
}

export function errorBlock(err: unknown, retry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'empty', 'data-testid': 'load-error' },
    h('p', { class: 'empty-title' }, COMMON.loadFailed),
    h('p', { class: 'muted' }, err instanceof Error ? err.message : ''),
    h('button', { type: 'button', class: 'btn btn-plain btn-sm', onclick: retry }, COMMON.retry),
  );
}
