// The dashboard's Webhooks page in real Chromium against a real Parley and a loopback
// receiver: add an endpoint, send a test event, read the delivery log, see the outbox block.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  errorsOf,
  launchBrowser,
  newPage,
  screenshot,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.js';

describe('the Webhooks page', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let receiver: FakeServer;
  let page: Page;

  beforeAll(async () => {
    receiver = await startFakeServer();
    receiver.respond((_req, res) => res.writeHead(204).end());
    [server, browser] = await Promise.all([
      startBrowserTestServer({ OUTBOX_POLL_MS: '100' }),
      launchBrowser(),
    ]);
    page = await newPage(browser);
    await page.goto(`${server.url}/moderate`);
    await page.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await page.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.locator('[data-testid=nav-webhooks]').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  test('when an admin adds an endpoint and sends a test event, then the receiver gets it and the delivery log shows its status', async () => {
    await page.click('[data-testid=nav-webhooks]');
    await page.locator('[data-testid=webhook-add-form]').waitFor();
    await page.locator('[data-testid=outbox-pending]').waitFor();
    await page.fill('#wh-add-url', `${receiver.url}/hook`);
    await page.click('[data-testid=webhook-add-form] button[type=submit]');
    const secret = page.locator('[data-testid=webhook-secret] code');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_/);
    const card = page.locator('[data-testid=webhook]');
    await card.waitFor();
    await card.locator('[data-testid=webhook-test]').click();
    await expect
      .poll(() => receiver.requests.filter((r) => r.body.includes('webhook.test')).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(
        async () => {
          await card.locator('[data-testid=webhook-log]').click();
          return card.locator('[data-testid=delivery-status]').allTextContents();
        },
        { timeout: 15_000 },
      )
      .toEqual(['204']);
    await screenshot(page, 'webhooks-page.png', { fullPage: true });
    expect(errorsOf(page)).toEqual([]);
  }, 60_000);
});
