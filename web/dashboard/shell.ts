// The signed-in frame: sidebar with the queues and their live counts, admin pages (admins
// only), the live-connection status and the account; the page goes in <main>.
import { h } from './dom.js';
import { QUEUE_LABELS } from './queue-toolbar.js';
import { displayCounts, filtersToSearch, isAdmin, onStoreChange, store } from './store.js';
import { QUEUES, type Queue } from './types.js';
import { NAV, SHELL } from './strings.js';

export interface Shell {
  main: HTMLElement;
  /** Marks the active nav entry. */
  setActive(path: string): void;
  destroy(): void;
}

/** Admin pages in the sidebar, in order: one line per page. */
const ADMIN_LINKS: [string, string][] = [
  ['/moderate/sites', NAV.sites],
  ['/moderate/posts', NAV.posts],
  ['/moderate/settings', NAV.settings],
  ['/moderate/bans', NAV.bans],
  ['/moderate/audit', NAV.audit],
  ['/moderate/stats', NAV.stats],
  ['/moderate/people', NAV.people],
  ['/moderate/api-keys', NAV.apiKeys],
  ['/moderate/import', NAV.import],
  ['/moderate/export', NAV.export],
  ['/moderate/webhooks', NAV.webhooks],
];

export function renderShell(root: HTMLElement, onSignOut: () => void): Shell {
  const tabs = new Map<Queue, { a: HTMLAnchorElement; count: HTMLElement }>();
  const queueNav = h(
    'ul',
    { class: 'nav-list' },
    QUEUES.map((q) => {
      const count = h('span', { class: 'nav-count', 'data-testid': 'count' }, '');
      const a = h(
        'a',
        {
          class: `nav-item nav-${q}`,
          href: `/moderate?queue=${q}`,
          'data-link': true,
          'data-testid': `queue-tab-${q}`,
        },
        h('span', { class: 'nav-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'nav-label' }, QUEUE_LABELS[q]),
        count,
      );
      tabs.set(q, { a, count });
      return h('li', null, a);
    }),
  );
  const adminLinks = new Map<string, HTMLAnchorElement>();
  const adminNav = isAdmin()
    ? h(
        'nav',
        { class: 'nav-section', 'aria-label': SHELL.administration },
        h('h2', { class: 'nav-heading' }, NAV.admin),
        h(
          'ul',
          { class: 'nav-list' },
          ADMIN_LINKS.map(([href, label]) => {
            const a = h(
              'a',
              {
                class: 'nav-item',
                href,
                'data-link': true,
                'data-testid': `nav-${href.split('/').pop()}`,
              },
              h('span', { class: 'nav-label' }, label),
            );
            adminLinks.set(href, a);
            return h('li', null, a);
          }),
        ),
      )
    : null;

  const liveDot = h('span', { class: 'live-status', 'data-testid': 'live-status', role: 'status' });
  const user = store.user!;
  const sidebar = h(
    'aside',
    { class: 'sidebar' },
    h(
      'a',
      { class: 'brand', href: '/moderate', 'data-link': true },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'),
      SHELL.parley,
      h('span', { class: 'brand-sub' }, SHELL.moderation),
    ),
    h(
      'nav',
      { class: 'nav-section', 'aria-label': SHELL.queues },
      h('h2', { class: 'nav-heading' }, NAV.queues),
      queueNav,
    ),
    adminNav,
    h(
      'div',
      { class: 'sidebar-foot' },
      liveDot,
      h(
        'div',
        { class: 'account' },
        h(
          'span',
          { class: 'avatar', 'aria-hidden': 'true' },
          (user.name || user.email).slice(0, 1).toUpperCase(),
        ),
        h(
          'a',
          {
            class: 'account-text',
            href: '/moderate/account',
            'data-link': true,
            'data-testid': 'nav-account',
          },
          h('span', { class: 'account-name' }, user.name || user.email),
          h(
            'span',
            { class: 'account-role muted' },
            user.role === 'admin' ? SHELL.admin : SHELL.moderator,
          ),
        ),
        h(
          'a',
          {
            class: 'link-btn',
            href: '/moderate/notifications',
            'data-link': true,
            'data-testid': 'nav-notifications',
          },
          SHELL.notifications,
        ),
        h(
          'button',
          { type: 'button', class: 'link-btn', 'data-testid': 'sign-out', onclick: onSignOut },
          NAV.signOut,
        ),
      ),
    ),
  );
  // On a phone the sidebar folds into a menu behind this button (CSS shows it under 860 px).
  const menuBtn = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-plain menu-btn',
      'aria-expanded': 'false',
      'aria-controls': 'sidebar',
      'data-testid': 'menu-toggle',
    },
    NAV.menu,
  );
  sidebar.id = 'sidebar';
  const setMenu = (open: boolean) => {
    sidebar.classList.toggle('is-open', open);
    menuBtn.setAttribute('aria-expanded', String(open));
  };
  menuBtn.addEventListener('click', () => setMenu(!sidebar.classList.contains('is-open')));
  sidebar.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('a[data-link]')) setMenu(false);
  });
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '/moderate', 'data-link': true },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'),
      SHELL.parley,
    ),
    menuBtn,
  );
  const main = h('main', { class: 'main', id: 'main', tabindex: '-1' });
  root.replaceChildren(
    h('a', { class: 'skip-link', href: '#main' }, NAV.skip),
    h('div', { class: 'shell' }, topbar, sidebar, main),
  );

  let activePath = '/moderate';
  function update(): void {
    const counts = displayCounts();
    const onQueue = activePath === '/moderate';
    for (const [q, { a, count }] of tabs) {
      const n = counts?.[q];
      count.textContent = n === undefined ? '' : n > 999 ? `${Math.floor(n / 1000)}k` : String(n);
      count.classList.toggle('is-zero', !n);
      a.href = `/moderate${filtersToSearch({ ...store.filters, queue: q })}`;
      if (onQueue && store.filters.queue === q) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    for (const [href, a] of adminLinks) {
      if (href === activePath) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    liveDot.dataset.state = store.live;
    liveDot.textContent =
      store.live === 'live'
        ? SHELL.live
        : store.live === 'connecting'
          ? SHELL.connecting
          : SHELL.reconnecting;
    liveDot.title = store.live === 'live' ? SHELL.newCommentsAppearAs : SHELL.liveUpdatesArePaused;
  }
  const off = onStoreChange(update);
  update();

  return {
    main,
    setActive(path) {
      activePath = path;
      update();
    },
    destroy: off,
  };
}
