// The list of comments: rendering a page, paging with "Load more", and where one comment goes
// (under its parent, or at the top or bottom by sort).
import type { PublicComment, ThreadPage } from '../shared/api-types.js';
import { dropPendingCopies } from './pending-comments.js';
import { t } from './strings.js';
import { commentItem, type RenderContext } from './templates.js';
import { itemOf, type WidgetState } from './widget-state.js';

export const PAGE_SIZE = 50;

export function renderContext(w: WidgetState): RenderContext {
  return { dates: w.dates, now: Date.now(), shown: w.shown, edits: w.edits.all() };
}

/** Appends a page; returns the <li> of its first new comment. */
export function renderPage(w: WidgetState, page: ThreadPage): HTMLElement | null {
  const ctx = renderContext(w);
  // A comment shown as pending that is now public: the public copy replaces it.
  dropPendingCopies(w, page.comments);
  let html = '';
  let firstId: string | null = null;
  for (const c of page.comments) {
    if (w.shown.has(c.id)) continue;
    firstId ??= c.id;
    html += commentItem(c, 1, ctx);
  }
  w.listEl.insertAdjacentHTML('beforeend', html);
  w.cursor = page.nextCursor;
  w.moreBtn.parentElement!.hidden = !page.nextCursor;
  updateEmpty(w);
  return firstId ? itemOf(w, firstId) : null;
}

export async function loadMore(w: WidgetState): Promise<void> {
  const { moreBtn } = w;
  if (!w.cursor || moreBtn.getAttribute('aria-busy') === 'true') return;
  moreBtn.setAttribute('aria-busy', 'true');
  moreBtn.textContent = t('loadingMore');
  try {
    const page = await w.api.getComments(w.sort, w.cursor, PAGE_SIZE);
    const first = renderPage(w, page);
    // Focus lands on the first new comment so keyboard readers continue from there.
    first?.querySelector<HTMLElement>('article')?.focus();
  } catch {
    w.announce(t('loadError'));
  } finally {
    moreBtn.removeAttribute('aria-busy');
    moreBtn.textContent = t('loadMore');
  }
}

/** Inserts one comment (own, live or pending) where it belongs; returns its <li>. */
export function insertComment(
  w: WidgetState,
  c: PublicComment,
  pending = false,
): HTMLElement | null {
  if (w.shown.has(c.id)) return itemOf(w, c.id);
  const parent = c.parentId ? itemOf(w, c.parentId) : null;
  const depth = parent ? Number(parent.getAttribute('data-depth')) + 1 : 1;
  const html = commentItem({ ...c, replies: [] }, depth, renderContext(w), pending);
  if (parent) parent.querySelector(':scope > .kids')!.insertAdjacentHTML('beforeend', html);
  else w.listEl.insertAdjacentHTML(w.sort === 'newest' ? 'afterbegin' : 'beforeend', html);
  updateEmpty(w);
  return itemOf(w, c.id);
}

export function updateEmpty(w: WidgetState): void {
  const empty = w.listEl.firstElementChild === null;
  w.emptyEl.hidden = !empty;
  // Nothing to sort: the switch would only be noise.
  w.sortEl.hidden = empty && w.sort === 'oldest';
}

/** Shows the author's stored pending comments that the list does not show yet. */
export function showPending(w: WidgetState): void {
  w.pending.prune();
  for (const e of w.pending.list()) {
    if (!w.shown.has(e.comment.id)) insertComment(w, e.comment, true);
  }
}
