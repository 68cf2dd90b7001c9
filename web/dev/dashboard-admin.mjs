// Scratch: ban from the queue, bans page, audit undo, settings save/errors. Server running.
// Usage: node web/dev/dashboard-admin.mjs [base]
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://127.0.0.1:3999';
const OUT = '/tmp/parley-shots';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const check = (ok, what) => console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
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
page.on('pageerror', (e) => console.log('pageerror:', e.message));
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
await page.goto(`${BASE}/moderate`);
await page.fill('[data-testid=login-email]', 'admin@example.com');
await page.fill('[data-testid=login-password]', 'admin-password-1');
await page.click('[data-testid=login-submit]');
await page.waitForSelector('body[data-ready=true]');
await page.waitForSelector('[data-testid=queue-item]');

// ban the selected author by domain for 7 days, also rejecting
const target = await page.$eval(
  '[data-testid=queue-item][aria-selected=true]',
  (e) => e.dataset.commentId,
);
await page.keyboard.press('b');
await page.waitForSelector('[data-testid=ban-dialog]');
await page.check('[data-testid=ban-kind-domain]');
await page.selectOption('#ban-expiry', '7');
await page.fill('#ban-reason', 'Abusive');
await page.click('[data-testid=ban-submit]');
await page.waitForSelector('[data-testid=ban-dialog]', { state: 'detached' });
await sleep(600);
check(!(await page.$(`[data-comment-id="${target}"]`)), 'ban + also reject removed the card');
console.log(
  '  toasts:',
  await page.$$eval('[data-testid=toast]', (els) => els.map((e) => e.textContent)),
);

await page.click('[data-testid=nav-bans]');
await page.waitForSelector('[data-testid=bans-list]');
const rows = await page.$$('[data-testid=bans-list] tbody tr');
check(rows.length >= 1, `bans list has ${rows.length}`);
await page.screenshot({ path: `${OUT}/dashboard-bans.png` });
await page.click('[data-testid=ban-remove]');
await sleep(500);
check(
  (await page.$$('[data-testid=bans-list] tbody tr')).length === rows.length - 1,
  'removed a ban',
);
await page.click('[data-testid=toast]:last-child .toast-action');
await sleep(800);
check(
  (await page.$$('[data-testid=bans-list] tbody tr')).length === rows.length,
  'undo re-created the ban',
);

await page.click('[data-testid=nav-audit]');
await page.waitForSelector('[data-testid=audit-list]');
const undoButtons = await page.$$('[data-testid=audit-undo]');
check(undoButtons.length > 0, `audit has ${undoButtons.length} undo buttons`);
await page.screenshot({ path: `${OUT}/dashboard-audit.png` });
// the reject from the ban is the newest undoable comment entry
const rejectRow = await page.$('tr:has(.action-reject) [data-testid=audit-undo]');
if (rejectRow) {
  await rejectRow.click();
  await sleep(800);
  check(
    (await page.textContent('[data-testid=toast]:last-child')).includes('Undid'),
    'audit undo of the reject',
  );
}

await page.click('[data-testid=nav-settings]');
await page.waitForSelector('[data-testid=settings-form]');
await page.fill('[name="allowedOrigins"]', 'not a url\nhttps://blog.example.com');
await page.fill('[name="settings.linkLimit"]', '500');
await page.click('[data-testid=settings-save]');
await page.waitForSelector('[data-testid=settings-error]:not([hidden])');
const errs = await page.$$eval('.field-error:not([hidden])', (els) =>
  els.map((e) => e.textContent),
);
check(errs.length >= 1, `field errors: ${errs.join(' | ')}`);
await page.screenshot({ path: `${OUT}/dashboard-settings-errors.png`, fullPage: false });
await page.fill('[name="allowedOrigins"]', 'https://blog.example.com');
await page.fill('[name="settings.linkLimit"]', '3');
await page.fill('[name="settings.moderationWords"]', 'tarball\nfree money');
await page.selectOption('[name="settings.premoderation"]', 'fewer-than');
await page.fill('[name="settings.toxicity.PROFANITY.threshold"]', '0.7');
await page.selectOption('[name="settings.toxicity.PROFANITY.action"]', 'hold');
await page.click('[data-testid=settings-save]');
await sleep(700);
const status = await page.textContent('.form-actions [role=status]');
check(status.startsWith('Saved'), `saved: ${status}`);
await page.reload();
await page.waitForSelector('[data-testid=settings-form]');
check((await page.inputValue('[name="settings.linkLimit"]')) === '3', 'link limit persisted');
check(
  (await page.inputValue('[name="settings.toxicity.PROFANITY.threshold"]')) === '0.7',
  'profanity threshold persisted',
);
check(
  (await page.inputValue('[name="settings.moderationWords"]')) === 'tarball\nfree money',
  'words persisted',
);
await page.click('[data-testid=nav-stats]');
await page.waitForSelector('[data-testid=stats-table]');
check(true, `median: ${await page.textContent('[data-testid=median-decision]')}`);
await page.screenshot({ path: `${OUT}/dashboard-stats.png` });
await browser.close();
