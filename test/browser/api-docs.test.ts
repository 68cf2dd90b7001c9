// The API reference page in real Chromium: served by Parley itself (no CDN), rendered under
// its own Content-Security-Policy without a violation, listing the routes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { errorsOf, launchBrowser, logOf, newPage, screenshot } from '../helpers/browser.js';
import { startTestServer } from '../helpers/parley.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('when /api/docs is opened, then the reference renders every section from this server alone, without CSP errors', async () => {
  const page = await newPage(browser);
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto(`${server.url}/api/docs`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");

  await page.waitForSelector('.opblock', { timeout: 20_000 });
  const text = await page.locator('#reference').innerText();
  for (const section of ['Public', 'Moderation', 'Admin', 'Perspective-compatible', 'Operations'])
    expect(text).toContain(section);
  expect(text).toContain('/api/sites/{site}/posts/{post}/comments');
  expect(text).toContain('/v1alpha1/comments:analyze');
  expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
  await screenshot(page, 'api-docs.png');

  expect(violations, logOf(page).join('\n')).toEqual([]);
  expect(errorsOf(page)).toEqual([]);
  expect(foreign).toEqual([]);
}, 60_000);
