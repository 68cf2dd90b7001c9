// Dev-only: drives headless Chromium against the mock server, takes screenshots into
// /tmp/parley-shots/ and measures the first render. Usage: node web/dev/shots.mjs [baseUrl]
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

async function page(scheme, width = 1280) {
  const ctx = await browser.newContext({
    colorScheme: scheme,
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
  });
  const p = await ctx.newPage();
  p.on('console', (m) => console.log(`[${scheme}] console.${m.type()}: ${m.text()}`));
  p.on('pageerror', (e) => console.log(`[${scheme}] pageerror: ${e.message}`));
  return p;
}

for (const scheme of ['light', 'dark']) {
  const p = await page(scheme);
  await p.goto(BASE + '/');
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  const timing = await p.evaluate(() => {
    const m = performance.getEntriesByName('parley:rendered')[0];
    const s = performance.getEntriesByName('parley:start')[0];
    return {
      sinceNav: m?.startTime,
      sinceStart: m && s ? m.startTime - s.startTime : null,
      count: document.querySelector('#parley-comments').shadowRoot.querySelectorAll('article')
        .length,
    };
  });
  console.log(scheme, 'render', timing);
  await p.screenshot({ path: `${OUT}/${scheme}-top.png` });
  const host = p.locator('#parley-comments');
  await host.scrollIntoViewIfNeeded();
  await p.evaluate(() => document.querySelector('#parley-comments').scrollIntoView());
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${OUT}/${scheme}-comments.png` });
  await p.locator('[data-testid=load-more]').scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${OUT}/${scheme}-form.png`, fullPage: false });
  await p.context().close();
}
await browser.close();
