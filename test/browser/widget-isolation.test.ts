// The widget lives in a shadow root: a host page's global CSS must not reach inside it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  computedStyles,
  DEMO,
  errorsOf,
  fulfillPage,
  hostPageHtml,
  launchBrowser,
  newPage,
  openWidget,
  screenshot,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';

const HOSTILE_CSS =
  'div,p,button,form{color:red!important;font-size:40px!important;border:5px solid lime!important;' +
  'background:yellow!important;display:inline!important}';

const PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'display',
  'margin-top',
  'padding-top',
  'padding-left',
  'text-transform',
  'width',
];

/** Elements inside the shadow root, by the selectors Playwright pierces it with. */
const WIDGET_PARTS = {
  commentParagraph: '[data-testid=comment] .txt p',
  commentArticle: '[data-testid=comment]',
  submit: '[data-testid=submit]',
  form: '[data-testid=comment-form]',
  textarea: '[data-testid=field-body]',
  replyButton: '[data-testid=reply-button]',
  heading: '[data-testid=heading]',
  root: '[data-testid=parley-root]',
};

async function stylesOf(page: Page): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, selector] of Object.entries(WIDGET_PARTS))
    out[name] = await computedStyles(page.locator(selector), PROPERTIES);
  return out;
}

describe('widget isolation from host page CSS', () => {
  let server: BrowserTestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (name: string, css: string) => {
    const page = await newPage(browser, { viewport: { width: 1000, height: 1400 } });
    const url = `${server.url}/test-pages/${name}.html`;
    await fulfillPage(
      page,
      url,
      hostPageHtml({
        parleyUrl: server.url,
        ...DEMO,
        theme: 'light',
        css,
        title: `Host page (${name})`,
      }),
    );
    return openWidget(page, url);
  };

  test('when the host page restyles div, p, button and form with !important, then the widget computes the same styles', async () => {
    const plain = await open('plain', '');
    const hostile = await open('hostile', HOSTILE_CSS);
    // The hostile rules do apply to the page's own elements (else this test proves nothing).
    expect(await computedStyles(hostile.locator('main > p'), ['color', 'font-size'])).toEqual({
      color: 'rgb(255, 0, 0)',
      'font-size': '40px',
    });

    const baseline = await stylesOf(plain);
    expect(baseline.commentParagraph!['font-size']).not.toBe('40px');
    expect(await stylesOf(hostile)).toEqual(baseline);

    await screenshot(plain, 'hostile-css-baseline.png', { fullPage: true });
    await screenshot(hostile, 'hostile-css.png', { fullPage: true });
    expect(errorsOf(plain)).toEqual([]);
    expect(errorsOf(hostile)).toEqual([]);
  });
});
