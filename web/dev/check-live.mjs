// Dev-only: two readers on the demo page with the mock's socket.io on (MOCK_SOCKET=1):
// A posts, B gets the "1 new comment" button through the lazily loaded embed-live.js.
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://localhost:4455';
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
const ok = (cond, msg) => console.log(`${cond ? 'ok  ' : 'FAIL'} ${msg}`);
const open = async () => {
  const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  p.on('pageerror', (e) => console.log('pageerror:', e.message));
  await p.goto(`${BASE}/dev/embed?post=passkeys-one-year-on&theme=light`);
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  await p.waitForFunction(() => typeof window.__parleyLive === 'function');
  return p;
};
const MSG = 'Hello from reader A ' + Date.now();
const a = await open();
const b = await open();
await b.waitForTimeout(500);
const heading = await b.locator('[data-testid=heading]').textContent();
await a.fill('[data-testid=field-body]', MSG);
await a.fill('[data-testid=field-name]', 'Reader A');
await a.fill('[data-testid=field-email]', 'a@example.com');
await a.click('[data-testid=submit]');
await b.waitForSelector('[data-testid=new-comments]:not([hidden])', { timeout: 5000 });
ok(true, 'B sees: ' + (await b.locator('[data-testid=new-comments]').textContent()));
ok(
  (await b.locator('[data-testid=heading]').textContent()) !== heading,
  'B header count updated: ' + (await b.locator('[data-testid=heading]').textContent()),
);
await b.waitForTimeout(100);
ok(
  (await b.locator('[data-testid=live-region]').textContent()).includes('Reader A'),
  'B live region announced',
);
await b.click('[data-testid=new-comments]');
ok((await b.locator('[data-testid=comment]', { hasText: MSG }).count()) === 1, 'B inserted it');
ok((await a.locator('[data-testid=comment]', { hasText: MSG }).count()) === 1, 'A has it once');
ok(
  await a.locator('[data-testid=new-comments]').isHidden(),
  'A has no new-comments button for own comment',
);
await browser.close();
