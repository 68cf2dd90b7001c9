// Dev-only: closed, empty and not-yet-created posts (screenshots in /tmp/parley-shots/).
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://localhost:4455';
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
const ok = (cond, msg) => console.log(`${cond ? 'ok  ' : 'FAIL'} ${msg}`);
async function open(post, theme = 'light') {
  const p = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  p.on('pageerror', (e) => console.log('pageerror:', e.message));
  await p.goto(`${BASE}/dev/embed?post=${post}&theme=${theme}`);
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  return p;
}
{
  const p = await open('closed-post');
  ok((await p.locator('[data-testid=closed]').count()) === 1, 'closed note');
  ok((await p.locator('[data-testid=comment-form]').count()) === 0, 'no form when closed');
  ok(
    !(await p.locator('[data-testid=reply-button]').first().isVisible()),
    'reply hidden when closed',
  );
  await p.screenshot({ path: `${OUT}/closed.png`, fullPage: true });
  await p.close();
}
{
  const p = await open('empty-post', 'dark');
  ok(
    (await p.locator('[data-testid=heading]').textContent()) ===
      'No comments yet on “Nobody has commented”',
    'empty heading',
  );
  await p.screenshot({ path: `${OUT}/empty-dark.png`, fullPage: true });
  await p.close();
}
{
  const slug = 'brand-new-' + Date.now();
  const p = await open(slug);
  ok(
    (await p.locator('[data-testid=heading]').textContent()).startsWith(
      'No comments yet on “Dev embed',
    ),
    'missing post uses document.title',
  );
  const req = p.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/comments'));
  await p.fill('[data-testid=field-body]', 'First!');
  await p.fill('[data-testid=field-name]', 'Early Bird');
  await p.fill('[data-testid=field-email]', 'bird@example.com');
  await p.click('[data-testid=submit]');
  const body = JSON.parse((await req).postData());
  ok(
    body.url?.includes('/dev/embed') &&
      body.title?.startsWith('Dev embed') &&
      body.homepage === '' &&
      body.idempotencyKey &&
      body.formToken,
    'first POST carries url, title, honeypot, key, token',
  );
  await p.waitForSelector('[data-testid=comment]');
  ok(
    (await p.locator('[data-testid=heading]').textContent()).startsWith('1 comment on'),
    '1 comment heading',
  );
  await p.close();
}
await browser.close();
