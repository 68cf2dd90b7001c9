// A reader on the demo article, in real Chromium against a real server: posting, replying, and
// another reader's page receiving both over socket.io.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO,
  errorsOf,
  fulfillPage,
  hostPageHtml,
  launchBrowser,
  newPage,
  openWidget,
  screenshot,
  startBrowserTestServer,
  waitForRoom,
  type BrowserTestServer,
} from '../helpers/browser.js';

async function fillAndSubmit(
  page: Page,
  input: { name: string; email: string; body: string },
): Promise<void> {
  await page.fill('[data-testid=field-body]', input.body);
  await page.fill('[data-testid=field-name]', input.name);
  await page.fill('[data-testid=field-email]', input.email);
  await page.click('[data-testid=submit]');
}

/** Waits until the comments are in the thread, clicking "N new comments" whenever it shows. */
async function revealLive(page: Page, ids: string[], ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const present = await Promise.all(
      ids.map((id) => page.locator(`[data-testid=comment][data-comment-id="${id}"]`).count()),
    );
    if (present.every((n) => n === 1)) return;
    if (Date.now() > until)
      throw new Error(
        `comments ${ids.join(', ')} did not show up live (present: ${present.join(', ')})`,
      );
    const button = page.locator('[data-testid=new-comments]');
    if (await button.isVisible()) await button.click();
    await page.waitForTimeout(50);
  }
}

describe('reader on the demo article', () => {
  let server: BrowserTestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('when a reader posts a comment and a reply, then both render in place and another reader sees them live', async () => {
    const author = await openWidget(
      await newPage(browser, { distinctIps: true }),
      `${server.url}/`,
    );
    const other = await openWidget(await newPage(browser), `${server.url}/`);
    await waitForRoom(server, DEMO.site, DEMO.post, [author, other]);
    const seeded = await other.locator('[data-testid=comment]').count();

    await fillAndSubmit(author, {
      name: 'Ada Reader',
      email: 'ada@example.com',
      body: 'Reproducible builds would have flagged the tarball on day one.',
    });
    const comment = author.locator('[data-testid=comment]', {
      hasText: 'Reproducible builds would have flagged',
    });
    await comment.waitFor();
    const commentId = (await comment.getAttribute('data-comment-id'))!;
    expect(await comment.locator('[data-testid=pending-badge]').count()).toBe(0);
    // Its own top-level comment goes at the end of the oldest-first thread, not into the "new" bar.
    expect(
      await author
        .locator(`[data-testid=thread] > li:last-child > [data-comment-id="${commentId}"]`)
        .count(),
    ).toBe(1);

    // One person posting twice within 15 s is held by the flood rule (same IP or email), so
    // the reply comes from a second author at this browser (the page gives it its own IP).
    await comment.locator('[data-testid=reply-button]').click();
    await expect
      .poll(() => author.locator('[data-testid=form-title]').textContent())
      .toContain('Ada Reader');
    await fillAndSubmit(author, {
      name: 'Ben Replier',
      email: 'ben@example.com',
      body: 'Only if someone compares the builds, which almost nobody does.',
    });
    const reply = author.locator(`#c-${commentId} > ol.kids [data-testid=comment]`, {
      hasText: 'Only if someone compares',
    });
    await reply.waitFor();
    const replyId = (await reply.getAttribute('data-comment-id'))!;
    expect(await reply.locator('[data-testid=pending-badge]').count()).toBe(0);
    // The form went back home after posting the reply.
    expect(await author.locator('[data-testid=form-title]').textContent()).toBe('Leave a reply');

    await revealLive(other, [commentId, replyId]);
    expect(
      await other.locator(`#c-${commentId} > ol.kids [data-comment-id="${replyId}"]`).count(),
    ).toBe(1);
    expect(await other.locator('[data-testid=comment]').count()).toBe(seeded + 2);
    await expect
      .poll(() => other.locator('[data-testid=heading]').textContent())
      .toMatch(/^9 comments/);

    await author.waitForTimeout(400); // the "flash" highlight fades
    await screenshot(author, 'article-thread.png', { fullPage: true });
    expect(errorsOf(author)).toEqual([]);
    expect(errorsOf(other)).toEqual([]);
  });

  test('when the host page asks for the dark theme, then the widget renders dark', async () => {
    const page = await newPage(browser);
    const url = `${server.url}/test-pages/dark.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({
        parleyUrl: server.url,
        ...DEMO,
        theme: 'dark',
        title: 'Night edition',
        bodyStyle: 'background:#0d1014;color:#e6e8eb;',
      }),
    );
    await openWidget(page, url);
    const root = page.locator('[data-testid=parley-root]');
    expect(await root.getAttribute('class')).toContain('dark');
    const background = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `dark background, got ${background}`).toBeLessThan(150);
    await screenshot(page, 'article-dark.png', { fullPage: true });
    expect(errorsOf(page)).toEqual([]);
  });

  test('when the form token cannot be fetched at first, then the widget tries again and the comment is not held for it', async () => {
    const page = await newPage(browser, { distinctIps: true });
    let failures = 0;
    await page.route(/\/form-token$/, (route) => {
      if (failures < 2) {
        failures += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await openWidget(page, `${server.url}/`);
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/comments'),
    );
    await fillAndSubmit(page, {
      name: 'Token Retry',
      email: 'token.retry@example.com',
      body: 'Posted after the first two token requests failed.',
    });
    const request = await posted;
    expect(JSON.parse(request.postData() ?? '{}').formToken).toMatch(/^v2\./);
    expect(failures).toBe(2);
    const response = await request.response();
    expect(response?.status()).toBe(201);
    expect(errorsOf(page)).toEqual([]);
  });

  test('when the server sends no mail, then the widget does not offer reply notifications', async () => {
    const page = await newPage(browser);
    const token = page.waitForResponse((r) => r.url().endsWith('/form-token'));
    await openWidget(page, `${server.url}/`);
    expect(((await (await token).json()) as { replyMail?: boolean }).replyMail).toBe(false);
    expect(await page.locator('[data-testid=field-notify]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=field-save]').isVisible()).toBe(true);
  });
});
