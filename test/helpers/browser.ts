// Real Chromium (Debian's, driven by playwright-core) against a real listening Parley: one
// browser per test file, pages that record their own errors, screenshots as test artifacts,
// and tiny servers for host pages on another origin.
import { mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { TEST_ADMIN } from './auth.js';
import { startTestServer } from './parley.js';

export const CHROMIUM_PATH = process.env.PARLEY_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(import.meta.dirname, '../../test-artifacts/screenshots');
export const DEMO = { site: 'demo', post: 'xz-style-backdoor-tarballs' } as const;
export const WIDGET_READY = '#parley-comments[data-parley-ready="true"]';

export type BrowserTestServer = Awaited<ReturnType<typeof startTestServer>>;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Parley on SQLite with the demo site, article and thread, and a first admin. The demo site's
 * minimum submit delay is set to 0 through the database, so a test can submit the form as soon
 * as the widget has fetched its form token instead of waiting the default 3 s.
 */
export async function startBrowserTestServer(
  env: Record<string, string> = {},
): Promise<BrowserTestServer> {
  const server = await startTestServer('sqlite', {
    SEED_DEMO: 'true',
    PARLEY_ADMIN_EMAIL: TEST_ADMIN.email,
    PARLEY_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  });
  await patchSiteSettings(server, DEMO.site, { minSubmitSeconds: 0 });
  return server;
}

/** Merges `patch` into a site's stored settings and drops the cached copy. */
export async function patchSiteSettings(
  server: BrowserTestServer,
  slug: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const db = server.parley.database.db;
  const site = await db.site.findUniqueOrThrow({ where: { slug } });
  await db.site.update({
    where: { id: site.id },
    data: { settings: { ...(site.settings as object), ...patch } as object },
  });
  server.parley.sites.invalidate();
}

export interface PageOptions extends BrowserContextOptions {
  /**
   * Give every comment POST its own client address (X-Forwarded-For; the test server trusts
   * the proxy). Without it all of a test's readers are 127.0.0.1, and the flood rule (a second
   * comment from one IP within 15 s is held) would hold every comment after the first.
   */
  distinctIps?: boolean;
}

const pageErrors = new WeakMap<Page, string[]>();
const pageLogs = new WeakMap<Page, string[]>();
let ipCounter = 0;

/** A page in a fresh context (own storage, like another reader's browser). */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const { distinctIps, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    ...contextOptions,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  // Diagnostics for failure messages only: console errors and failed requests.
  const log: string[] = [];
  pageLogs.set(page, log);
  page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) =>
    log.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  if (distinctIps) {
    await page.route(/\/api\/sites\/[^/]+\/posts\/[^/]+\/comments$/, (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      ipCounter += 1;
      const ip = `192.0.2.${(ipCounter % 250) + 1}`;
      return route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': ip } });
    });
  }
  return page;
}

/** Uncaught errors the page's scripts threw so far. */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** Console errors and failed requests of a page, for failure messages. */
export function logOf(page: Page): string[] {
  return pageLogs.get(page) ?? [];
}

/** Opens a page that embeds the widget and waits for its first render. */
export async function openWidget(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await waitForWidget(page);
  return page;
}

/** Waits for the widget's first render; a timeout says what the page logged. */
export async function waitForWidget(page: Page, ms = 20_000): Promise<void> {
  try {
    await page.waitForSelector(WIDGET_READY, { timeout: ms });
  } catch (err) {
    const status = await page
      .locator('[data-testid=status]')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(
      `the widget on ${page.url()} did not render (status: ${status ?? 'none'})\n${[...errorsOf(page), ...logOf(page)].join('\n')}`,
      { cause: err },
    );
  }
}

/** Resolves once each page's socket is in a thread's room (the widget joins after its first render). */
export async function waitForRoom(
  server: BrowserTestServer,
  site: string,
  post: string,
  pages: Page[],
  ms = 10_000,
): Promise<void> {
  const room = `thread:${site}:${post}`;
  const until = Date.now() + ms;
  while ((server.realtime.io.of('/').adapter.rooms.get(room)?.size ?? 0) < pages.length) {
    if (Date.now() > until) {
      const logs = pages.flatMap((p) => [...errorsOf(p), ...logOf(p)]);
      throw new Error(
        `fewer than ${pages.length} sockets joined ${room} within ${ms} ms\n${logs.join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface WireExchange {
  method: string;
  url: string;
  /** The status on the wire, also when CORS kept the response from the page. */
  status?: number;
  /** Why the browser blocked the response from the page (e.g. MissingAllowOriginHeader). */
  corsError?: string;
}

/**
 * Records requests whose URL contains `urlPart` as Chromium saw them on the wire. Playwright's
 * own 'response' event never fires for a response CORS blocked; the DevTools protocol still
 * reports its status.
 */
export async function recordWire(page: Page, urlPart: string): Promise<WireExchange[]> {
  const cdp = await page.context().newCDPSession(page);
  const byId = new Map<string, WireExchange>();
  const list: WireExchange[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.includes(urlPart)) return;
    const exchange = { method: e.request.method, url: e.request.url };
    byId.set(e.requestId, exchange);
    list.push(exchange);
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const exchange = byId.get(e.requestId);
    if (exchange) exchange.status = e.statusCode;
  });
  // A response the page may read reports its status here (the extra-info event may not come).
  cdp.on('Network.responseReceived', (e) => {
    const exchange = byId.get(e.requestId);
    if (exchange && exchange.status === undefined) exchange.status = e.response.status;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const exchange = byId.get(e.requestId);
    if (exchange && e.corsErrorStatus) exchange.corsError = e.corsErrorStatus.corsError;
  });
  await cdp.send('Network.enable');
  return list;
}

/** Saves a PNG under test-artifacts/screenshots/ and returns its path. */
export async function screenshot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, name);
  if ('goto' in target)
    await target.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  else await target.screenshot({ path, animations: 'disabled' });
  return path;
}

/** The named computed style properties of the first element `locator` matches. */
export function computedStyles(
  locator: Locator,
  properties: string[],
): Promise<Record<string, string>> {
  return locator.first().evaluate((el, props) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }, properties);
}

/** A blog page that embeds the widget from `parleyUrl`, with optional extra CSS and theme. */
export function hostPageHtml(opts: {
  parleyUrl: string;
  site: string;
  post: string;
  css?: string;
  theme?: string;
  title?: string;
  bodyStyle?: string;
  /** data-lang on the script tag. */
  lang?: string;
  /** The page's <html lang> ("en" unless given; "" leaves it out). */
  htmlLang?: string;
}): string {
  const theme = opts.theme ? ` data-theme="${opts.theme}"` : '';
  const lang = opts.lang ? ` data-lang="${opts.lang}"` : '';
  const htmlLang = opts.htmlLang === '' ? '' : ` lang="${opts.htmlLang ?? 'en'}"`;
  return `<!doctype html><html${htmlLang}><head><meta charset="utf-8"><title>${opts.title ?? 'A host blog'}</title>
<style>body{margin:0;padding:32px;font-family:Georgia,serif;${opts.bodyStyle ?? ''}} main{max-width:720px;margin:0 auto}${opts.css ?? ''}</style></head>
<body><main><h1>${opts.title ?? 'A host blog'}</h1><p>An article on a page the host controls.</p>
<div id="parley-comments"></div><script src="${opts.parleyUrl}/embed.js" data-site="${opts.site}" data-post="${opts.post}"${theme}${lang} async></script>
</main></body></html>`;
}

export interface HostServer {
  origin: string;
  close(): Promise<void>;
}

/** A node:http server on another loopback port (another origin) answering every path with `html`. */
export async function serveHostPage(html: (path: string) => string): Promise<HostServer> {
  const server: HttpServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(req.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answers `url` on Parley's own origin with `html` (a test page the server does not have),
 * so the widget on it is same-origin and needs no allowed origin.
 */
export async function fulfillPage(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}
