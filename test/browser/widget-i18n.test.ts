// The widget in the reader's language, in real Chromium against a real server: German chosen by
// data-lang, Japanese by the page's <html lang>, Arabic by the browser's language (laid out
// right to left); only that language's file is downloaded. Screenshots of each are kept.
import type { Browser, Page } from 'playwright-core';
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
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { insertTestComment } from '../helpers/moderation.js';
import { seedSite } from '../helpers/parley.js';

const HOUR = 3_600_000;

/** No socket.io: these tests are about what the first render and the form say. */
async function withoutLive(page: Page): Promise<Page> {
  await page.addInitScript(() => {
    (window as unknown as { __parleyLive: () => void }).__parleyLive = () => {};
  });
  return page;
}

interface Case {
  code: string;
  /** How the page asks for it. */
  page: { lang?: string; htmlLang?: string; locale?: string };
  heading: string;
  submit: string;
  nameLabel: string;
  reply: string;
  posted: string;
  justNow: string;
}

const CASES: Case[] = [
  {
    code: 'de',
    page: { lang: 'de' },
    heading: '3 Kommentare zu „Reproducible builds“',
    submit: 'Kommentar abschicken',
    nameLabel: 'Name',
    reply: 'Antworten',
    posted: '4 Kommentare zu „Reproducible builds“',
    justNow: 'gerade eben',
  },
  {
    code: 'ja',
    page: { htmlLang: 'ja' },
    heading: '「Reproducible builds」へのコメント 3 件',
    submit: 'コメントを送信',
    nameLabel: '名前',
    reply: '返信',
    posted: '「Reproducible builds」へのコメント 4 件',
    justNow: 'たった今',
  },
  {
    code: 'ar',
    page: { htmlLang: '', locale: 'ar-EG' },
    heading: `${(3).toLocaleString('ar-EG')} تعليقات على «Reproducible builds»`,
    submit: 'نشر التعليق',
    nameLabel: 'الاسم',
    reply: 'رد',
    posted: `${(4).toLocaleString('ar-EG')} تعليقات على «Reproducible builds»`,
    justNow: 'الآن',
  },
];

/** The first-level text of an element inside the widget, trimmed. */
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('the widget in the reader’s language', () => {
  let server: BrowserTestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    for (const { code } of CASES) {
      const site = `intl-${code}`;
      await seedSite(server.parley, {
        slug: site,
        settings: { minSubmitSeconds: 0 },
        posts: [{ slug: 'p', title: 'Reproducible builds' }],
      });
      const first = await insertTestComment(server.parley, {
        site,
        post: 'p',
        status: 'approved',
        name: 'Jana Novak',
        body: 'Signed tarballs only help if someone checks them against the repository.',
        createdAt: new Date(Date.now() - 3 * HOUR),
      });
      await insertTestComment(server.parley, {
        site,
        post: 'p',
        status: 'approved',
        name: 'Kenji Sato',
        parentId: first,
        body: 'Distributions could rebuild from the tag and compare.',
        createdAt: new Date(Date.now() - 2 * HOUR),
      });
      await insertTestComment(server.parley, {
        site,
        post: 'p',
        status: 'approved',
        name: 'Layla Haddad',
        body: 'Who pays for the reviewers, though?',
        createdAt: new Date(Date.now() - 50 * HOUR),
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const c of CASES) {
    test(`when a reader's page asks for ${c.code}, then the thread, relative times and form are in ${c.code}${c.code === 'ar' ? ', laid out right to left' : ''}`, async () => {
      const page = await withoutLive(
        await newPage(browser, {
          distinctIps: true,
          ...(c.page.locale && { locale: c.page.locale }),
        }),
      );
      const strings: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/i18n/')) strings.push(new URL(r.url()).pathname);
      });
      const url = `${server.url}/test-pages/intl-${c.code}.html`;
      await fulfillPage(
        page,
        url,
        hostPageHtml({
          parleyUrl: server.url,
          site: `intl-${c.code}`,
          post: 'p',
          theme: 'light',
          ...c.page,
        }),
      );
      await openWidget(page, url);

      // Only the chosen language's file came down.
      expect(strings).toEqual([`/i18n/${c.code}.js`]);
      const root = page.locator('[data-testid=parley-root]');
      expect(await root.getAttribute('dir')).toBe(c.code === 'ar' ? 'rtl' : 'ltr');
      expect((await root.getAttribute('lang'))?.split('-')[0]).toBe(c.code);
      expect(await text(page, '[data-testid=heading]')).toBe(c.heading);
      expect(await text(page, '[data-testid=submit]')).toBe(c.submit);
      expect(await text(page, 'label[for=p-name]')).toContain(c.nameLabel);
      expect(await text(page, '[data-testid=reply-button]')).toBe(c.reply);

      // Relative times as the browser's Intl writes them in that language (oldest thread first:
      // two days ago, then three hours ago and its reply from two hours ago).
      const locale = (await root.getAttribute('lang'))!;
      const expected = await page.evaluate((l) => {
        const rtf = new Intl.RelativeTimeFormat(l, { numeric: 'auto' });
        return [rtf.format(-2, 'day'), rtf.format(-3, 'hour'), rtf.format(-2, 'hour')];
      }, locale);
      const times = await page.locator('[data-testid=comment] time').allTextContents();
      expect(times).toEqual(expected);
      if (c.code === 'de') expect(times.slice(0, 2)).toEqual(['vorgestern', 'vor 3 Stunden']);
      if (c.code === 'ja') expect(times[1]).toBe('3 時間前');

      if (c.code === 'ar') {
        expect(await root.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        // The avatar sits at the right of the comment, and a reply is indented from the right.
        const article = page.locator('[data-testid=comment]', { hasText: 'Signed tarballs' });
        const avatar = (await article.locator('.av').first().boundingBox())!;
        const bodyBox = (await article.locator('.cb').first().boundingBox())!;
        expect(avatar.x).toBeGreaterThan(bodyBox.x);
        const reply = (await page.locator('.kids [data-testid=comment]').first().boundingBox())!;
        const parent = (await article.boundingBox())!;
        expect(reply.x + reply.width).toBeLessThan(parent.x + parent.width - 10);
        // Nothing spills out sideways.
        const widths = await root.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      }
      await screenshot(page.locator('#parley-comments'), `widget-${c.code}.png`);

      // The form works in that language too.
      await page.fill('[data-testid=field-body]', `A first-hand note in ${c.code}.`);
      await page.fill('[data-testid=field-name]', 'Ines Reader');
      await page.fill('[data-testid=field-email]', `ines.${c.code}@example.com`);
      await page.click('[data-testid=submit]');
      const mine = page.locator('[data-testid=comment]', { hasText: `note in ${c.code}` });
      await mine.waitFor();
      expect(await text(page, '[data-testid=heading]')).toBe(c.posted);
      expect(await mine.locator('time').textContent()).toBe(c.justNow);
      if (c.code === 'de') {
        // The Report chooser comes in embed-extras.js and speaks the widget's language too.
        const other = page.locator('[data-testid=comment]', { hasText: 'Who pays' });
        await other.locator('[data-testid=report-button]').click();
        const form = other.locator('[data-testid=report-form]');
        await form.waitFor();
        expect(await form.locator('legend').textContent()).toBe(
          'Warum melden Sie diesen Kommentar?',
        );
        await other.locator('[data-testid=report-reason-off-topic]').check();
        await other.locator('[data-testid=report-send]').click();
        await expect
          .poll(() => other.locator('[data-testid=report-thanks]').textContent())
          .toBe('Danke! Ein Moderator sieht sich das an.');
        const reports = await server.parley.database.db.report.count({
          where: { comment: { body: { startsWith: 'Who pays' } } },
        });
        expect(reports).toBe(1);
      }
      expect(errorsOf(page)).toEqual([]);
      expect(logOf(page)).toEqual([]);
      await page.context().close();
    });
  }

  test('when the page is in a language the widget lacks and the browser is English, then it is English and downloads no strings', async () => {
    const page = await withoutLive(await newPage(browser, { locale: 'en-US' }));
    const strings: string[] = [];
    page.on('request', (r) => r.url().includes('/i18n/') && strings.push(r.url()));
    const url = `${server.url}/test-pages/intl-sv.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({ parleyUrl: server.url, site: 'intl-de', post: 'p', htmlLang: 'sv' }),
    );
    await openWidget(page, url);
    expect(strings).toEqual([]);
    expect(await text(page, '[data-testid=submit]')).toBe('Post Comment');
    // English strings; dates and numbers in the browser's own English.
    expect(await page.locator('[data-testid=parley-root]').getAttribute('lang')).toBe('en-US');
    await page.context().close();
  });
});
