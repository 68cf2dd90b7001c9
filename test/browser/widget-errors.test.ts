// What readers and owners see when the widget cannot show a thread, or there is none yet: a
// refused origin (neutral text for readers, the exact fix in the console for the owner), a
// brand-new post (an empty thread and the form, no 404 in the console), and the first live
// comment on an empty thread (it goes in; no "1 new comment" pill over "No comments yet").
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  errorsOf,
  fulfillPage,
  hostPageHtml,
  launchBrowser,
  logOf,
  newPage,
  openWidget,
  screenshot,
  serveHostPage,
  startBrowserTestServer,
  type BrowserTestServer,
  type HostServer,
} from '../helpers/browser.js';
import { seedSite } from '../helpers/parley.js';

function consoleOf(page: Page): ConsoleMessage[] {
  const seen: ConsoleMessage[] = [];
  page.on('console', (m) => seen.push(m));
  return seen;
}

function liveComment(id: string, name: string, body: string) {
  return {
    id,
    parentId: null,
    author: { name, website: null, avatar: '/api/avatars/0.svg' },
    html: `<p>${body}</p>`,
    createdAt: new Date().toISOString(),
    editedAt: null,
  };
}

describe('widget errors and empty threads', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let host: HostServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    host = await serveHostPage((path) =>
      hostPageHtml({ parleyUrl: server.url, site: path.slice(1), post: 'p', title: 'Elsewhere' }),
    );
    await seedSite(server.parley, {
      slug: 'stranger',
      allowedOrigins: ['https://elsewhere.example'],
      posts: [{ slug: 'p' }],
    });
    await seedSite(server.parley, {
      slug: 'fresh',
      settings: { autoCreatePosts: true, minSubmitSeconds: 0 },
      posts: [],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  });

  test('when the site does not allow the page origin, then readers see "Comments are unavailable" and the console names the origin to add', async () => {
    const page = await newPage(browser);
    const messages = consoleOf(page);
    await page.goto(`${host.origin}/stranger`);
    const unavailable = page.locator('[data-testid=unavailable]');
    await unavailable.waitFor();
    expect(await unavailable.textContent()).toBe('Comments are unavailable.');
    // What is on screen (hidden elements such as the empty-thread note do not count).
    const root = await page.locator('[data-testid=parley-root]').innerText();
    expect(root).not.toContain('No comments yet');
    expect(root).not.toContain('could not be loaded');
    expect(await page.locator('[data-testid=heading]').textContent()).toBe('Comments');
    // No form to type into, no retry that cannot work.
    expect(await page.locator('[data-testid=comment-form]').count()).toBe(0);
    expect(await page.locator('[data-testid=retry]').count()).toBe(0);
    const owner = messages.filter((m) => m.type() === 'error' && m.text().startsWith('[parley]'));
    expect(owner.map((m) => m.text())).toEqual([
      `[parley] Site "stranger" does not allow ${host.origin}: add ${host.origin} to its allowed origins in the dashboard at ${server.url}/moderate.`,
    ]);
    await screenshot(page.locator('#parley-comments'), 'widget-origin-not-allowed.png');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('when nobody has commented on a new post yet, then the widget shows an empty thread and the form, with no console errors, and the first comment creates the post', async () => {
    const page = await newPage(browser, { distinctIps: true });
    // No socket.io here: this is about the HTTP reads of a post that does not exist yet.
    await page.addInitScript(() => {
      (window as unknown as { __parleyLive: () => void }).__parleyLive = () => {};
    });
    const statuses: number[] = [];
    page.on('response', (r) => r.url().includes('/api/') && statuses.push(r.status()));
    const url = `${server.url}/test-pages/brand-new.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({
        parleyUrl: server.url,
        site: 'fresh',
        post: 'brand-new',
        title: 'A brand-new article',
        theme: 'light',
      }),
    );
    await openWidget(page, url);
    expect(await page.locator('[data-testid=empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=heading]').textContent()).toBe(
      'No comments yet on “A brand-new article”',
    );
    expect(await page.locator('[data-testid=comment-form]').isVisible()).toBe(true);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 400)).toEqual([]);
    expect(logOf(page)).toEqual([]);
    await screenshot(page.locator('#parley-comments'), 'widget-empty-new-post.png');

    await page.fill(
      '[data-testid=field-body]',
      'First! And a real question about the release keys.',
    );
    await page.fill('[data-testid=field-name]', 'Early Reader');
    await page.fill('[data-testid=field-email]', 'early@example.com');
    await page.click('[data-testid=submit]');
    await page.locator('[data-testid=comment]', { hasText: 'First! And a real' }).waitFor();
    expect(await page.locator('[data-testid=empty]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=heading]').textContent()).toBe(
      '1 comment on “A brand-new article”',
    );
    const site = await server.parley.sites.get('fresh');
    const post = await server.parley.database.db.post.findUniqueOrThrow({
      where: { siteId_slug: { siteId: site.id, slug: 'brand-new' } },
    });
    expect(post.title).toBe('A brand-new article');
    expect(logOf(page)).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  test('when the first comments arrive live on an empty thread, then the first goes straight in and the "new comments" pill never covers "No comments yet"', async () => {
    const page = await newPage(browser);
    // Stand in for the socket (see web/widget/README.md).
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__parleyLive = (
        _b: string,
        _s: string,
        _p: string,
        handlers: unknown,
      ) => {
        (window as unknown as Record<string, unknown>).__handlers = handlers;
      };
    });
    const url = `${server.url}/test-pages/quiet.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({ parleyUrl: server.url, site: 'fresh', post: 'quiet', title: 'Quiet' }),
    );
    await openWidget(page, url);
    await page.waitForFunction(() => '__handlers' in window);
    const empty = page.locator('[data-testid=empty]');
    const pill = page.locator('[data-testid=new-comments]');
    expect(await empty.isVisible()).toBe(true);
    expect(await pill.isVisible()).toBe(false);

    const send = (c: ReturnType<typeof liveComment>) =>
      page.evaluate((comment) => {
        const h = (window as unknown as { __handlers: { created(c: unknown): void } }).__handlers;
        h.created(comment);
      }, c);
    await send(liveComment('0190f1a0-0000-7000-8000-000000000001', 'Live One', 'First live.'));
    await page.locator('[data-testid=comment]', { hasText: 'First live.' }).waitFor();
    expect(await empty.isVisible()).toBe(false);
    expect(await pill.isVisible()).toBe(false);

    // With a comment on screen the next one waits behind the pill; "No comments yet" is gone.
    await send(liveComment('0190f1a0-0000-7000-8000-000000000002', 'Live Two', 'Second live.'));
    await pill.waitFor();
    expect(await pill.textContent()).toBe('1 new comment');
    expect(await empty.isVisible()).toBe(false);
    await pill.click();
    await page.locator('[data-testid=comment]', { hasText: 'Second live.' }).waitFor();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
