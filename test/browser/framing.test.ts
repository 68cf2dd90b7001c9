// The dashboard refuses to be framed (clickjacking), its own CSP breaks nothing on it, and the
// widget still embeds on another origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO,
  hostPageHtml,
  launchBrowser,
  logOf,
  newPage,
  serveHostPage,
  startBrowserTestServer,
  waitForWidget,
  type BrowserTestServer,
  type HostServer,
} from '../helpers/browser.js';

describe('framing and content security policy', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let host: HostServer;

  beforeAll(async () => {
    server = await startBrowserTestServer();
    browser = await launchBrowser();
    host = await serveHostPage((path) =>
      path === '/frame'
        ? `<!doctype html><html lang="en"><body><iframe id="f" src="${server.url}/moderate" width="800" height="600"></iframe></body></html>`
        : hostPageHtml({ parleyUrl: server.url, site: DEMO.site, post: DEMO.post }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  });

  test('when another site frames the dashboard, then the dashboard does not load in the frame', async () => {
    const page = await newPage(browser);
    await page.goto(`${host.origin}/frame`);
    await page.waitForTimeout(1_500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const rendered = frame
      ? await frame
          .locator('#app')
          .count()
          .catch(() => 0)
      : 0;
    expect(rendered).toBe(0);
  });

  test('when the dashboard and the demo article load under their CSP, then nothing is blocked', async () => {
    const page = await newPage(browser);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/moderate`);
    await page.getByTestId('login-form').waitFor();
    await page.goto(`${server.url}/`);
    await waitForWidget(page);
    expect(violations, logOf(page).join('\n')).toEqual([]);
  });

  test('when the widget is embedded on another origin, then it still renders', async () => {
    await server.parley.database.db.site.update({
      where: { slug: DEMO.site },
      data: { allowedOrigins: [host.origin] },
    });
    server.parley.sites.invalidate();
    const page = await newPage(browser);
    await page.goto(`${host.origin}/article`);
    await waitForWidget(page);
  });
});
