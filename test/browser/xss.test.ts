// An attacker's corpus of XSS payloads through every field a stranger or a moderator can write
// (comment body, name, website, reply, report note, moderator edit, reject reason, ban reason),
// then every place that shows them: the widget on a host page and each dashboard page, in real
// Chromium. A payload "runs" when it calls window.__xss, alert/confirm/prompt, or reads the
// global XSS; markup that could run later (an on* attribute, a javascript: link, a script,
// iframe or object from user text) is counted too, even if nothing has fired it yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn, TEST_ADMIN } from '../helpers/auth.js';
import {
  DEMO,
  fulfillPage,
  hostPageHtml,
  launchBrowser,
  newPage,
  startBrowserTestServer,
  waitForWidget,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { recordFigure } from '../helpers/figures.js';

const PAYLOADS = readFileSync(join(import.meta.dirname, '../fixtures/xss/payloads.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line, i) => line.replaceAll('XSS', `__xss(${i + 1})`));
/** Payloads per post, below the widget's first page so a thread shows them without paging. */
const PER_POST = 40;

interface PageFindings {
  hits: string[];
  dialogs: string[];
  dangerous: string[];
}

/** Hooks every way a payload could announce itself, before any script of the page runs. */
async function armPage(page: Page, dialogs: string[]): Promise<void> {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xssHits: string[] };
    w.__xssHits = [];
    w.__xss = (n: unknown) => w.__xssHits.push(`__xss(${String(n)})`);
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      w[name] = (...args: unknown[]) => w.__xssHits.push(`${name}(${args.join(',')})`);
    }
    Object.defineProperty(window, 'XSS', {
      get() {
        w.__xssHits.push('XSS');
        return 0;
      },
    });
  });
}

/** Hovers, focuses and waits, so onmouseover, onfocus and late onerror handlers get their chance. */
async function provoke(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1100, height: 900 };
  for (let y = 10; y < size.height; y += 60) {
    for (let x = 10; x < size.width; x += 180) await page.mouse.move(x, y);
  }
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(800);
}

/** What ran, and markup from user text that could run: searched through open shadow roots too. */
async function findingsOf(page: Page, dialogs: string[], ownOrigin: string): Promise<PageFindings> {
  const { hits, dangerous } = await page.evaluate((origin) => {
    const bad: string[] = [];
    const scriptish =
      /^(?:javascript|vbscript|livescript):|^data:(?:text\/html|image\/svg|text\/javascript)/;
    const squeeze = (v: string) =>
      v
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these in URLs
        .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
        .toLowerCase();
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta'].includes(tag)) {
          if (!(tag === 'meta' && el.closest('head'))) bad.push(`<${tag}>`);
        }
        if (tag === 'script') {
          const src = (el as HTMLScriptElement).src;
          if (!src || !src.startsWith(origin)) bad.push(`<script> ${src || el.textContent}`);
        }
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) bad.push(`<${tag} ${name}="${attr.value}">`);
          if (
            [
              'href',
              'src',
              'action',
              'formaction',
              'xlink:href',
              'data',
              'srcdoc',
              'background',
            ].includes(name) &&
            scriptish.test(squeeze(attr.value))
          ) {
            bad.push(`<${tag} ${name}="${attr.value}">`);
          }
          if (name === 'style' && /expression\(|javascript:/i.test(attr.value)) {
            bad.push(`<${tag} style="${attr.value}">`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return {
      hits: [...(window as unknown as { __xssHits: string[] }).__xssHits],
      dangerous: bad,
    };
  }, ownOrigin);
  return { hits, dialogs: [...dialogs], dangerous };
}

describe('XSS payloads through every field, shown everywhere', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let staff: { cookie: string; csrfToken: string };
  let ip = 0;
  const written: Record<string, number> = {};
  const refused: Record<string, number> = {};
  const posts = new Set<string>();
  const commentIds: string[] = [];
  /** Top-level payload comments written per post. */
  const perPost = new Map<string, number>();
  const seen: Array<{ where: string; findings: PageFindings }> = [];

  const count = (field: string, ok: boolean) => {
    const into = ok ? written : refused;
    into[field] = (into[field] ?? 0) + 1;
  };
  const nextIp = () => {
    ip += 1;
    return `198.18.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
  };
  const asStaff = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/moderation${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: staff.cookie,
        'x-csrf-token': staff.csrfToken,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const postComment = async (
    post: string,
    fields: { name: string; body: string; website?: string; parentId?: string },
  ) => {
    const site = await server.parley.sites.get(DEMO.site);
    const send = (extra: object) =>
      fetch(`${server.url}/api/sites/${DEMO.site}/posts/${post}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify({
          email: `xss.${ip}@example.org`,
          // A post is created by its first comment: its title is a payload too.
          title: `Page ${post} ${PAYLOADS[Number(post.split('-')[1]) - 1] ?? ''}`.slice(0, 300),
          url: `${server.url}/test-pages/${post}.html`,
          formToken: server.parley.formTokens.issue(site.id, post, Date.now() - 60_000),
          ...fields,
          ...extra,
        }),
      });
    let res = await send({});
    if (res.status === 400 && fields.website) {
      // A website the schema refuses (not an http(s) link): still post the rest.
      count('website', false);
      res = await send({ website: undefined });
    } else if (fields.website) count('website', res.status < 300);
    count(fields.parentId ? 'reply' : 'body', res.status < 300);
    if (!fields.parentId) count('name', res.status < 300);
    if (res.status >= 300) return null;
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    staff = await signIn(server.url, TEST_ADMIN);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('when a payload does run on a page, then the detectors see it', async () => {
    const dialogs: string[] = [];
    const page = await newPage(browser);
    await armPage(page, dialogs);
    const url = `${server.url}/test-pages/unsafe.html`;
    await fulfillPage(
      page,
      url,
      `<!doctype html><p>unsafe</p><img src=x onerror="__xss(1)"><a href="javascript:__xss(2)">x</a><script>alert(3)</script>`,
    );
    await page.goto(url);
    await page.waitForTimeout(300);
    const findings = await findingsOf(page, dialogs, server.url);
    expect(findings.hits).toEqual(expect.arrayContaining(['__xss(1)', 'alert(3)']));
    expect(findings.dangerous.length).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  test('when every payload is written into every field, then the server stores them as text', async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const post = `xss-${Math.floor(i / PER_POST) + 1}`;
      posts.add(post);
      const id = await postComment(post, {
        name: `P${i + 1} ${payload}`.slice(0, 80),
        body: payload,
        website: `https://example.org/${i}"onmouseover="__xss(${i + 1})`,
      });
      if (id) perPost.set(post, (perPost.get(post) ?? 0) + 1);
      commentIds.push(id ?? '');
    }
    // Replies: a payload under the first comment of each post.
    for (const [i, payload] of PAYLOADS.entries()) {
      if (i % 4 !== 0) continue;
      const post = `xss-${Math.floor(i / PER_POST) + 1}`;
      const parent = commentIds[Math.floor(i / PER_POST) * PER_POST];
      if (!parent) continue;
      await postComment(post, { name: 'Replier', body: `re: ${payload}`, parentId: parent });
    }
    expect(written.body ?? 0).toBeGreaterThanOrEqual(PAYLOADS.length * 0.9);

    // Everything the screening held goes into the threads, so readers would see it.
    for (const queue of ['pending', 'toxic', 'spam']) {
      for (;;) {
        const res = await asStaff('GET', `/comments?site=${DEMO.site}&queue=${queue}&limit=100`);
        const { items } = (await res.json()) as { items: Array<{ comment: { id: string } }> };
        if (items.length === 0) break;
        const bulk = await asStaff('POST', '/comments/bulk', {
          ids: items.map((it) => it.comment.id),
          action: queue === 'spam' ? 'not-spam' : 'approve',
        });
        expect(bulk.status).toBe(200);
        if (queue === 'spam') {
          // not-spam may leave a comment pending; the next pass over pending approves it
          await asStaff('POST', '/comments/bulk', {
            ids: items.map((it) => it.comment.id),
            action: 'approve',
          });
        }
      }
    }

    // A moderator's edit, a reject reason, a reader's report note and a ban reason: each a payload.
    for (const [i, payload] of PAYLOADS.entries()) {
      const id = commentIds[i];
      if (!id) continue;
      if (i % 5 === 1) {
        const res = await asStaff('PATCH', `/comments/${id}`, { body: `edited: ${payload}` });
        count('moderator edit', res.status === 200);
      }
      if (i % 7 === 3) {
        const res = await asStaff('POST', `/comments/${id}/reject`, { reason: payload });
        count('reject reason', res.status === 200);
      }
      if (i % 2 === 0) {
        const res = await fetch(`${server.url}/api/comments/${id}/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
          body: JSON.stringify({ reason: 'other', note: payload.slice(0, 500) }),
        });
        count('report note', res.status < 300);
      }
      if (i % 3 === 0) {
        const res = await asStaff('POST', '/bans', {
          site: DEMO.site,
          kind: 'email',
          value: `banned.${i}@spam.example`,
          reason: payload.slice(0, 500),
        });
        count('ban reason', res.status === 201);
      }
    }
    for (const field of ['moderator edit', 'reject reason', 'report note', 'ban reason']) {
      expect(written[field] ?? 0, `${field} payloads stored`).toBeGreaterThan(10);
    }
  }, 600_000);

  test('when readers open every thread, then no payload runs in the widget', async () => {
    let shownTotal = 0;
    for (const post of posts) {
      const dialogs: string[] = [];
      const page = await newPage(browser);
      await armPage(page, dialogs);
      const url = `${server.url}/test-pages/${post}.html`;
      await fulfillPage(page, url, hostPageHtml({ parleyUrl: server.url, site: DEMO.site, post }));
      await page.goto(url);
      await waitForWidget(page);
      const more = page.locator('[data-testid=load-more]');
      for (let i = 0; i < 5 && (await more.isVisible()); i++) await more.click();
      const shown = await page.locator('[data-testid=comment]').count();
      shownTotal += shown;
      // Some were rejected with a payload as the reason; the rest are in the thread.
      expect(shown, `comments shown on ${post}`).toBeGreaterThanOrEqual(
        Math.floor((perPost.get(post) ?? 0) * 0.7),
      );
      await provoke(page);
      seen.push({ where: `widget ${post}`, findings: await findingsOf(page, dialogs, server.url) });
      await page.context().close();
    }
    expect(shownTotal).toBeGreaterThan(PAYLOADS.length * 0.6);
    const ran = seen.filter((s) => s.where.startsWith('widget'));
    expect(ran.flatMap((s) => s.findings.hits.map((h) => `${s.where}: ${h}`))).toEqual([]);
    expect(ran.flatMap((s) => s.findings.dialogs.map((d) => `${s.where}: ${d}`))).toEqual([]);
    expect(ran.flatMap((s) => s.findings.dangerous.map((d) => `${s.where}: ${d}`))).toEqual([]);
  }, 600_000);

  test('when a moderator opens every dashboard page, then no payload runs there', async () => {
    const dialogs: string[] = [];
    const page = await newPage(browser, { viewport: { width: 1360, height: 900 } });
    await armPage(page, dialogs);
    await page.goto(`${server.url}/moderate`);
    await page.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await page.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('body[data-ready=true]');
    const views = [
      ...['approved', 'reported', 'rejected', 'pending', 'spam', 'toxic'].map(
        (q) => `/moderate?queue=${q}&sort=newest`,
      ),
      '/moderate/bans',
      '/moderate/audit',
      '/moderate/stats',
      '/moderate/settings',
    ];
    let cards = 0;
    for (const view of views) {
      await page.goto(`${server.url}${view}`);
      await page.waitForSelector('body[data-ready=true]');
      await page.waitForLoadState('networkidle');
      const more = page.locator('[data-testid=load-more]');
      const items = page.locator('[data-testid=queue-item]');
      for (let i = 0; i < 20 && (await more.isVisible()); i++) {
        const before = await items.count();
        await more.click();
        // While a page loads the button is gone: wait for its cards (or the end), not for the
        // network to look idle, which a loaded machine can report before the page is placed.
        await page.waitForFunction(
          (n) =>
            document.querySelectorAll('[data-testid=queue-item]').length > n ||
            Boolean(document.body.textContent?.includes('End of the queue')),
          before,
          { timeout: 20_000 },
        );
      }
      cards += await page.locator('[data-testid=queue-item]').count();
      await provoke(page);
      seen.push({ where: `dashboard ${view}`, findings: await findingsOf(page, [], server.url) });
    }
    expect(cards, 'queue cards shown').toBeGreaterThan(PAYLOADS.length / 2);
    const html = await page.content();
    expect(html.length).toBeGreaterThan(0);
    const ran = seen.filter((s) => s.where.startsWith('dashboard'));
    expect(ran.flatMap((s) => s.findings.hits.map((h) => `${s.where}: ${h}`))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(ran.flatMap((s) => s.findings.dangerous.map((d) => `${s.where}: ${d}`))).toEqual([]);

    const executions = seen.reduce((n, s) => n + s.findings.hits.length, 0) + dialogs.length;
    recordFigure('xss payloads', {
      payloads: PAYLOADS.length,
      written,
      refusedByValidation: refused,
      pagesChecked: seen.length,
      executions,
      dangerousMarkup: seen.reduce((n, s) => n + s.findings.dangerous.length, 0),
    });
  }, 600_000);
});
