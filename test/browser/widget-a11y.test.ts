// Accessibility of the widget in real Chromium: axe-core over the widget's shadow DOM on the
// demo article, light and dark, in each of the 12 languages (no serious or critical
// violations), and the whole reply flow done with the keyboard alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../web/widget/i18n.js';
import {
  errorsOf,
  launchBrowser,
  newPage,
  screenshot,
  startBrowserTestServer,
  waitForWidget,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { recordFigure } from '../helpers/figures.js';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The demo article with data-lang and data-theme added to its embed.js tag. */
async function openDemo(page: Page, base: string, lang: string, theme: string): Promise<void> {
  await page.route(`${base}/`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(
      'data-site="demo"',
      `data-lang="${lang}" data-theme="${theme}" data-site="demo"`,
    );
    await route.fulfill({ response: res, body: html });
  });
  await page.goto(`${base}/`);
  await waitForWidget(page);
}

/** axe-core over the widget (it walks open shadow roots); serious and critical violations. */
async function axeWidget(page: Page): Promise<{ all: AxeViolation[]; bad: AxeViolation[] }> {
  await page.evaluate(AXE_SOURCE);
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } })
      .axe;
    const r = (await axe.run(
      { include: [['#parley-comments']] },
      { resultTypes: ['violations'] },
    )) as {
      violations: AxeViolation[];
    };
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return { all, bad: all.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

/** data-testid of the element focused inside the widget's shadow root. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.getElementById('parley-comments')?.shadowRoot?.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? null;
  });
}

async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} (at ${await focused(page)})`);
}

describe('widget accessibility', () => {
  let server: BrowserTestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const theme of ['light', 'dark']) {
    test(`when axe-core checks the widget on the demo article in each of the 12 languages, ${theme}, then it finds no serious or critical violation`, async () => {
      const page = await newPage(browser, { bypassCSP: true });
      // No socket.io: axe looks at the rendered thread and form.
      await page.addInitScript(() => {
        (window as unknown as { __parleyLive: () => void }).__parleyLive = () => {};
      });
      const found: Record<string, string[]> = {};
      const failures: string[] = [];
      for (const lang of LANGUAGES) {
        await openDemo(page, server.url, lang, theme);
        const { all, bad } = await axeWidget(page);
        found[lang] = all.map((v) => `${v.id} (${v.impact})`);
        for (const v of bad)
          failures.push(`${lang}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes)}`);
        if (lang === 'en' || lang === 'ar')
          await screenshot(page.locator('#parley-comments'), `widget-demo-${lang}-${theme}.png`);
        await page.unroute(`${server.url}/`);
      }
      recordFigure(`widget axe violations (any impact), ${theme}`, found);
      console.log(
        `[figures] axe violations on the widget, ${theme}, any impact:`,
        JSON.stringify(found),
      );
      expect(failures).toEqual([]);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    }, 240_000);
  }

  test('when a reader uses only the keyboard, then they can reach Reply, write the reply, send it and find it under its parent', async () => {
    const page = await newPage(browser, { distinctIps: true });
    await openDemo(page, server.url, 'en', 'light');
    // Keyboard from the top of the page, not a click.
    await page.locator('body').focus();
    await tabTo(page, 'reply-button');
    const parent = await page.evaluate(() => {
      const root = document.getElementById('parley-comments')!.shadowRoot!;
      return root.activeElement!.closest('article')!.getAttribute('data-comment-id');
    });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('field-body');
    expect(await page.locator('[data-testid=form-title]').textContent()).toMatch(/^Reply to /);
    await page.keyboard.type('Typed with the keyboard alone, Tab between the fields.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('field-name');
    await page.keyboard.type('Key Board');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('field-email');
    await page.keyboard.type('keys@example.com');
    await tabTo(page, 'submit', 10);
    await page.keyboard.press('Enter');
    const reply = page.locator(`[id="c-${parent}"] .kids [data-testid=comment]`, {
      hasText: 'Typed with the keyboard alone',
    });
    await reply.waitFor();
    // Focus moves to the new reply so the reader continues from there.
    expect(
      await page.evaluate(() =>
        document
          .getElementById('parley-comments')!
          .shadowRoot!.activeElement?.textContent?.includes('Typed with the keyboard alone'),
      ),
    ).toBe(true);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
