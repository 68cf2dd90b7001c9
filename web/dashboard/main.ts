// Entry of /moderate/app.js: signs in (or resumes the session), then runs the dashboard:
// shell, routes, live socket and keyboard shortcuts.
import { adminOnlyPage } from './admin-common.js';
import { auth, setUnauthenticatedHandler } from './api.js';
import { mountAuditPage } from './audit-page.js';
import { mountBansPage } from './bans-page.js';
import { isDialogOpen, openHelp } from './dialog.js';
import { mountImportPage } from './import-page.js';
import { h, mount } from './dom.js';
import { mountExportPage } from './export-page.js';
import { connectLive, disconnectLive } from './live.js';
import { showLogin } from './login.js';
import { mountNotificationsPage } from './notifications-page.js';
import { mountQueuePage } from './queue-page.js';
import { currentPage, navigate, startRouter, type Route } from './router.js';
import { mountSettingsPage } from './settings-page.js';
import { renderShell } from './shell.js';
import { clearToasts } from './toast.js';
import { mountStatsPage } from './stats-page.js';
import { mountAccountPage } from './account-page.js';
import { mountApiKeysPage } from './api-keys-page.js';
import { mountPeoplePage } from './people-page.js';
import { mountPostsPage } from './posts-page.js';
import { showInvitation, showSetup } from './setup.js';
import { mountSitesPage } from './sites-page.js';
import { NAV, TITLES } from './strings.js';
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
    title: TITLES.queue,
    mount: (main) => {
      Object.assign(store.filters, filtersFromUrl(location.search));
      return mountQueuePage(main);
    },
  },
  {
    path: '/moderate/settings',
    title: TITLES.siteSettings,
    adminOnly: true,
    mount: admin(mountSettingsPage),
  },
  { path: '/moderate/notifications', title: TITLES.notifications, mount: mountNotificationsPage },
  { path: '/moderate/bans', title: TITLES.bans, adminOnly: true, mount: admin(mountBansPage) },
  {
    path: '/moderate/audit',
    title: TITLES.auditLog,
    adminOnly: true,
    mount: admin(mountAuditPage),
  },
  { path: '/moderate/stats', title: TITLES.stats, adminOnly: true, mount: admin(mountStatsPage) },
  { path: '/moderate/sites', title: NAV.sites, adminOnly: true, mount: admin(mountSitesPage) },
  { path: '/moderate/posts', title: NAV.posts, adminOnly: true, mount: admin(mountPostsPage) },
  { path: '/moderate/people', title: NAV.people, adminOnly: true, mount: admin(mountPeoplePage) },
  {
    path: '/moderate/api-keys',
    title: NAV.apiKeys,
    adminOnly: true,
    mount: admin(mountApiKeysPage),
  },
  {
    path: '/moderate/account',
    title: NAV.account,
    mount: (main) => mountAccountPage(main, toLogin),
  },
  // Reached only from an invitation link; boot() shows the invitation form instead.
  {
    path: '/moderate/invite',
    title: TITLES.join,
    mount: (main) => mountAccountPage(main, toLogin),
  },
  { path: '/moderate/import', title: NAV.import, adminOnly: true, mount: admin(mountImportPage) },
  { path: '/moderate/export', title: NAV.export, adminOnly: true, mount: admin(mountExportPage) },
  {
    path: '/moderate/webhooks',
    title: NAV.webhooks,
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
  clearToasts();
  store.user = null;
  showLogin(root, (s) => startApp(s), notice);
}

async function signOut(): Promise<void> {
  await auth.logout().catch(() => undefined);
  toLogin(TITLES.youAreSignedOut);
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
    if (store.user) toLogin(TITLES.yourSessionEndedPlease);
  });
  try {
    const token = location.pathname.startsWith('/moderate/invite') ? location.hash.slice(1) : '';
    if (token) {
      await showInvitation(root, token, (s) => startApp(s));
      return;
    }
    const session = await auth.me();
    if (session) {
      startApp(session);
      return;
    }
    const setup = await auth.setupState();
    if (setup.needed && setup.csrfToken)
      showSetup(root, setup.csrfToken, (s) => {
        // A fresh Parley starts on Sites: the owner's first step is adding their blog.
        history.replaceState(null, '', '/moderate/sites');
        startApp(s);
      });
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
          h('h1', null, TITLES.cannotReachParley),
          h('p', { class: 'muted' }, err instanceof Error ? err.message : ''),
          h(
            'button',
            { type: 'button', class: 'btn btn-primary', onclick: () => void boot() },
            TITLES.tryAgain,
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
