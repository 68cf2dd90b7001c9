// The dashboard's site settings form in real Chromium: an admin changes settings and saves
// (only what changed is sent, and the server stores it); a value the server refuses is shown
// beside its own input, toxicity rows included, with focus on the first bad field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  errorsOf,
  launchBrowser,
  newPage,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';

describe('site settings in the browser', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    page = await newPage(browser);
    await page.goto(`${server.url}/moderate`);
    await page.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await page.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.click('[data-testid=nav-settings]');
    await page.locator('[data-testid=settings-form]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stored = async () => {
    const site = await server.parley.database.db.site.findUniqueOrThrow({
      where: { slug: 'demo' },
    });
    return site.settings as Record<string, any>;
  };

  test('when an admin changes a few settings and saves, then exactly those are sent and stored', async () => {
    await page.fill('[name="settings.linkLimit"]', '5');
    await page.selectOption('[name="settings.premoderation"]', 'fewer-than');
    await expect
      .poll(() => page.isVisible('[name="settings.premoderationMinApproved"]'))
      .toBe(true);
    await page.fill('[name="settings.premoderationMinApproved"]', '7');
    await page.selectOption('[name="settings.toxicity.PROFANITY.action"]', 'hold');
    await page.fill('[name="settings.moderationWords"]', 'casino\n  cheap pills  \n\n');
    const sent = page.waitForRequest(
      (r) => r.method() === 'PATCH' && r.url().endsWith('/api/admin/sites/demo'),
    );
    await page.click('[data-testid=settings-save]');
    const body = JSON.parse((await sent).postData() ?? '{}');
    expect(body).toEqual({
      settings: {
        linkLimit: 5,
        premoderation: 'fewer-than',
        premoderationMinApproved: 7,
        moderationWords: ['casino', 'cheap pills'],
        toxicity: { PROFANITY: { threshold: expect.any(Number), action: 'hold' } },
      },
    });
    await page.getByText('Settings saved').first().waitFor();
    const s = await stored();
    expect(s).toMatchObject({
      linkLimit: 5,
      premoderation: 'fewer-than',
      premoderationMinApproved: 7,
      moderationWords: ['casino', 'cheap pills'],
    });
    expect(s.toxicity.PROFANITY.action).toBe('hold');

    // Nothing changed since: nothing is sent.
    await page.click('[data-testid=settings-save]');
    await page.getByText('No changes to save').waitFor();
  });

  test('when the server refuses values, then each error is shown beside its input and the first is focused', async () => {
    await page.fill('[name="settings.linkLimit"]', '999');
    await page.fill('[name="settings.toxicity.THREAT.threshold"]', '2');
    await page.click('[data-testid=settings-save]');
    const linkError = page.locator('[data-field="settings.linkLimit"] .field-error');
    await linkError.waitFor({ state: 'visible' });
    expect((await linkError.textContent())?.length).toBeGreaterThan(3);
    expect(await page.getAttribute('[name="settings.linkLimit"]', 'aria-invalid')).toBe('true');
    const threatError = page.locator('[data-field="settings.toxicity.THREAT"] .field-error');
    expect(await threatError.isVisible()).toBe(true);
    expect(
      await page.getAttribute('[name="settings.toxicity.THREAT.threshold"]', 'aria-invalid'),
    ).toBe('true');
    expect(await page.isVisible('[data-testid=settings-error]')).toBe(true);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    expect(['settings.linkLimit', 'settings.toxicity.THREAT.threshold']).toContain(focused);
    expect((await stored()).linkLimit).toBe(5);

    // Fixed: the errors go and the save goes through.
    await page.fill('[name="settings.linkLimit"]', '4');
    await page.fill('[name="settings.toxicity.THREAT.threshold"]', '0.7');
    await page.click('[data-testid=settings-save]');
    await expect.poll(async () => (await stored()).linkLimit).toBe(4);
    expect(await linkError.isVisible()).toBe(false);
    expect(await page.getAttribute('[name="settings.linkLimit"]', 'aria-invalid')).toBeNull();
    expect(errorsOf(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
