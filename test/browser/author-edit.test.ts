// An author editing their own comment for a while after posting, in real Chromium against a
// real server: the Edit button from localStorage, the in-place editor, the live update another
// reader sees, and an edit into link spam going back to moderation. The tests run in order and
// share the pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const ORIGINAL = 'Signed tags alone would not have caught this: the tarball differed from the tag.';
const EDITED =
  'Signed tags alone would not have caught this, because the release tarball differed from the git tag.';
const SPAM =
  'Cheap pills, no prescription needed: https://cheap-pills-online.ru/buy https://discount-viagra-shop.ru/order ' +
  'https://pharma-deals-247.ru/cialis https://best-pill-store.ru/checkout';
const EDITS_KEY = `parley:edits:${DEMO.site}:${DEMO.post}`;

const commentSel = (id: string) => `[data-testid=comment][data-comment-id="${id}"]`;

/** data-testid of the element focused inside the widget's shadow root. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document
        .getElementById('parley-comments')
        ?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null,
  );
}

function storedEdits(page: Page): Promise<Record<string, Record<string, unknown>> | null> {
  return page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? 'null') as Record<
        string,
        Record<string, unknown>
      > | null,
    EDITS_KEY,
  );
}

/** Waits until the comment is in the thread, clicking "N new comments" whenever it shows. */
async function revealLive(page: Page, id: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while ((await page.locator(commentSel(id)).count()) !== 1) {
    if (Date.now() > until) throw new Error(`comment ${id} did not show up live`);
    const button = page.locator('[data-testid=new-comments]');
    if (await button.isVisible()) await button.click();
    await page.waitForTimeout(50);
  }
}

describe('author editing their own comment', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let author: Page;
  let other: Page;
  let id = '';

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

  test('when a reader posts a comment, then only they get an Edit button, remembered without their email', async () => {
    await author.fill('[data-testid=field-body]', ORIGINAL);
    await author.fill('[data-testid=field-name]', 'Edna Editor');
    await author.fill('[data-testid=field-email]', 'edna@example.com');
    await author.click('[data-testid=submit]');
    const comment = author.locator('[data-testid=comment]', { hasText: 'Signed tags alone' });
    await comment.waitFor();
    id = (await comment.getAttribute('data-comment-id'))!;

    const edit = comment.locator('[data-testid=edit-button]');
    await edit.waitFor();
    expect(await edit.getAttribute('title')).toMatch(/^You can edit this for 1[45] more minutes$/);
    expect(await comment.locator('[data-testid=edited-marker]').count()).toBe(0);
    // The seeded comments are not this reader's.
    expect(await author.locator('[data-testid=edit-button]').count()).toBe(1);

    const stored = await storedEdits(author);
    expect(Object.keys(stored ?? {})).toEqual([id]);
    expect(Object.keys(stored![id]!).sort()).toEqual(['body', 'editToken', 'editableUntil']);
    expect(stored![id]!.body).toBe(ORIGINAL);
    expect(Date.parse(String(stored![id]!.editableUntil)) - Date.now()).toBeGreaterThan(
      14 * 60_000,
    );
    expect(JSON.stringify(stored)).not.toContain('edna@example.com');

    await revealLive(other, id);
    expect(await other.locator(`${commentSel(id)} [data-testid=reply-button]`).count()).toBe(1);
    expect(await other.locator('[data-testid=edit-button]').count()).toBe(0);
  });

  test('when the author opens the editor, then it holds their typed text, takes the focus, and Cancel gives it back', async () => {
    const comment = author.locator(commentSel(id));
    await comment.locator('[data-testid=edit-button]').click();
    const form = comment.locator('[data-testid=edit-form]');
    await form.waitFor();
    expect(await comment.locator('[data-testid=edit-body]').inputValue()).toBe(ORIGINAL);
    expect(await focusedTestId(author)).toBe('edit-body');
    // Labelled, and the rendered text and actions make way for it.
    const label = await comment
      .locator('[data-testid=edit-body]')
      .evaluate((el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent);
    expect(label).toBe('Edit your comment');
    expect(await comment.locator('.txt').isVisible()).toBe(false);
    expect(await comment.locator('[data-testid=reply-button]').isVisible()).toBe(false);

    await comment.locator('[data-testid=edit-body]').fill(`${ORIGINAL} (draft)`);
    await author.waitForTimeout(150);
    await screenshot(comment, 'author-edit.png');

    await author.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focusedTestId(author)).toBe('edit-button');
    expect(await comment.locator('.txt').textContent()).toBe(ORIGINAL);

    // Keyboard only: Enter on the focused Edit button opens it again; Cancel closes it.
    await author.keyboard.press('Enter');
    await form.waitFor();
    expect(await comment.locator('[data-testid=edit-body]').inputValue()).toBe(ORIGINAL);
    await comment.locator('[data-testid=edit-cancel]').click();
    await form.waitFor({ state: 'detached' });
    expect(await focusedTestId(author)).toBe('edit-button');
  });

  test('when the edit is empty or too long, then the error shows beside the text and nothing changes', async () => {
    const comment = author.locator(commentSel(id));
    await comment.locator('[data-testid=edit-button]').click();
    const body = comment.locator('[data-testid=edit-body]');
    const error = comment.locator('[data-testid=edit-error]');

    await body.fill('   ');
    await comment.locator('[data-testid=edit-save]').click();
    expect(await error.textContent()).toBe('Please write a comment.');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedTestId(author)).toBe('edit-body');

    // Over the site's limit: the server's 413 names the field.
    const answer = author.waitForResponse(
      (r) => r.url().endsWith(`/api/comments/${id}`) && r.request().method() === 'PATCH',
    );
    await body.fill('Too long. '.repeat(600));
    expect(await error.isVisible()).toBe(false);
    await comment.locator('[data-testid=edit-save]').click();
    expect((await answer).status()).toBe(413);
    await expect.poll(() => error.textContent()).toMatch(/under 5000 characters/);
    expect(await body.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));

    await comment.locator('[data-testid=edit-cancel]').click();
    expect(await comment.locator('.txt').textContent()).toBe(ORIGINAL);
  });

  test('when the author saves an edit, then it renders "(edited)" in place and another reader sees it live', async () => {
    const comment = author.locator(commentSel(id));
    await comment.locator('[data-testid=edit-button]').click();
    await comment.locator('[data-testid=edit-body]').fill(EDITED);
    const answer = author.waitForResponse(
      (r) => r.url().endsWith(`/api/comments/${id}`) && r.request().method() === 'PATCH',
    );
    await comment.locator('[data-testid=edit-save]').click();
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('approved');

    await comment.locator('[data-testid=edit-form]').waitFor({ state: 'detached' });
    expect(await comment.locator('.txt').textContent()).toBe(EDITED);
    await comment.locator('[data-testid=edited-marker]').waitFor();
    expect(await comment.locator('[data-testid=edited-marker]').textContent()).toBe('(edited)');
    expect(await comment.locator('[data-testid=pending-badge]').count()).toBe(0);
    expect(await focusedTestId(author)).toBe('edit-button');
    expect((await storedEdits(author))![id]!.body).toBe(EDITED);
    await screenshot(comment, 'author-edited.png');

    const seen = other.locator(commentSel(id));
    await expect.poll(() => seen.locator('.txt').textContent()).toBe(EDITED);
    await seen.locator('[data-testid=edited-marker]').waitFor();
  });

  test('when the author reloads, then the Edit button is still there and opens with the edited text', async () => {
    await author.reload();
    await waitForWidget(author);
    const comment = author.locator(commentSel(id));
    expect(await comment.locator('[data-testid=edited-marker]').count()).toBe(1);
    await comment.locator('[data-testid=edit-button]').click();
    expect(await comment.locator('[data-testid=edit-body]').inputValue()).toBe(EDITED);
    await comment.locator('[data-testid=edit-cancel]').click();
  });

  test("when the author edits it into link spam, then they see it awaiting moderation and it leaves the other reader's page", async () => {
    await waitForRoom(server, DEMO.site, DEMO.post, [author, other]);
    const comment = author.locator(commentSel(id));
    await comment.locator('[data-testid=edit-button]').click();
    await comment.locator('[data-testid=edit-body]').fill(SPAM);
    const answer = author.waitForResponse(
      (r) => r.url().endsWith(`/api/comments/${id}`) && r.request().method() === 'PATCH',
    );
    await comment.locator('[data-testid=edit-save]').click();
    expect(((await (await answer).json()) as { status: string }).status).toBe('pending');

    await comment.locator('[data-testid=pending-badge]').waitFor();
    expect(await comment.locator('[data-testid=pending-badge]').textContent()).toContain(
      'Your comment is awaiting moderation',
    );
    expect(await comment.locator('.txt').textContent()).toContain('cheap-pills-online.ru');
    // Still the author's to fix while the window lasts; no replies to a held comment.
    expect(await comment.locator('[data-testid=edit-button]').count()).toBe(1);
    expect(await comment.locator('[data-testid=reply-button]').count()).toBe(0);
    expect(await focusedTestId(author)).toBe('edit-button');

    await other.locator(commentSel(id)).waitFor({ state: 'detached' });
    // The live "removed" the edit caused did not take the comment from its own author.
    await author.waitForTimeout(300);
    expect(await author.locator(commentSel(id)).count()).toBe(1);

    await author.reload();
    await waitForWidget(author);
    const again = author.locator(commentSel(id));
    await again.locator('[data-testid=pending-badge]').waitFor();
    expect(await again.locator('[data-testid=edit-button]').count()).toBe(1);
    expect(await other.locator(commentSel(id)).count()).toBe(0);
  });

  test('when the token is refused or expired, then the author is told and the Edit button goes', async () => {
    // A token the server refuses (as after a restart with another secret): 403.
    await author.evaluate((key) => {
      const all = JSON.parse(localStorage.getItem(key)!) as Record<string, { editToken: string }>;
      for (const e of Object.values(all)) e.editToken = 'zzzzzz.not-a-valid-signature';
      localStorage.setItem(key, JSON.stringify(all));
    }, EDITS_KEY);
    const comment = author.locator(commentSel(id));
    await comment.locator('[data-testid=edit-button]').click();
    await comment.locator('[data-testid=edit-body]').fill(`${EDITED} Again.`);
    const answer = author.waitForResponse(
      (r) => r.url().endsWith(`/api/comments/${id}`) && r.request().method() === 'PATCH',
    );
    await comment.locator('[data-testid=edit-save]').click();
    expect((await answer).status()).toBe(403);
    const note = comment.locator('[data-testid=edit-expired]');
    await note.waitFor();
    expect(await note.textContent()).toBe('This comment can no longer be edited.');
    expect(await focusedTestId(author)).toBe('edit-expired');
    expect(await comment.locator('[data-testid=edit-form]').count()).toBe(0);
    expect(await comment.locator('[data-testid=edit-button]').count()).toBe(0);
    expect(await storedEdits(author)).toBeNull();

    // An entry whose window has passed is forgotten on load and shows no button.
    await author.evaluate(
      ([key, commentId]) =>
        localStorage.setItem(
          key!,
          JSON.stringify({
            [commentId!]: {
              editToken: 'x'.repeat(20),
              editableUntil: new Date(Date.now() - 1000).toISOString(),
              body: 'old',
            },
          }),
        ),
      [EDITS_KEY, id],
    );
    await author.reload();
    await waitForWidget(author);
    await author.locator(commentSel(id)).waitFor();
    expect(await author.locator('[data-testid=edit-button]').count()).toBe(0);
    expect(await storedEdits(author)).toBeNull();

    expect(errorsOf(author)).toEqual([]);
    expect(errorsOf(other)).toEqual([]);
  });
});
