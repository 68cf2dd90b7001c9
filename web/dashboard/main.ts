// Entry of /moderate/app.js: signs in (or resumes the session), then runs the dashboard:
// shell, routes, live socket and keyboard shortcuts.
import { adminOnlyPage } from './admin-common.js';
import { auth, setUnauthenticatedHandler } from './api.js';
import { mountAuditPage } from './audit-page.js';
import { mountBansPage } from './bans-page.js';
import { isDialogOpen, openHelp } from './dialog.js';
import { h, mount } from './dom.js';
import { connectLive, disconnectLive } from './live.js';
import { showLogin } from './login.js';
import { mountNotificationsPage } from './notifications-page.js';
import { mountQueuePage } from './queue-page.js';
import { currentPage, navigate, startRouter, type Route } from './router.js';
import { mountSettingsPage } from './settings-page.js';
import { renderShell } from './shell.js';
import { mountStatsPage } from './stats-page.js';
import { mountWebhooksPage } from './webhooks-page.js';
import { filtersFromUrl, isAdmin, store } from './store.js';
import type { Session } from './types.js';

const root = document.getElementById('app') ?? document.body;
let stopRouter: (() => void) | null = null;
let stopShell: (() => void) | null = null;

const admin =
  (mountPage: Route['mount']): Route['mount'] =>
  (main) =>
    isAdmin() ? mountPage(main) : adminOnlyPage(main);

const ROUTES: Route[] = [
  {
    path: '/moderate',
    title: 'Queue',
    mount: (main) => {
      Object.assign(store.filters, filtersFromUrl(location.search));
      return mountQueuePage(main);
    },
  },
  {
    path: '/moderate/settings',
    title: 'Site settings',
    adminOnly: true,
    mount: admin(mountSettingsPage),
  },
  { path: '/moderate/notifications', title: 'Notifications', mount: mountNotificationsPage },
  { path: '/moderate/bans', title: 'Bans', adminOnly: true, mount: admin(mountBansPage) },
  { path: '/moderate/audit', title: 'Audit log', adminOnly: true, mount: admin(mountAuditPage) },
  { path: '/moderate/stats', title: 'Stats', adminOnly: true, mount: admin(mountStatsPage) },
  {
    path: '/moderate/webhooks',
    title: 'Webhooks',
    adminOnly: true,
    mount: admin(mountWebhooksPage),
  },
];

function startApp(session: Session): void {
  store.user = session.user;
  document.body.dataset.view = 'app';
  const shell = renderShell(root, () => void signOut());
  stopShell = shell.destroy;
  connectLive();
  stopRouter = startRouter({
    routes: ROUTES,
    main: shell.main,
    afterRoute: (r) => shell.setActive(r.path),
  });
}

function toLogin(notice = ''): void {
  stopRouter?.();
  stopRouter = null;
  stopShell?.();
  stopShell = null;
  disconnectLive();
  store.user = null;
  showLogin(root, (s) => startApp(s), notice);
}

async function signOut(): Promise<void> {
  await auth.logout().catch(() => undefined);
  toLogin('You are signed out.');
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)
    return true;
  return (
    t instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(t.type)
  );
}

document.addEventListener('keydown', (e) => {
  if (!store.user || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isDialogOpen())
    return;
  if (isTyping(e.target)) {
    if (e.key === 'Escape') (e.target as HTMLElement).blur();
    return;
  }
  if (e.key === '?') openHelp();
  else if (!currentPage()?.onKey?.(e)) return;
  e.preventDefault();
});

async function boot(): Promise<void> {
  setUnauthenticatedHandler(() => {
    if (store.user) toLogin('Your session ended. Please sign in again.');
  });
  try {
    const session = await auth.me();
    if (session) startApp(session);
    else toLogin();
  } catch (err) {
    mount(
      root,
      h(
        'main',
        { class: 'login-wrap' },
        h(
          'div',
          { class: 'login-card' },
          h('h1', null, 'Cannot reach Parley'),
          h('p', { class: 'muted' }, err instanceof Error ? err.message : ''),
          h(
            'button',
            { type: 'button', class: 'btn btn-primary', onclick: () => void boot() },
            'Try again',
          ),
        ),
      ),
    );
  }
}

// A deep link to an unknown /moderate/… path falls back to the queue.
if (!ROUTES.some((r) => r.path === location.pathname.replace(/\/+$/, '')))
  navigate('/moderate', { replace: true });
void boot();
