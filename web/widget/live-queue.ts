// Live events applied without making the page jump: a new comment that would land above what
// the reader is reading waits behind "N new comments" until they ask for it; edits and removals
// apply in place.
import type { PublicComment } from '../shared/api-types.js';
import { esc } from './format.js';
import type { LiveHandlers } from './live-loader.js';
import { t, tn } from './strings.js';
import { commentArticle, editedMarker } from './templates.js';
import { insertComment, renderContext, updateEmpty } from './thread.js';
import { itemOf, type WidgetState } from './widget-state.js';

export function liveHandlers(w: WidgetState): LiveHandlers {
  return {
    created: (c) => onLiveCreated(w, c),
    updated: (c) => onLiveUpdated(w, c),
    removed: (id) => onLiveRemoved(w, id),
    count: (n) => {
      w.count = n;
      w.setHeader();
    },
    resync: () => void w.loadFirstPage(false),
  };
}

function onLiveCreated(w: WidgetState, c: PublicComment): void {
  w.liveSeen.add(c.id);
  const li = itemOf(w, c.id);
  if (li?.querySelector(':scope > article.is-pending')) {
    // Our own pending comment was approved: swap in the public copy, quietly.
    w.pending.remove(c.id);
    li.querySelector(':scope > article')!.outerHTML = commentArticle(c, renderContext(w));
    return;
  }
  if (w.shown.has(c.id) || w.queue.some((q) => q.id === c.id)) return;
  // An empty thread has nothing to keep still: the first comment goes straight in, and no
  // "1 new comment" pill sits over "No comments yet".
  if (!c.parentId && w.listEl.firstElementChild === null && !w.queue.length) {
    insertComment(w, c);
    w.announce(t('announceNew', { name: c.author.name }));
    return;
  }
  const parent = c.parentId ? itemOf(w, c.parentId) : null;
  if (c.parentId && !parent) {
    // A reply to a comment still waiting behind "N new comments" waits with it (the queue
    // is inserted in order, parent first); one in a thread not loaded yet arrives with that page.
    if (w.queue.some((q) => q.id === c.parentId)) setQueue(w, [...w.queue, c]);
    return;
  }
  // A reply whose thread ends below the fold cannot move anything the reader is looking at.
  if (parent && parent.getBoundingClientRect().bottom > window.innerHeight) {
    insertComment(w, c);
    w.announce(t('announceNewReply', { name: c.author.name }));
    return;
  }
  setQueue(w, [...w.queue, c]);
  w.announce(t(c.parentId ? 'announceNewReply' : 'announceNew', { name: c.author.name }));
}

function onLiveUpdated(w: WidgetState, c: PublicComment): void {
  const i = w.queue.findIndex((q) => q.id === c.id);
  if (i >= 0) w.queue[i] = c;
  const article = itemOf(w, c.id)?.querySelector<HTMLElement>(':scope > article');
  const txt = article?.querySelector('.txt');
  if (txt) txt.innerHTML = c.html;
  const meta = article?.querySelector('.meta');
  if (meta && c.editedAt) {
    meta.querySelector('.ed')?.remove();
    meta.insertAdjacentHTML('beforeend', editedMarker(c.editedAt, w.dates));
  }
}

function onLiveRemoved(w: WidgetState, id: string): void {
  setQueue(
    w,
    w.queue.filter((q) => q.id !== id),
  );
  const li = itemOf(w, id);
  if (!li) return;
  // Our own edit sent the comment back to moderation: its author keeps seeing it, as pending.
  if (w.saving.has(id) || li.querySelector(':scope > article.is-pending')) return;
  if (w.form.el.parentElement && li.contains(w.form.el)) w.moveFormHome(false);
  const kids = li.querySelector(':scope > .kids');
  if (kids?.firstElementChild) {
    // Keep the replies readable in context: blank the comment instead of dropping the branch.
    const article = li.querySelector(':scope > article')!;
    article.querySelector('.txt')!.innerHTML = `<p class="removed">${esc(t('commentRemoved'))}</p>`;
    article.querySelector('.acts')?.remove();
  } else {
    li.remove();
    w.shown.delete(id);
    updateEmpty(w);
  }
}

export function setQueue(w: WidgetState, queue: PublicComment[]): void {
  w.queue = queue;
  w.newBtn.hidden = queue.length === 0;
  if (queue.length) {
    w.newBtn.textContent = tn(queue.length, 'newComments');
  }
}

/** Shows the waiting comments ("N new comments" pressed) and takes the reader to them. */
export function flushQueue(w: WidgetState): void {
  const queue = w.queue;
  setQueue(w, []);
  let first: HTMLElement | null = null;
  for (const c of queue) {
    const li = insertComment(w, c);
    li?.firstElementChild?.classList.add('flash');
    first ??= li;
  }
  const article = first?.querySelector<HTMLElement>('article');
  if (article) {
    article.focus({ preventScroll: true });
    article.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}
