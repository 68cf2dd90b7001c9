// Scratch: render.ts in Chromium — hostile html and flagged-word marking.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const { outputFiles } = await build({
  stdin: {
    contents:
      "import { renderCommentHtml } from './render.ts'; window.render = (h, m, t) => { const d = document.createElement('div'); d.appendChild(renderCommentHtml(h, m, t)); return d.innerHTML; };",
    resolveDir: new URL('../dashboard/', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'iife',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
let alerted = false;
page.on('dialog', (d) => {
  alerted = true;
  void d.dismiss();
});
await page.setContent('<html><body></body></html>');
await page.addScriptTag({ content: outputFiles[0].text });
const cases = [
  ['<p>You are a <em>pathetic</em> idiot</p>', ['pathetic', 'idiot']],
  ['<p>class ass</p>', ['ass']],
  ['<p>idiots everywhere</p>', ['idiot']],
  ['<p>free   money now</p>', ['free money']],
  [
    '<img src=x onerror=alert(1)><script>alert(2)</script><p onclick="alert(3)">hi <a href="javascript:alert(4)">x</a> <a href="https://ok.example">ok</a></p>',
    ['<img', 'x'],
  ],
  ['<p>&lt;b&gt;bold&lt;/b&gt; 1d10t</p>', ['<b>', '1d10t']],
  [
    '<svg><script>alert(5)</script></svg><iframe src="https://evil"></iframe><style>*{}</style>',
    [],
  ],
];
for (const [html, m] of cases)
  console.log(
    JSON.stringify(await page.evaluate(([h, mm]) => window.render(h, mm, ''), [html, m])),
  );
await page.waitForTimeout(300);
console.log('alert fired:', alerted);
await browser.close();
