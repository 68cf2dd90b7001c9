// Dev-only: embeds the widget cross-origin in a page with aggressive global CSS, in light and
// dark, and measures the first render of the 200-comment thread.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';

const API = process.argv[2] ?? 'http://localhost:4455';
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
const HOSTILE = `<!doctype html><html><head><title>Hostile blog</title><style>
  * { font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; letter-spacing: 2px; }
  div, p, button, form, input, textarea, article, li, ol, section, h2, h3, span, a, img, label { color: red; border: 5px solid; font-size: 40px; margin: 20px; padding: 10px; background: yellow; }
  img { width: 300px !important; height: 300px; }
  button { text-transform: uppercase; }
  body { background: #eef; text-align: center; }
</style></head><body><h1>Host page</h1><p>Some paragraph.</p>
<div id="parley-comments"></div><script src="${API}/embed.js" data-site="demo" data-post="xz-style-backdoor-tarballs" data-theme="THEME" async></script>
<p>After the widget.</p></body></html>`;

// A second origin on loopback (Chromium blocks public pages from reaching localhost).
const hostPage = createServer((req, res) => {
  const theme = new URL(req.url, 'http://x').searchParams.get('theme') ?? 'auto';
  res.writeHead(200, { 'content-type': 'text/html' }).end(HOSTILE.replace('THEME', theme));
}).listen(4466);

for (const theme of ['light', 'dark']) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.log('pageerror:', e.message));
  p.on('console', (m) => console.log('console:', m.text()));
  p.on('requestfailed', (r) => console.log('failed:', r.url(), r.failure()?.errorText));
  await p.goto(`http://localhost:4466/?theme=${theme}`);
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  const t = await p.evaluate(() => {
    const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return {
      scriptStartToRendered: get('parley:rendered') - get('parley:start'),
      dataToRendered: get('parley:rendered') - get('parley:data'),
      fromNavigation: get('parley:rendered'),
    };
  });
  console.log(theme, JSON.stringify(t));
  const host = p.locator('#parley-comments');
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${OUT}/hostile-${theme}.png` });
  await ctx.close();
}

// Render time over several runs (no cache effects on the render itself).
const ctx = await browser.newContext();
const p = await ctx.newPage();
const runs = [];
for (let i = 0; i < 5; i++) {
  await p.goto(API + '/');
  await p.waitForSelector('#parley-comments[data-parley-ready="true"]');
  runs.push(
    await p.evaluate(() => {
      const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return [
        get('parley:rendered') - get('parley:data'),
        get('parley:rendered') - get('parley:start'),
        document.querySelector('#parley-comments').shadowRoot.querySelectorAll('article').length,
      ];
    }),
  );
}
console.log(
  'render runs [data→rendered ms, script start→rendered ms, comments]:',
  JSON.stringify(runs),
);
await browser.close();
hostPage.close();
