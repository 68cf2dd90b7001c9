// A blog owner's first hour in real Chromium, no terminal: a fresh Parley without the demo
// shows the first-run page, the owner creates the admin, adds their blog in the dashboard,
// pastes its snippet into a page on ANOTHER origin, a reader comments on a brand-new
// article, and the comment is in the owner's queue. Then every dashboard page at 390 × 844
// (nothing wider than the screen) and under axe-core (no serious or critical violation).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  errorsOf,
  launchBrowser,
  logOf,
  newPage,
  screenshot,
  serveHostPage,
  waitForWidget,
  type HostServer,
} from '../helpers/browser.js';
import { insertTestComment } from '../helpers/moderation.js';
import { startTestServer } from '../helpers/parley.js';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const OWNER = {
  name: 'Olive Owner',
  email: 'olive@blog.example',
  password: 'a long owner passphrase',
};
const PHONE = { width: 390, height: 844 };

/** Pages of the dashboard an admin can open, by path. */
const PAGES = [
  ['queue', '/moderate'],
  ['settings', '/moderate/settings'],
  ['bans', '/moderate/bans'],
  ['audit', '/moderate/audit'],
  ['stats', '/moderate/stats'],
  ['sites', '/moderate/sites'],
  ['posts', '/moderate/posts'],
  ['people', '/moderate/people'],
  ['api-keys', '/moderate/api-keys'],
  ['account', '/moderate/account'],
] as const;

async function openDashboardPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  await page.waitForSelector('.loading', { state: 'detached', timeout: 20_000 }).catch(() => {});
}

/** Elements whose right edge passes the viewport (ignoring visually hidden ones). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (el.closest('.sr-only, .skip-link, .snippet, [aria-hidden="true"]')) continue;
      if (r.right > width + 1 || r.left < -1)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.left)}–${Math.round(r.right)})`,
        );
    }
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrollWidth ${document.documentElement.scrollWidth}`);
    return out.slice(0, 10);
  });
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

describe('a blog owner without a terminal', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let host: HostServer;
  let owner: Page;
  let snippet = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer('sqlite', { SEED_DEMO: 'false' }),
      launchBrowser(),
    ]);
    // The owner's blog on another origin: an article page carrying whatever snippet was pasted.
    host = await serveHostPage(
      (
        path,
      ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hello world · Olive's blog</title></head>
<body><main><h1>Hello world</h1><p>My very first article (${path}).</p>
${snippet.replace('POST-ID', 'hello-world')}
</main></body></html>`,
    );
    owner = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  });

  test('when a fresh Parley without the demo is opened, then / shows the first-run page and it creates the admin and leads to the dashboard', async () => {
    expect(await server.parley.database.db.user.count()).toBe(0);
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/moderate');
    await owner.goto(`${server.url}/`);
    await owner.waitForSelector('[data-testid=setup-form]');
    expect(await owner.textContent('body')).not.toContain('demo article');
    await screenshot(owner, 'owner-first-run.png');
    await owner.fill('[data-testid=setup-name]', OWNER.name);
    await owner.fill('[data-testid=setup-email]', OWNER.email);
    await owner.fill('[data-testid=setup-password]', 'short');
    await owner.click('[data-testid=setup-submit]');
    await owner.waitForSelector('.field-error:not([hidden])');
    await owner.fill('[data-testid=setup-password]', OWNER.password);
    await owner.click('[data-testid=setup-submit]');
    await owner.waitForURL(/\/moderate\/sites$/);
    await owner.waitForSelector('[data-testid=site-create]');
    expect(await owner.textContent('.account-name')).toBe(OWNER.name);
  });

  test('when the owner adds their blog and pastes its snippet on another origin, then a first comment on a brand-new article reaches the queue', async () => {
    await owner.fill('[data-testid=site-name]', "Olive's Blog");
    expect(await owner.inputValue('[data-testid=site-slug]')).toBe('olives-blog');
    await owner.fill('[data-testid=site-origins]', host.origin);
    await owner.click('[data-testid=site-create]');
    const card = owner.locator('[data-site-card="olives-blog"]');
    await card.locator('[data-testid=embed-snippet]').waitFor();
    snippet = await card.locator('[data-testid=embed-snippet]').inputValue();
    expect(snippet).toContain(`src="${server.url}/embed.js"`);
    expect(snippet).toContain('data-site="olives-blog"');
    expect(await card.locator('[data-testid=count-snippet]').inputValue()).toContain(
      `${server.url}/count.js`,
    );
    await screenshot(owner, 'owner-site-created.png', { fullPage: true });

    // "Check my page": the blog's origin is allowed, another is not (and says which to add).
    await card.locator('[data-testid=check-url]').fill(`${host.origin}/2026/hello-world`);
    await card.locator('[data-testid=check-run]').click();
    expect(await card.locator('[data-testid=check-result]').textContent()).toContain('is allowed');
    await card.locator('[data-testid=check-url]').fill('https://www.olive.example/post');
    await card.locator('[data-testid=check-run]').click();
    expect(await card.locator('[data-testid=check-result]').textContent()).toContain('add it');
    expect(await card.locator('[data-testid=check-add]').textContent()).toBe(
      'Add https://www.olive.example',
    );

    const reader = await newPage(browser);
    await reader.goto(`${host.origin}/2026/hello-world`);
    await waitForWidget(reader);
    // The site's default minimum time to write a comment (3 s) applies to this reader too.
    await reader.waitForTimeout(3200);
    await reader.fill(
      '[data-testid=field-body]',
      'Congratulations on the new blog, looking forward to more.',
    );
    await reader.fill('[data-testid=field-name]', 'First Reader');
    await reader.fill('[data-testid=field-email]', 'first.reader@example.org');
    const posted = reader.waitForResponse(
      (r) => /\/comments$/.test(r.url()) && r.request().method() === 'POST',
    );
    await reader.click('[data-testid=submit]');
    const res = await posted;
    expect([201, 202], logOf(reader).join('\n')).toContain(res.status());
    const status = ((await res.json()) as { status: string }).status;
    expect(errorsOf(reader)).toEqual([]);
    const post = await server.parley.database.db.post.findFirstOrThrow({
      where: { slug: 'hello-world' },
    });
    expect(post.url).toBe(`${host.origin}/2026/hello-world`);

    await owner.goto(
      `${server.url}/moderate?queue=${status === 'approved' ? 'approved' : 'pending'}`,
    );
    await owner.waitForSelector('[data-testid=queue-item], .card', { timeout: 20_000 });
    await owner.waitForFunction(
      () => document.body.textContent?.includes('Congratulations on the new blog'),
      null,
      { timeout: 20_000 },
    );

    await openDashboardPage(owner, `${server.url}/moderate/posts`);
    expect(await owner.textContent('[data-post="hello-world"]')).toMatch(/Hello world/);
  });

  test('when an admin deletes a site, then the confirmation says what it removes', async () => {
    await openDashboardPage(owner, `${server.url}/moderate/sites`);
    await owner.fill('[data-testid=site-name]', 'Scratch');
    await owner.click('[data-testid=site-create]');
    const card = owner.locator('[data-site-card="scratch"]');
    await card.locator('[data-testid=site-delete]').click();
    const dialog = owner.locator('[data-testid=delete-site-dialog]');
    expect(await dialog.textContent()).toContain('0 posts, 0 comments, 0 bans and 0 API keys');
    await dialog.locator('[data-testid=confirm]').click();
    await card.waitFor({ state: 'detached' });
    expect(await server.parley.database.db.site.count({ where: { slug: 'scratch' } })).toBe(0);
  });

  test('when each dashboard page is opened at 390 × 844, then nothing is wider than the screen and the menu opens', async () => {
    await insertTestComment(server.parley, {
      site: 'olives-blog',
      post: 'hello-world',
      status: 'pending',
      name: 'A reader with a rather long name that could overflow a narrow card',
      body: 'https://example.com/a/very/long/link/without/any/spaces/that/could/push/the/card/wider/than/the/phone/screen',
    });
    const phone = await newPage(browser, {
      viewport: PHONE,
      storageState: await owner.context().storageState(),
    });
    const problems: Record<string, string[]> = {};
    for (const [name, path] of PAGES) {
      await openDashboardPage(phone, `${server.url}${path}`);
      const wide = await overflowing(phone);
      if (wide.length) problems[name] = wide;
      await screenshot(phone, `owner-390-${name}.png`, { fullPage: true });
    }
    expect(problems).toEqual({});
    await openDashboardPage(phone, `${server.url}/moderate`);
    await phone.click('[data-testid=menu-toggle]');
    await phone.locator('[data-testid=nav-sites]').click();
    await phone.waitForURL(/\/moderate\/sites$/);
    await screenshot(phone, 'owner-390-menu-closed-after-nav.png');
  }, 180_000);

  test('when axe-core checks every dashboard page, then none has a serious or critical violation', async () => {
    // axe is injected as an inline script, which the dashboard's CSP (rightly) forbids.
    const page = await newPage(browser, {
      bypassCSP: true,
      storageState: await owner.context().storageState(),
    });
    const found: Record<string, string[]> = {};
    for (const [name, path] of PAGES) {
      await openDashboardPage(page, `${server.url}${path}`);
      const v = await seriousAxeViolations(page);
      if (v.length) found[name] = v;
    }
    expect(found).toEqual({});
  }, 180_000);

  test('when the owner moderates with the keyboard alone, then a held comment is approved and the approval undone', async () => {
    const id = await insertTestComment(server.parley, {
      site: 'olives-blog',
      post: 'hello-world',
      status: 'pending',
      body: 'Held for a keyboard-only decision.',
    });
    await openDashboardPage(owner, `${server.url}/moderate?queue=pending`);
    const card = owner.locator(`[data-testid=queue-item][data-comment-id="${id}"]`);
    await card.waitFor();
    // Move the keyboard cursor onto the card, then decide.
    for (let i = 0; i < 5 && (await card.getAttribute('aria-current')) !== 'true'; i++)
      await owner.keyboard.press('j');
    expect(await card.getAttribute('aria-current')).toBe('true');
    await owner.keyboard.press('a');
    await card.waitFor({ state: 'detached' });
    const db = server.parley.database.db;
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
    await owner.keyboard.press('u');
    await card.waitFor();
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
  });

  test('when the owner presses u before the approval has been answered, then that approval is undone', async () => {
    const id = await insertTestComment(server.parley, {
      site: 'olives-blog',
      post: 'hello-world',
      status: 'pending',
      body: 'Held for a quick change of mind.',
    });
    await openDashboardPage(owner, `${server.url}/moderate?queue=pending`);
    const card = owner.locator(`[data-testid=queue-item][data-comment-id="${id}"]`);
    await card.waitFor();
    for (let i = 0; i < 5 && (await card.getAttribute('aria-current')) !== 'true'; i++)
      await owner.keyboard.press('j');
    // The server's answer to the approval is held back a second: "u" comes before it.
    const slow = `**/api/moderation/comments/${id}/approve`;
    await owner.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 1_000));
      await route.continue();
    });
    await owner.keyboard.press('a');
    await card.waitFor({ state: 'detached' });
    await owner.keyboard.press('u');
    await card.waitFor();
    const db = server.parley.database.db;
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    await owner.unroute(slow);
  });

  test('when the owner invites a moderator, then the one-time link opens a form that creates their account and shows them the queue', async () => {
    await openDashboardPage(owner, `${server.url}/moderate/people`);
    await owner.fill('[data-testid=invite-email]', 'mo@blog.example');
    await owner.check('input[name=invite-sites][value=olives-blog]');
    await owner.click('[data-testid=invite-submit]');
    const link = await owner.locator('[data-testid=invite-link]').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/moderate/invite#[\\w-]+$`));
    await screenshot(owner, 'owner-invitation-link.png', { fullPage: true });

    const mo = await newPage(browser, { viewport: PHONE });
    await mo.goto(link);
    await mo.waitForSelector('[data-testid=invite-form]');
    expect(await mo.textContent('body')).toContain('mo@blog.example');
    await mo.fill('[data-testid=setup-name]', 'Mo Moderator');
    await mo.fill('[data-testid=setup-password]', 'the moderator passphrase');
    await mo.click('[data-testid=setup-submit]');
    await mo.waitForSelector('[data-testid=queue-list], [data-testid=empty-state]');
    expect(mo.url()).toBe(`${server.url}/moderate`);
    await mo.click('[data-testid=menu-toggle]');
    expect(await mo.locator('[data-testid=nav-sites]').count()).toBe(0); // not an admin
    await screenshot(mo, 'owner-390-moderator-menu.png');
    // The link worked once.
    const again = await newPage(browser);
    await again.goto(link);
    await again.waitForFunction(() => document.body.textContent?.includes('not valid any more'));
  });
});
