// The widget on a blog served from another origin (a second loopback port): the API base is
// embed.js's origin, and each site's allowed origins decide whether the page may use it.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  errorsOf,
  hostPageHtml,
  launchBrowser,
  newPage,
  openWidget,
  recordWire,
  screenshot,
  serveHostPage,
  startBrowserTestServer,
  waitForRoom,
  type BrowserTestServer,
  type HostServer,
} from '../helpers/browser.js';
import { insertTestComment } from '../helpers/moderation.js';
import { seedSite } from '../helpers/parley.js';

/** Every response of the site's public API the page saw. */
function apiResponses(page: Page, site: string): Response[] {
  const seen: Response[] = [];
  page.on('response', (r) => {
    if (r.url().includes(`/api/sites/${site}/`)) seen.push(r);
  });
  return seen;
}

async function fillAndSubmit(page: Page, body: string): Promise<void> {
  await page.fill('[data-testid=field-body]', body);
  await page.fill('[data-testid=field-name]', 'Remote Reader');
  await page.fill('[data-testid=field-email]', 'remote@example.com');
  await page.click('[data-testid=submit]');
}

describe('widget embedded on another origin', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let host: HostServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    // The path names the site: /partner embeds the allowing site, /stranger the other one.
    host = await serveHostPage((path) =>
      hostPageHtml({
        parleyUrl: server.url,
        site: path.slice(1),
        post: 'p',
        title: `Partner blog (${path.slice(1)})`,
      }),
    );
    await seedSite(server.parley, {
      slug: 'partner',
      allowedOrigins: [host.origin],
      settings: { minSubmitSeconds: 0 },
      posts: [{ slug: 'p' }],
    });
    await seedSite(server.parley, {
      slug: 'stranger',
      allowedOrigins: ['https://elsewhere.example'],
      settings: { minSubmitSeconds: 0 },
      posts: [{ slug: 'p' }],
    });
    for (const site of ['partner', 'stranger']) {
      await insertTestComment(server.parley, {
        site,
        post: 'p',
        status: 'approved',
        name: 'Early Bird',
        body: `The first comment on ${site}, already approved.`,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  });

  test('when the site allows the page origin, then the thread loads, live joins and posting works', async () => {
    const page = await newPage(browser);
    const responses = apiResponses(page, 'partner');
    await openWidget(page, `${host.origin}/partner`);
    expect(page.url().startsWith(host.origin)).toBe(true);
    expect(await page.locator('[data-testid=comment]').textContent()).toContain(
      'The first comment on partner',
    );
    const thread = responses.find((r) => r.url().includes('/posts/p/comments'))!;
    expect(thread.url().startsWith(server.url)).toBe(true);
    expect(thread.status()).toBe(200);
    expect(await thread.headerValue('access-control-allow-origin')).toBe(host.origin);
    await waitForRoom(server, 'partner', 'p', [page]);

    const posted = page.waitForResponse(
      (r) =>
        r.url() === `${server.url}/api/sites/partner/posts/p/comments` &&
        r.request().method() === 'POST',
    );
    await fillAndSubmit(page, 'Posting from the partner blog works across origins.');
    expect((await posted).status()).toBe(201);
    const mine = page.locator('[data-testid=comment]', {
      hasText: 'Posting from the partner blog',
    });
    await mine.waitFor();
    expect(await mine.locator('[data-testid=pending-badge]').count()).toBe(0);
    expect(
      await server.parley.database.db.comment.count({
        where: { body: 'Posting from the partner blog works across origins.', status: 'approved' },
      }),
    ).toBe(1);
    await page.waitForTimeout(400); // the "flash" highlight fades
    await screenshot(page, 'cross-origin-allowed.png', { fullPage: true });
    expect(errorsOf(page)).toEqual([]);
  });

  test('when the site does not allow the page origin, then the widget shows "unavailable", no thread, and posting is refused', async () => {
    const page = await newPage(browser);
    const wire = await recordWire(page, '/api/sites/stranger/');
    await page.goto(`${host.origin}/stranger`);
    const status = page.locator('[data-testid=status]');
    await page.locator('[data-testid=unavailable]').waitFor();
    expect(await status.textContent()).toBe('Comments are unavailable.');
    expect(await page.locator('[data-testid=comment]').count()).toBe(0);
    expect(await page.locator('[data-testid=comment-form]').count()).toBe(0);
    expect(await page.locator('#parley-comments').getAttribute('data-parley-ready')).toBeNull();
    // The API answered 403 with the refusal readable (so the widget can say why), nothing more.
    // (The network log arrives asynchronously: wait until both loads are in it.)
    await expect
      .poll(() => wire.filter((x) => x.method === 'GET' && x.status !== undefined).length, {
        timeout: 10_000,
      })
      .toBe(2);
    const loads = wire.filter((x) => x.method === 'GET');
    expect(loads.map((x) => new URL(x.url).pathname).sort()).toEqual([
      '/api/sites/stranger/posts/p',
      '/api/sites/stranger/posts/p/comments',
    ]);
    for (const x of loads) {
      expect(x).toMatchObject({ status: 403 });
      expect(x.corsError).toBeUndefined();
    }

    // No form is shown; a POST the page sends itself is stopped at its preflight, nothing stored.
    const sent = await page.evaluate(async (url) => {
      try {
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'Remote Reader',
            email: 'remote@example.com',
            body: 'This should never reach the stranger site.',
          }),
        });
        return 'sent';
      } catch {
        return 'blocked';
      }
    }, `${server.url}/api/sites/stranger/posts/p/comments`);
    expect(sent).toBe('blocked');
    expect(
      await server.parley.database.db.comment.count({
        where: { body: 'This should never reach the stranger site.' },
      }),
    ).toBe(0);
    // The POST itself never left the browser: its preflight got 403.
    const comments = `${server.url}/api/sites/stranger/posts/p/comments`;
    await expect
      .poll(() =>
        wire.some((x) => x.method === 'POST' && x.url === comments && x.corsError !== undefined),
      )
      .toBe(true);
    expect(wire.find((x) => x.method === 'OPTIONS' && x.url === comments)).toMatchObject({
      status: 403,
    });
    const post = wire.find((x) => x.method === 'POST' && x.url === comments);
    expect(post).toMatchObject({ corsError: 'PreflightMissingAllowOriginHeader' });
    expect(post?.status).toBeUndefined();

    // What the browser refused to show the page: the server's answer to that origin.
    const site = await server.parley.sites.get('stranger');
    for (const [method, path, body] of [
      ['GET', '/api/sites/stranger/posts/p/comments', undefined],
      [
        'POST',
        '/api/sites/stranger/posts/p/comments',
        {
          name: 'Remote Reader',
          email: 'remote@example.com',
          body: 'Sent with that Origin.',
          formToken: server.parley.formTokens.issue(site.id, 'p', Date.now() - 60_000),
        },
      ],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { origin: host.origin, 'content-type': 'application/json' },
        ...(body && { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      // Readable by that origin (it says why), never a grant: the preflight below gets none.
      expect(res.headers.get('access-control-allow-origin')).toBe(host.origin);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'ORIGIN_NOT_ALLOWED',
      );
    }
    const preflight = await fetch(`${server.url}/api/sites/stranger/posts/p/comments`, {
      method: 'OPTIONS',
      headers: {
        origin: host.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await server.parley.database.db.comment.count({ where: { siteId: site.id } })).toBe(1);
    expect(errorsOf(page)).toEqual([]);
  });
});
