// A toxic comment from the reader's form to the moderator's keyboard and back to the readers,
// in real Chromium against a real server. The tests run in order and share the pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  DEMO,
  errorsOf,
  launchBrowser,
  newPage,
  openWidget,
  screenshot,
  startBrowserTestServer,
  waitForRoom,
  waitForWidget,
  type BrowserTestServer,
} from '../helpers/browser.js';

const TOXIC = 'You are a pathetic idiot and everyone knows it.';
const commentSel = (id: string) => `[data-testid=comment][data-comment-id="${id}"]`;

describe('held comment, from the form to the moderator and back', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let author: Page;
  let other: Page;
  let heldId = '';
  let ipCounter = 0;

  /** Posts like a page would (form token issued a minute ago), from an address of its own. */
  const postFromElsewhere = async (body: string, name: string) => {
    const site = await server.parley.sites.get(DEMO.site);
    const res = await fetch(`${server.url}/api/sites/${DEMO.site}/posts/${DEMO.post}/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `198.51.100.${++ipCounter}`,
      },
      body: JSON.stringify({
        name,
        email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
        body,
        formToken: server.parley.formTokens.issue(site.id, DEMO.post, Date.now() - 60_000),
      }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { status: string; comment: { id: string } },
    };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    author = await openWidget(await newPage(browser, { distinctIps: true }), `${server.url}/`);
    other = await openWidget(await newPage(browser), `${server.url}/`);
    await waitForRoom(server, DEMO.site, DEMO.post, [author, other]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('when a reader posts a toxic comment anyway, then its author sees it awaiting moderation and other readers never see it', async () => {
    const check = author.waitForResponse(
      (r) => r.url().endsWith('/comments/check') && r.request().method() === 'POST',
    );
    await author.fill('[data-testid=field-body]', TOXIC);
    await author.fill('[data-testid=field-name]', 'Rude Reader');
    await author.fill('[data-testid=field-email]', 'rude@example.com');
    await author.click('[data-testid=submit]');
    expect(((await (await check).json()) as { decision: string }).decision).toBe('hold');
    const prompt = author.locator('[data-testid=rephrase-prompt]');
    await prompt.waitFor();
    expect(await prompt.textContent()).toMatch(/post anyway/i);
    // Nothing was posted while the prompt asks.
    expect(await server.parley.database.db.comment.count({ where: { body: TOXIC } })).toBe(0);

    const posted = author.waitForResponse(
      (r) => /\/comments$/.test(r.url()) && r.request().method() === 'POST',
    );
    await author.click('[data-testid=rephrase-post-anyway]');
    const res = await posted;
    expect(res.status()).toBe(202);
    heldId = ((await res.json()) as { comment: { id: string } }).comment.id;
    const mine = author.locator(commentSel(heldId));
    await mine.locator('[data-testid=pending-badge]').waitFor();
    expect(await mine.locator('[data-testid=pending-badge]').textContent()).toContain(
      'awaiting moderation',
    );
    expect(await mine.textContent()).toContain('pathetic idiot');

    // A visible comment posted after it reaches the other reader live, so the held one had
    // every chance to arrive first.
    const visible = await postFromElsewhere(
      'The advisory timeline in the article is the clearest one I have read.',
      'Kind Reader',
    );
    expect(visible.status).toBe(201);
    const newButton = other.locator('[data-testid=new-comments]');
    await newButton.waitFor();
    expect(await newButton.textContent()).toBe('1 new comment');
    await newButton.click();
    await other.locator(commentSel(visible.body.comment.id)).waitFor();
    expect(await other.locator(commentSel(heldId)).count()).toBe(0);
    expect(await other.locator('[data-testid=thread]').textContent()).not.toContain(
      'pathetic idiot',
    );

    await other.reload();
    await waitForWidget(other);
    await other.locator(commentSel(visible.body.comment.id)).waitFor();
    expect(await other.locator(commentSel(heldId)).count()).toBe(0);
    expect(await other.locator('[data-testid=thread]').textContent()).not.toContain(
      'pathetic idiot',
    );

    // The author's own browser remembers it across a reload, still marked.
    await author.reload();
    await waitForWidget(author);
    await author.locator(commentSel(heldId)).locator('[data-testid=pending-badge]').waitFor();
    await waitForRoom(server, DEMO.site, DEMO.post, [author, other]);
  });

  test('when a moderator approves the held comment with j/k and a, then readers get it live', async () => {
    expect(heldId, 'needs the held comment of the previous test').not.toBe('');
    // More for the queue to move through: another toxic one, one held for its links, and
    // one the classifier calls spam (its author is told "pending" too; it goes to the spam tab).
    expect(
      (
        await postFromElsewhere(
          'Only a complete moron would trust a tarball. Pathetic.',
          'Angry Person',
        )
      ).status,
    ).toBe(202);
    const sources =
      'Good background reading: https://www.openwall.com/lists/oss-security/ then https://lwn.net/Articles/ and https://research.swtch.com/ for the timeline.';
    expect((await postFromElsewhere(sources, 'Link Sharer')).status).toBe(202);
    expect(
      (
        await postFromElsewhere(
          'Cheap mirrors: https://a.example https://b.example https://c.example https://d.example',
          'Link Dropper',
        )
      ).status,
    ).toBe(202);
    const pending = await server.parley.database.db.comment.findMany({
      where: { status: 'pending', site: { slug: DEMO.site } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    expect(pending).toHaveLength(3);

    const mod = await newPage(browser, { viewport: { width: 1360, height: 900 } });
    await mod.goto(`${server.url}/moderate`);
    await mod.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await mod.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await mod.click('[data-testid=login-submit]');
    await mod.waitForSelector('body[data-ready=true]');
    await mod.waitForSelector('[data-testid=live-status][data-state=live]');
    const ids = await mod.$$eval('[data-testid=queue-item]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.commentId!),
    );
    expect(ids).toEqual(pending.map((c) => c.id));
    expect(ids).toContain(heldId);
    await screenshot(mod, 'dashboard-queue.png', { fullPage: true });

    // Down to the last card with j, then back up to the held comment with k.
    const selected = () =>
      mod.locator('[data-testid=queue-item][aria-current=true]').getAttribute('data-comment-id');
    for (let i = 0; i < ids.length; i++) await mod.keyboard.press('j');
    expect(await selected()).toBe(ids.at(-1));
    for (let i = ids.length - 1; i > ids.indexOf(heldId); i--) await mod.keyboard.press('k');
    expect(await selected()).toBe(heldId);

    await mod.keyboard.press('a');
    await mod
      .locator(`[data-testid=queue-item][data-comment-id="${heldId}"]`)
      .waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (await server.parley.database.db.comment.findUniqueOrThrow({ where: { id: heldId } }))
            .status,
      )
      .toBe('approved');

    // The other reader, without a reload: the "1 new comment" bar, then the comment.
    const newButton = other.locator('[data-testid=new-comments]');
    await newButton.waitFor();
    await newButton.click();
    await other.locator(commentSel(heldId)).waitFor();
    expect(await other.locator(commentSel(heldId)).textContent()).toContain('pathetic idiot');
    // The author's pending copy turns into the public one in place.
    await author.locator(commentSel(heldId)).locator('[data-testid=reply-button]').waitFor();
    expect(
      await author.locator(commentSel(heldId)).locator('[data-testid=pending-badge]').count(),
    ).toBe(0);

    // u undoes the approval: back in the queue, held again, and gone from the reader's page.
    await mod.keyboard.press('u');
    await mod.locator(`[data-testid=queue-item][data-comment-id="${heldId}"]`).waitFor();
    await expect
      .poll(
        async () =>
          (await server.parley.database.db.comment.findUniqueOrThrow({ where: { id: heldId } }))
            .status,
      )
      .toBe('pending');
    await other.locator(commentSel(heldId)).waitFor({ state: 'detached' });

    for (const page of [author, other, mod]) expect(errorsOf(page)).toEqual([]);
  });
});
