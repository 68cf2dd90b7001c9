// Scratch: live events, bulk, empty state, moderator view and lock-out against a running server.
// Usage: node web/dev/dashboard-live.mjs [base]
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://127.0.0.1:3999';
const OUT = '/tmp/parley-shots';
const POST = `${BASE}/api/sites/demo/posts/xz-style-backdoor-tarballs`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const check = (ok, what) => console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);

async function apiSession(email, password) {
  const r = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, data) => {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
      body: data ? JSON.stringify(data) : method === 'GET' ? undefined : '{}',
    });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
  return { ...body, call };
}

async function postComment(body, extra = {}) {
  const r = await fetch(`${POST}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Live Larry', email: 'larry@example.com', body, ...extra }),
  });
  return r.json();
}

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

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  // Until src/http/app.ts serves /moderate/app.* statically (see dashboard-shots.mjs).
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
  return page;
}

async function login(page, email, password, path = '/moderate') {
  await page.goto(`${BASE}${path}`);
  await page.fill('[data-testid=login-email]', email);
  await page.fill('[data-testid=login-password]', password);
  await page.click('[data-testid=login-submit]');
}

const ids = (page) =>
  page.$$eval('[data-testid=queue-item]', (els) => els.map((e) => e.dataset.commentId));
const selected = (page) =>
  page
    .$eval('[data-testid=queue-item][aria-selected=true]', (e) => e.dataset.commentId)
    .catch(() => null);

const admin = await apiSession('admin@example.com', 'admin-password-1');
const page = await newPage();
await login(page, 'admin@example.com', 'admin-password-1');
await page.waitForSelector('body[data-ready=true]');
await page.waitForSelector('[data-testid=live-status][data-state=live]');
await page.keyboard.press('j');
const before = await ids(page);
const sel = await selected(page);
console.log('items', before.length, 'selected', sel?.slice(-6));

// 1. a new held comment arrives live, selection kept
const created = await postComment('Live one: you absolute idiot, read the article first.');
await page
  .waitForSelector(`[data-comment-id="${created.comment.id}"]`, { timeout: 5000 })
  .catch(() => null);
const after = await ids(page);
check(after.includes(created.comment.id), 'queue:added inserted the new comment');
check(
  after.indexOf(created.comment.id) === after.length - 1,
  'oldest-first: new comment at the end',
);
check((await selected(page)) === sel, 'selection kept');
await sleep(600);
const pendingCount = await page.textContent('[data-testid=queue-tab-pending] [data-testid=count]');
check(Number(pendingCount) === after.length, `pending count updated live (${pendingCount})`);

// 2. someone else approves the selected comment
const r = await admin.call('POST', `/api/moderation/comments/${sel}/approve`);
check(
  r.status === 200,
  `other moderator approved (${r.status}) ${r.status !== 200 ? JSON.stringify(r.body) : ''}`,
);
await page
  .waitForSelector(`[data-comment-id="${sel}"]`, { state: 'detached', timeout: 5000 })
  .catch(() => null);
check(!(await ids(page)).includes(sel), 'queue:removed took it out');
const toasts = await page.$$eval('[data-testid=toast]', (els) => els.map((e) => e.textContent));
check(
  toasts.some((t) => t.includes('Handled by someone else')),
  'toast: Handled by someone else',
);
await page.screenshot({ path: `${OUT}/dashboard-live.png` });
await admin.call('POST', `/api/moderation/comments/${sel}/reject`);
await sleep(300);

// 3. bulk approve everything → empty state; then u restores
await page.click('[data-testid=select-all]');
const n = (await ids(page)).length;
await page.click('[data-testid=bulk-approve]');
await page.waitForSelector('[data-testid=empty-state]', { timeout: 5000 });
check(true, `bulk approved ${n}; empty state shown`);
await sleep(400);
await page.screenshot({ path: `${OUT}/dashboard-empty.png` });
await page.keyboard.press('u');
await page
  .waitForFunction((k) => document.querySelectorAll('[data-testid=queue-item]').length === k, n, {
    timeout: 8000,
  })
  .catch(() => null);
check((await ids(page)).length === n, `u restored the bulk (${(await ids(page)).length}/${n})`);

// 4. reject + spam + not-spam via keys, then tabs
await page.keyboard.press('r');
await sleep(300);
await page.keyboard.press('s');
await sleep(500);
await page.click('[data-testid=queue-tab-spam]');
await page.waitForSelector('[data-testid=queue-item]');
await page.screenshot({ path: `${OUT}/dashboard-spam-tab.png` });
const spamIds = await ids(page);
await page.keyboard.press('n');
await sleep(500);
check((await ids(page)).length === spamIds.length - 1, 'n (not spam) removed it from the spam tab');
await page.click('[data-testid=queue-tab-rejected]');
await page.waitForSelector('body[data-ready=true]');
await sleep(300);
check((await ids(page)).length >= 1, `rejected tab lists ${(await ids(page)).length}`);
await page.goBack();
await sleep(400);
check(page.url().includes('queue=spam'), 'back button returns to the spam tab');

// 5. moderator: no admin pages; lock-out
const mod = await admin.call('POST', '/api/admin/users', {
  email: `mod${Date.now()}@example.com`,
  name: 'Mo Derator',
  password: 'moderator-pass-1',
  role: 'moderator',
  sites: ['demo'],
});
check(mod.status === 201, `created a moderator (${mod.status})`);
const mp = await newPage();
await login(mp, mod.body.user.email, 'moderator-pass-1');
await mp.waitForSelector('body[data-ready=true]');
check((await mp.$('[data-testid=nav-settings]')) === null, 'moderator sees no admin nav');
await mp.screenshot({ path: `${OUT}/dashboard-moderator.png` });
await mp.goto(`${BASE}/moderate/settings`);
await mp.waitForSelector('body[data-ready=true]');
check(
  (await mp.textContent('main')).includes('Only admins'),
  'moderator on /moderate/settings: admins only',
);
await mp.click('[data-testid=sign-out]');
await mp.waitForSelector('[data-testid=login-form]');
for (let i = 0; i < 5; i++) {
  await mp.fill('[data-testid=login-email]', mod.body.user.email);
  await mp.fill('[data-testid=login-password]', 'nope-nope-nope');
  await mp.click('[data-testid=login-submit]');
  await mp.waitForSelector('[data-testid=login-error]:not([hidden])');
  await sleep(150);
}
await mp.fill('[data-testid=login-password]', 'moderator-pass-1');
await mp.click('[data-testid=login-submit]');
await sleep(500);
const lockMsg = await mp.textContent('[data-testid=login-error]');
check(/locked/i.test(lockMsg), `lock-out message: ${lockMsg}`);
await mp.screenshot({ path: `${OUT}/dashboard-locked.png` });
await browser.close();
