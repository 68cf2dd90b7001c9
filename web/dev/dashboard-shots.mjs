// Scratch: drives /moderate in Chromium and saves screenshots to /tmp/parley-shots/.
// Usage: node web/dev/dashboard-shots.mjs [base]   (server running, some comments seeded)
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://127.0.0.1:3999';
const OUT = '/tmp/parley-shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
const logs = [];
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
// src/http/app.ts registers the /moderate/{*rest} SPA fallback before express.static, so
// /moderate/app.js and app.css come back as index.html. Serve them from disk until that is fixed.
if (!process.env.NO_ASSET_ROUTE) {
  const { readFile } = await import('node:fs/promises');
  for (const [file, type] of [
    ['app.js', 'text/javascript'],
    ['app.css', 'text/css'],
  ]) {
    await page.route(`**/moderate/${file}`, async (route) =>
      route.fulfill({
        status: 200,
        contentType: type,
        body: await readFile(new URL(`../dist/moderate/${file}`, import.meta.url)),
      }),
    );
  }
}
const shot = (name) => page.screenshot({ path: `${OUT}/dashboard-${name}.png` });

await page.goto(`${BASE}/moderate`);
await page.waitForSelector('[data-testid=login-form]');
await shot('login');
await page.fill('[data-testid=login-email]', 'admin@example.com');
await page.fill('[data-testid=login-password]', 'wrong-password');
await page.click('[data-testid=login-submit]');
await page.waitForSelector('[data-testid=login-error]:not([hidden])');
console.log('login error:', await page.textContent('[data-testid=login-error]'));
await shot('login-error');
await page.fill('[data-testid=login-password]', 'admin-password-1');
await page.click('[data-testid=login-submit]');
await page.waitForSelector('body[data-ready=true]');
await page.waitForTimeout(400);
await shot('queue');
const counts = await page.$$eval('[data-testid^=queue-tab-]', (els) =>
  els.map((e) => `${e.dataset.testid}=${e.querySelector('[data-testid=count]').textContent}`),
);
console.log('counts', counts.join(' '));
const items = await page.$$eval('[data-testid=queue-item]', (els) =>
  els.map((e) => `${e.dataset.commentId.slice(-6)} sel=${e.getAttribute('aria-selected')}`),
);
console.log('items', items);

await page.keyboard.press('?');
await page.waitForSelector('[data-testid=help-overlay]');
await page.waitForTimeout(300);
await shot('help');
await page.keyboard.press('Escape');
console.log('help closed:', (await page.$('[data-testid=help-overlay]')) === null);

await page.keyboard.press('j');
await page.keyboard.press('j');
await page.keyboard.press('k');
console.log(
  'selected after j j k:',
  await page.$eval('[aria-selected=true]', (e) => e.dataset.commentId.slice(-6)),
);
await page.keyboard.press('x');
await page.keyboard.press('j');
await page.keyboard.press('x');
await shot('bulk-selected');
console.log('bulk label', await page.textContent('.bulk-label'));
await page.keyboard.press('x');
await page.keyboard.press('k');
await page.keyboard.press('x');

await page.keyboard.press('a');
await page.waitForSelector('[data-testid=toast]');
await page.waitForTimeout(300);
await shot('after-approve');
console.log('items after a:', await page.$$eval('[data-testid=queue-item]', (els) => els.length));
console.log('toast:', await page.textContent('[data-testid=toast]'));
await page.keyboard.press('u');
await page.waitForTimeout(1000);
console.log('items after u:', await page.$$eval('[data-testid=queue-item]', (els) => els.length));
console.log(
  'toasts:',
  await page.$$eval('[data-testid=toast]', (els) => els.map((e) => e.textContent)),
);

await page.keyboard.press('b');
await page.waitForSelector('[data-testid=ban-dialog]');
await page.waitForTimeout(300);
await shot('ban');
await page.keyboard.press('Escape');

await page.click('[data-testid=queue-tab-reported]');
await page.waitForSelector('[data-testid=queue-item]');
await page.waitForTimeout(300);
await shot('reported');
await page.click('[data-testid=queue-tab-spam]');
await page.waitForSelector('[data-testid=queue-item]');
await page.waitForTimeout(300);
await shot('spam');
await page.click('[data-testid=queue-tab-pending]');
await page.waitForSelector('[data-testid=queue-item]');
await page.selectOption('[data-testid=filter-sort]', 'newest');
await page.waitForTimeout(500);
await shot('newest');
for (const p of ['settings', 'bans', 'audit', 'stats']) {
  await page.click(`[data-testid=nav-${p}]`);
  await page.waitForTimeout(600);
  await shot(p);
}
await page.setViewportSize({ width: 1360, height: 2200 });
await page.click('[data-testid=nav-settings]');
await page.waitForTimeout(500);
await shot('settings-full');
console.log(logs.join('\n'));
await browser.close();
