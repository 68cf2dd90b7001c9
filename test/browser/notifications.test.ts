// The widget's "Notify me of replies by email" checkbox and the dashboard's Notifications
// settings, in real Chromium against a real server and a real SMTP server.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  errorsOf,
  fulfillPage,
  hostPageHtml,
  launchBrowser,
  newPage,
  openWidget,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { seedSite } from '../helpers/parley.js';
import { headerOf, startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

describe('mail settings in the browser', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([
      startBrowserTestServer({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
  });

  test('when a reader ticks "Notify me of replies by email", then the POST carries it and only a confirmation mail arrives; unticked, nothing is sent', async () => {
    const page = await openWidget(await newPage(browser, { distinctIps: true }), `${server.url}/`);
    const box = page.locator('[data-testid=field-notify]');
    expect(await box.isChecked()).toBe(false);
    expect(await page.getByText('Notify me of replies by email').count()).toBe(1);

    const post = async (email: string, tick: boolean) => {
      await page.fill('[data-testid=field-body]', `A short and friendly question from ${email}?`);
      await page.fill('[data-testid=field-name]', 'Curious Reader');
      await page.fill('[data-testid=field-email]', email);
      if (tick) await box.check();
      const posted = page.waitForResponse(
        (r) => /\/comments$/.test(r.url()) && r.request().method() === 'POST',
      );
      await page.click('[data-testid=submit]');
      const res = await posted;
      return JSON.parse(res.request().postData() ?? '{}') as { notifyReplies?: boolean };
    };
    const unticked = await post('quiet.reader@example.org', false);
    expect(unticked.notifyReplies).toBeUndefined();
    const ticked = await post('curious.reader@example.org', true);
    expect(ticked.notifyReplies).toBe(true);
    const [mail] = await smtp.waitFor(1, (m) => m.rcpt.includes('curious.reader@example.org'));
    expect(mail!.parsed.subject).toContain('Confirm your email address');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.rcpt.includes('quiet.reader@example.org'))).toHaveLength(0);
    expect(errorsOf(page)).toEqual([]);
  });

  test('when a moderator picks the daily digest on the Notifications page, then it is saved for their account', async () => {
    const mod = await newPage(browser);
    await mod.goto(`${server.url}/moderate`);
    await mod.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await mod.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await mod.click('[data-testid=login-submit]');
    await mod.click('[data-testid=nav-notifications]');
    await mod.locator('[data-testid=notifications-form]').waitFor();
    expect(await mod.locator('[data-testid=notify-immediate]').isChecked()).toBe(true);
    expect(await mod.locator('[data-testid=mail-off]').count()).toBe(0);
    await mod.check('[data-testid=notify-daily]');
    await mod.check('[data-testid=notify-weekly]');
    const saved = mod.waitForResponse(
      (r) => r.url().endsWith('/api/notifications/settings') && r.request().method() === 'PUT',
    );
    await mod.click('[data-testid=notifications-save]');
    expect((await saved).status()).toBe(200);
    const admin = await server.parley.database.db.user.findUniqueOrThrow({
      where: { email: TEST_ADMIN.email },
    });
    const row = await server.parley.database.db.notificationSetting.findUniqueOrThrow({
      where: { userId: admin.id },
    });
    expect({ moderation: row.moderation, weekly: row.weekly }).toEqual({
      moderation: 'daily',
      weekly: true,
    });
    await mod.reload();
    await mod.locator('[data-testid=notifications-form]').waitFor();
    expect(await mod.locator('[data-testid=notify-daily]').isChecked()).toBe(true);
    expect(errorsOf(mod)).toEqual([]);
  });

  test('when the widget shows German and the reader ticks "Notify me of replies by email", then the POST carries "de" and the confirmation mail is German', async () => {
    await seedSite(server.parley, {
      slug: 'mail-de',
      settings: { minSubmitSeconds: 0 },
      posts: [{ slug: 'p', title: 'Ein Beitrag' }],
    });
    const page = await newPage(browser, { distinctIps: true });
    const url = `${server.url}/test-pages/mail-de.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({ parleyUrl: server.url, site: 'mail-de', post: 'p', lang: 'de' }),
    );
    await openWidget(page, url);
    expect(await page.getByText('Bei Antworten per E-Mail benachrichtigen').count()).toBe(1);
    await page.fill('[data-testid=field-body]', 'Eine kurze und freundliche Frage zum Beitrag?');
    await page.fill('[data-testid=field-name]', 'Neugierige Leserin');
    await page.fill('[data-testid=field-email]', 'leserin@example.org');
    await page.locator('[data-testid=field-notify]').check();
    const posted = page.waitForResponse(
      (r) => /\/comments$/.test(r.url()) && r.request().method() === 'POST',
    );
    await page.click('[data-testid=submit]');
    const sent = JSON.parse((await posted).request().postData() ?? '{}') as { language?: string };
    expect(sent.language).toBe('de');
    const [mail] = await smtp.waitFor(1, (m) => m.rcpt.includes('leserin@example.org'));
    expect(mail!.parsed.subject).toMatch(/Bestätigen Sie Ihre E-Mail-Adresse$/);
    expect(headerOf(mail!, 'Content-Language')).toBe('de');
    expect(errorsOf(page)).toEqual([]);
  });

  test('when a moderator picks French as their mail language on the Notifications page, then it is saved and shown again', async () => {
    const mod = await newPage(browser);
    await mod.goto(`${server.url}/moderate`);
    await mod.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await mod.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await mod.click('[data-testid=login-submit]');
    await mod.click('[data-testid=nav-notifications]');
    await mod.locator('[data-testid=notifications-form]').waitFor();
    const select = mod.locator('[data-testid=notify-language]');
    expect(await select.inputValue()).toBe('en');
    expect(await mod.getByLabel('Language of your mails').count()).toBe(1);
    await select.selectOption('fr');
    const saved = mod.waitForResponse(
      (r) => r.url().endsWith('/api/notifications/settings') && r.request().method() === 'PUT',
    );
    await mod.click('[data-testid=notifications-save]');
    expect((await saved).status()).toBe(200);
    const admin = await server.parley.database.db.user.findUniqueOrThrow({
      where: { email: TEST_ADMIN.email },
    });
    const row = await server.parley.database.db.notificationSetting.findUniqueOrThrow({
      where: { userId: admin.id },
    });
    expect(row.language).toBe('fr');
    await mod.reload();
    await mod.locator('[data-testid=notifications-form]').waitFor();
    expect(await mod.locator('[data-testid=notify-language]').inputValue()).toBe('fr');
    expect(errorsOf(mod)).toEqual([]);
  });
});
