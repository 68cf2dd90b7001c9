// The dashboard's Export page in real Chromium against a real server: the site export and a
// commenter's data download as files, and erasure after typing the email again.
import { createReadStream, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readParleyExport } from '../../src/import-export/formats/index.js';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  DEMO,
  errorsOf,
  launchBrowser,
  newPage,
  screenshot,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';

const EMAIL = 'gdpr.reader@example.org';

describe('dashboard Export page', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let page: Page;
  let commentId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    const site = await server.parley.sites.get(DEMO.site);
    const res = await fetch(`${server.url}/api/sites/${DEMO.site}/posts/${DEMO.post}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.201' },
      body: JSON.stringify({
        name: 'Gee Dee',
        email: EMAIL,
        body: 'Please forget me one day, thank you.',
        formToken: server.parley.formTokens.issue(site.id, DEMO.post, Date.now() - 60_000),
      }),
    });
    commentId = ((await res.json()) as { comment: { id: string } }).comment.id;
    page = await newPage(browser);
    await page.goto(`${server.url}/moderate`);
    await page.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await page.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.click('[data-testid=nav-export]');
    await page.waitForSelector('[data-testid=export-page]');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('when the admin clicks the Parley download, then the browser saves a complete export of the site', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-parley]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parley-demo-\d{4}-\d\d-\d\d\.jsonl$/);
    const records = [];
    for await (const r of readParleyExport(createReadStream((await download.path())!)))
      records.push(r);
    expect(records.some((r) => r.type === 'comment' && r.id === commentId)).toBe(true);
  });

  test('when the admin downloads a commenter’s data, then the file holds their comment', async () => {
    await page.fill('[data-testid=commenter-email]', EMAIL);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=commenter-export]'),
    ]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.comments.map((c: { id: string }) => c.id)).toEqual([commentId]);
  });

  test('when the admin confirms an erasure by typing the email again, then the comment is anonymised', async () => {
    await page.click('[data-testid=commenter-erase]');
    await page.waitForSelector('[data-testid=erase-dialog]');
    expect(await page.isDisabled('[data-testid=erase-go]')).toBe(true);
    await page.check('[data-testid=erase-bodies]');
    await page.fill('[data-testid=erase-confirm]', EMAIL.toUpperCase());
    await page.click('[data-testid=erase-go]');
    await page.waitForSelector('[data-testid=erase-result] >> text=Erased 1 comment');
    await screenshot(page, 'export-page-erased.png');
    const row = await server.parley.database.db.comment.findUniqueOrThrow({
      where: { id: commentId },
    });
    expect(row).toMatchObject({ authorName: 'Deleted user', authorEmail: '' });
    expect(row.body).not.toContain('forget me');
    // The audit log says what was erased, never whose address.
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('text=Erased a commenter');
    expect(await page.textContent('main')).not.toContain(EMAIL);
    expect(errorsOf(page)).toEqual([]);
  });
});
