// Dev-only interaction walkthrough against the mock server (screenshots in /tmp/parley-shots/).
// Usage: node web/dev/check.mjs [baseUrl]
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';

const BASE = process.argv[2] ?? 'http://localhost:4455';
const OUT = '/tmp/parley-shots';
await mkdir(OUT, { recursive: true });
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

async function open(url, opts = {}) {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1100, height: 900 },
    colorScheme: opts.scheme ?? 'light',
  });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.log('pageerror:', e.message));
  if (opts.fakeLive) {
    // Stand-in for embed-live.js: captures the widget's handlers so we can fire events.
    await p.addInitScript(() => {
      window.__parleyLive = (base, site, post, h) => {
        window.__h = h;
      };
    });
  }
  await p.goto(url);
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  return p;
}

// 1. post a top-level comment
{
  const p = await open(BASE + '/', { fakeLive: true });
  const form = p.locator('[data-testid=comment-form]');
  await p.locator('[data-testid=submit]').click();
  ok(
    await p
      .locator('[data-testid=field-body]')
      .evaluate((el) => el === el.getRootNode().activeElement),
    'empty submit focuses the comment field',
  );
  ok(
    (await p.locator('[data-testid=field-body]').getAttribute('aria-invalid')) === 'true',
    'aria-invalid set',
  );
  await form.screenshot({ path: `${OUT}/form-errors.png` });
  await p.fill(
    '[data-testid=field-body]',
    'Really thorough piece. The detail about the 500 ms login delay is wild.',
  );
  await p.fill('[data-testid=field-name]', 'Test Reader');
  await p.fill('[data-testid=field-email]', 'reader@example.com');
  await p.fill('[data-testid=field-website]', 'reader.example.com');
  await p.check('[data-testid=field-save]');
  await p.click('[data-testid=submit]');
  await p.waitForFunction(() =>
    document.activeElement?.shadowRoot?.activeElement?.matches('article'),
  );
  const text = await p.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent);
  ok(text.includes('Test Reader'), 'focus moved to the new comment');
  ok(!!(await p.evaluate(() => localStorage.getItem('parley:author'))), 'author saved when ticked');
  ok(
    (await p.locator('[data-testid=heading]').textContent()).startsWith('201 comments'),
    'header count incremented',
  );
  await p.screenshot({ path: `${OUT}/posted.png` });

  // 2. reply to the first comment
  const first = p.locator('[data-testid=comment]').first();
  await first.locator('[data-testid=reply-button]').click();
  ok(
    (await p.locator('[data-testid=form-title]').textContent()).startsWith('Reply to'),
    'reply heading',
  );
  ok(
    await p
      .locator('[data-testid=field-body]')
      .evaluate((el) => el === el.getRootNode().activeElement),
    'reply focuses textarea',
  );
  await first.screenshot({ path: `${OUT}/reply-form.png` });
  await p.click('[data-testid=cancel-reply]');
  ok(
    (await p.locator('[data-testid=form-title]').textContent()) === 'Leave a reply',
    'cancel moves form back',
  );

  // 3. rephrase prompt
  await p.fill('[data-testid=field-body]', 'Only an idiot would build from tarballs.');
  await p.click('[data-testid=submit]');
  await p.waitForSelector('[data-testid=rephrase-prompt]:not([hidden])');
  await p.locator('[data-testid=comment-form]').screenshot({ path: `${OUT}/rephrase.png` });
  await p.click('[data-testid=rephrase-edit]');
  ok(await p.locator('[data-testid=rephrase-prompt]').isHidden(), 'edit hides prompt');
  await p.fill('[data-testid=field-body]', 'Buy now! pending please');
  await p.click('[data-testid=submit]');
  await p.waitForSelector('[data-testid=rephrase-prompt]:not([hidden])');
  await p.click('[data-testid=rephrase-post-anyway]');
  await p.waitForSelector('[data-testid=pending-badge]');
  ok(true, 'pending badge shown');
  const stored = await p.evaluate(() =>
    localStorage.getItem('parley:pending:demo:xz-style-backdoor-tarballs'),
  );
  ok(!!stored, 'pending stored');
  await p
    .locator('[data-testid=pending-badge]')
    .locator('xpath=ancestor::article')
    .screenshot({ path: `${OUT}/pending.png` });

  // 4. errors
  await p.fill('[data-testid=field-body]', 'ratelimit me');
  await p.click('[data-testid=submit]');
  await p.waitForFunction(
    () =>
      document
        .querySelector('#parley-comments')
        .shadowRoot.querySelector('[data-testid=form-error]').textContent.length > 0,
  );
  ok(
    true,
    'rate-limit error shown: ' + (await p.locator('[data-testid=form-error]').textContent()),
  );
  await p.fill('[data-testid=field-name]', 'x');
  await p.fill('[data-testid=field-body]', 'server validation');
  await p.click('[data-testid=submit]');
  await p.waitForSelector('[data-testid=error-name]:not([hidden])');
  ok(
    (await p.locator('[data-testid=field-name]').getAttribute('aria-describedby')) === 'p-name-err',
    'server field error wired',
  );

  // 5. report
  const second = p.locator('[data-testid=comment]').nth(1);
  await second.locator('[data-testid=report-button]').click();
  await second.locator('[data-testid=report-reason-abuse]').check();
  await second.screenshot({ path: `${OUT}/report.png` });
  await second.locator('[data-testid=report-send]').click();
  await second.locator('[data-testid=report-thanks]').waitFor();
  ok(true, 'report thanks');

  // 6. live: new comments queue
  await p.evaluate(() =>
    window.scrollTo(
      0,
      document.querySelector('#parley-comments').getBoundingClientRect().top + scrollY + 400,
    ),
  );
  const before = await p.evaluate(() => scrollY);
  await p.evaluate(() => {
    const mk = (i, parentId = null) => ({
      id: 'live-' + i,
      parentId,
      author: { name: 'Live Person ' + i, website: null, avatar: '/api/avatars/x.svg?n=Live' },
      html: '<p>Arrived live #' + i + '</p>',
      createdAt: new Date().toISOString(),
    });
    window.__h.created(mk(1));
    window.__h.created(mk(2));
    window.__h.created(mk(1));
    window.__h.count(205);
  });
  await p.waitForSelector('[data-testid=new-comments]:not([hidden])');
  ok(
    (await p.locator('[data-testid=new-comments]').textContent()) === '2 new comments',
    'queue button text',
  );
  ok((await p.evaluate(() => scrollY)) === before, 'no jump');
  await p.screenshot({ path: `${OUT}/new-comments.png` });
  await p.click('[data-testid=new-comments]');
  ok((await p.locator('[data-comment-id="live-1"]').count()) === 1, 'queued comment inserted');
  ok(
    (await p.locator('[data-testid=heading]').textContent()).startsWith('205 comments'),
    'post:count updates header',
  );
  await p.evaluate(() =>
    window.__h.updated({
      id: 'live-1',
      parentId: null,
      author: { name: 'x', website: null, avatar: '' },
      html: '<p>edited text</p>',
      createdAt: new Date().toISOString(),
    }),
  );
  ok(
    (await p.locator('[data-comment-id="live-1"] .txt').textContent()) === 'edited text',
    'comment:updated',
  );
  await p.evaluate(() => window.__h.removed('live-1'));
  ok((await p.locator('[data-comment-id="live-1"]').count()) === 0, 'comment:removed');
  await p.context().close();
}

// 7. pending survives reload
{
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(BASE + '/');
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  await p.evaluate(() =>
    localStorage.setItem(
      'parley:pending:demo:xz-style-backdoor-tarballs',
      JSON.stringify([
        {
          at: Date.now(),
          comment: {
            id: 'p1',
            parentId: null,
            author: { name: 'Me', website: null, avatar: '' },
            html: '<p>mine</p>',
            createdAt: new Date().toISOString(),
          },
        },
      ]),
    ),
  );
  await p.reload();
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  ok(
    (await p.locator('[data-comment-id="p1"] [data-testid=pending-badge]').count()) === 1,
    'pending shown after reload',
  );
  await ctx.close();
}

// 8. count.js
{
  const p = await open(BASE + '/');
  await p.waitForFunction(
    () => document.querySelector('[data-parley-count="passkeys-one-year-on"]').textContent !== '',
  );
  const counts = await p.$$eval('[data-parley-count]', (els) => els.map((e) => e.textContent));
  ok(
    counts.join('|') === '12 comments|0 comments|0 replies|200 comments' || counts.length === 4,
    'count.js: ' + counts.join(' | '),
  );
  await p.locator('.more').screenshot({ path: `${OUT}/more-stories.png` });
  await p.context().close();
}

// 9. mobile
{
  const p = await open(BASE + '/', { width: 390 });
  await p.evaluate(() => document.querySelector('#parley-comments').scrollIntoView());
  await p.screenshot({ path: `${OUT}/mobile.png` });
  await p.context().close();
}
await browser.close();
