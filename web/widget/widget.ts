// One comment section mounted in a shadow root: loads the thread, renders pages, hosts the
// form, and applies live events without making the page jump.
import type {
  CreateCommentResult,
  EditCommentResult,
  PostInfo,
  PublicComment,
  ThreadComment,
  ThreadPage,
} from '../shared/api-types.js';
import { ApiError, createApi, type Api, type Sort } from './api.js';
import { removeEditButton } from './edit.js';
import { loadExtras } from './extras-loader.js';
import { CommentForm } from './form.js';
import { createDateFormatter, esc, type DateFormatter } from './format.js';
import type { Language } from './i18n.js';
import { connectLive, type LiveHandlers } from './live-loader.js';
import {
  createEditStore,
  createPendingStore,
  type EditStore,
  type PendingStore,
} from './storage.js';
import { t, tn } from './strings.js';
import css from './widget.css';
import {
  commentArticle,
  commentItem,
  editedMarker,
  editWindowText,
  type RenderContext,
} from './templates.js';

export type Theme = 'light' | 'dark' | 'auto';

export interface WidgetOptions {
  host: HTMLElement;
  apiBase: string;
  site: string;
  post: string;
  url?: string;
  title?: string;
  theme: Theme;
  /** The language the strings were loaded in (see i18n.ts); English when absent. */
  language?: Language;
  /** An API client made before the widget (embed.js starts the first reads early). */
  api?: Api;
  /** The first reads, already under way while the language file loaded. */
  first?: Promise<FirstLoad>;
  /** Skip socket.io (tests, or pages that do not want live updates). */
  live?: boolean;
}

const PAGE_SIZE = 50;

export type FirstLoad = [
  post: PromiseSettledResult<PostInfo | null>,
  page: PromiseSettledResult<ThreadPage>,
];

/** The post and the first page of its thread, read in parallel. */
export function readFirstPage(api: Api, sort: Sort = 'oldest'): Promise<FirstLoad> {
  return Promise.allSettled([api.getPost(), api.getComments(sort, null, PAGE_SIZE)]);
}
const TIME_REFRESH_MS = 60_000;

/**
 * Constructable stylesheets are not subject to a host page's CSP `style-src` (an inline
 * <style> is); returns the <style> fallback markup for browsers without them.
 */
function adoptStyles(shadow: ShadowRoot): string {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return '';
  } catch {
    return `<style>${css}</style>`;
  }
}

/** What the page's owner must change when the API refuses the widget for good (console only). */
function ownerFix(code: string, { site, post, apiBase }: WidgetOptions): string | undefined {
  const origin = location.origin;
  return {
    ORIGIN_NOT_ALLOWED: `Site "${site}" does not allow ${origin}: add ${origin} to its allowed origins in the dashboard at ${apiBase}/moderate.`,
    SITE_NOT_FOUND: `No site "${site}" at ${apiBase}: check data-site.`,
    POST_NOT_FOUND: `Site "${site}" has no post "${post}" and does not create posts on first comment: add the post or turn that setting on.`,
  }[code];
}

function skeleton(): string {
  let s = '';
  for (let i = 0; i < 3; i++) {
    s += `<div class="skel" aria-hidden="true"><span class="av" style="width:40px;height:40px"></span><div style="flex:1"><span style="width:${30 + i * 12}%;height:12px;margin:6px 0 12px"></span><span style="width:92%;height:10px;margin-bottom:8px"></span><span style="width:${70 - i * 15}%;height:10px"></span></div></div>`;
  }
  return s;
}

export class Widget {
  readonly api: Api;
  readonly shadow: ShadowRoot;
  private readonly rootEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly listEl: HTMLOListElement;
  private readonly emptyEl: HTMLElement;
  private readonly moreBtn: HTMLButtonElement;
  private readonly newBtn: HTMLButtonElement;
  private readonly formSlot: HTMLElement;
  private readonly liveRegion: HTMLElement;
  private readonly form: CommentForm;
  private readonly dates: DateFormatter;
  private readonly pending: PendingStore;
  private readonly edits: EditStore;
  /** Own comments with an edit on its way to the server. */
  private readonly saving = new Set<string>();
  private readonly shown = new Set<string>();
  private readonly liveSeen = new Set<string>();
  private sort: Sort = 'oldest';
  private cursor: string | null = null;
  private post: PostInfo | null = null;
  private postExists = true;
  private count = 0;
  private queue: PublicComment[] = [];
  private rendered = false;
  private loadSeq = 0;

  constructor(readonly opts: WidgetOptions) {
    this.api = opts.api ?? createApi(opts.apiBase, opts.site, opts.post);
    const language = opts.language ?? { code: 'en', locale: 'en', dir: 'ltr' };
    this.dates = createDateFormatter(language.locale);
    this.pending = createPendingStore(opts.site, opts.post);
    this.edits = createEditStore(opts.site, opts.post);
    this.edits.prune();
    this.shadow = opts.host.shadowRoot ?? opts.host.attachShadow({ mode: 'open' });
    this.shadow.innerHTML =
      adoptStyles(this.shadow) +
      `<section class="root" lang="${esc(language.locale)}" dir="${language.dir}" aria-labelledby="p-title" data-testid="parley-root">` +
      `<header class="top"><h2 class="title" id="p-title" data-testid="heading"></h2>` +
      `<div class="sort" role="group" aria-label="${esc(t('sortLabel'))}">` +
      `<button type="button" data-sort="oldest" aria-pressed="true" data-testid="sort-oldest">${esc(t('sortOldest'))}</button>` +
      `<button type="button" data-sort="newest" aria-pressed="false" data-testid="sort-newest">${esc(t('sortNewest'))}</button></div></header>` +
      `<div class="status" data-testid="status" aria-busy="true"></div>` +
      `<div class="thread"><div class="newbar"><button type="button" class="newbtn" data-act="show-new" data-testid="new-comments" hidden></button></div>` +
      `<ol class="list" data-testid="thread" aria-label="${esc(t('regionLabel'))}"></ol>` +
      `<p class="empty" data-testid="empty" hidden>${esc(t('emptyThread'))}</p></div>` +
      `<div class="more-wrap" hidden><button type="button" class="btn ghost" data-act="more" data-testid="load-more">${esc(t('loadMore'))}</button></div>` +
      `<div class="formslot" data-testid="form-slot"></div>` +
      `<div class="sr" aria-live="polite" aria-atomic="true" data-testid="live-region"></div>` +
      `</section>`;
    const $ = <T extends Element>(sel: string) => this.shadow.querySelector(sel) as T;
    this.rootEl = $('.root');
    this.titleEl = $('.title');
    this.statusEl = $('.status');
    this.listEl = $('.list');
    this.emptyEl = $('.empty');
    this.moreBtn = $('[data-act=more]');
    this.newBtn = $('.newbtn');
    this.formSlot = $('.formslot');
    this.liveRegion = $('[aria-live]');
    this.applyTheme(opts.theme);
    this.statusEl.innerHTML = `<span class="sr">${esc(t('loading'))}</span>${skeleton()}`;
    // Until the thread is read the heading only says what this is: no count it does not know.
    this.titleEl.textContent = t('regionLabel');

    this.form = new CommentForm({
      api: this.api,
      postMeta: () =>
        this.postExists ? null : { url: opts.url || location.href, title: this.titleText() },
      onPosted: (r, parentId, body) => this.onPosted(r, parentId, body),
      onClosed: () => this.setClosed(true),
      announce: (text) => this.announce(text),
    });

    this.shadow.addEventListener('click', (e) => this.onClick(e));
    setInterval(() => this.refreshTimes(), TIME_REFRESH_MS);
  }

  async start(): Promise<void> {
    await this.loadFirstPage(true);
  }

  // ---------- loading and rendering ----------

  private async loadFirstPage(initial: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    const first = initial ? this.opts.first : undefined;
    this.opts.first = undefined;
    const [postRes, pageRes] = await (first ??
      Promise.allSettled([
        initial || !this.post ? this.api.getPost() : Promise.resolve(this.post),
        this.api.getComments(this.sort, null, PAGE_SIZE),
      ]));
    if (seq !== this.loadSeq) return;
    const failure = [postRes, pageRes].find((r) => r.status === 'rejected')?.reason as unknown;
    if (failure !== undefined) return this.showLoadError(failure);
    const page = (pageRes as PromiseFulfilledResult<ThreadPage>).value;
    // null: nobody has commented yet, and the first comment creates the post.
    this.post = (postRes as PromiseFulfilledResult<PostInfo | null>).value;
    this.postExists = this.post !== null;

    if (!this.rendered) performance.mark('parley:data');
    this.statusEl.textContent = '';
    this.statusEl.removeAttribute('aria-busy');
    this.count = this.post?.commentCount ?? page.total;
    this.setClosed(!!this.post?.closed);
    // Keep the form alive across a re-render of the list it may sit in.
    this.moveFormHome(false);
    this.listEl.textContent = '';
    this.shown.clear();
    this.setQueue([]);
    this.renderPage(page);
    this.showPending();
    this.setHeader();
    if (!this.rendered) {
      this.rendered = true;
      if (!this.post?.closed) this.form.fetchToken();
      performance.mark('parley:rendered');
      this.opts.host.setAttribute('data-parley-ready', 'true');
      // Live updates only once the thread is there: a refused origin costs no socket.
      if (this.opts.live !== false) this.startLive();
      void this.extras(true);
    }
  }

  private showLoadError(err: unknown): void {
    this.statusEl.removeAttribute('aria-busy');
    const fix = err instanceof ApiError && ownerFix(err.code, this.opts);
    if (fix) {
      // Nothing a reader can do: they get a neutral line, the page's owner the exact fix.
      console.error(`[parley] ${fix}`);
      this.statusEl.innerHTML = `<p data-testid="unavailable">${esc(t('unavailable'))}</p>`;
      this.formSlot.textContent = '';
      (this.shadow.querySelector('.sort') as HTMLElement).hidden = true;
      return;
    }
    this.statusEl.innerHTML = `${esc(t('loadError'))}<button type="button" class="btn sm ghost" data-act="retry" data-testid="retry">${esc(t('retry'))}</button>`;
    if (!this.rendered) this.moveFormHome(false);
  }

  private renderPage(page: ThreadPage): HTMLElement | null {
    const ctx = this.ctx();
    // A comment shown as pending that is now public: the public copy replaces it.
    this.dropPendingCopies(page.comments);
    let html = '';
    let firstId: string | null = null;
    for (const c of page.comments) {
      if (this.shown.has(c.id)) continue;
      firstId ??= c.id;
      html += commentItem(c, 1, ctx);
    }
    this.listEl.insertAdjacentHTML('beforeend', html);
    this.cursor = page.nextCursor;
    this.moreBtn.parentElement!.hidden = !page.nextCursor;
    this.updateEmpty();
    return firstId ? this.itemOf(firstId) : null;
  }

  private async loadMore(): Promise<void> {
    if (!this.cursor || this.moreBtn.getAttribute('aria-busy') === 'true') return;
    this.moreBtn.setAttribute('aria-busy', 'true');
    this.moreBtn.textContent = t('loadingMore');
    try {
      const page = await this.api.getComments(this.sort, this.cursor, PAGE_SIZE);
      const first = this.renderPage(page);
      // Focus lands on the first new comment so keyboard readers continue from there.
      first?.querySelector<HTMLElement>('article')?.focus();
    } catch {
      this.announce(t('loadError'));
    } finally {
      this.moreBtn.removeAttribute('aria-busy');
      this.moreBtn.textContent = t('loadMore');
    }
  }

  private ctx(): RenderContext {
    return { dates: this.dates, now: Date.now(), shown: this.shown, edits: this.edits.all() };
  }

  private itemOf(id: string): HTMLElement | null {
    return this.shadow.getElementById('c-' + id);
  }

  /** Inserts one comment (own, live or pending) where it belongs; returns its <li>. */
  private insertComment(c: PublicComment, pending = false): HTMLElement | null {
    if (this.shown.has(c.id)) return this.itemOf(c.id);
    const parent = c.parentId ? this.itemOf(c.parentId) : null;
    const depth = parent ? Number(parent.getAttribute('data-depth')) + 1 : 1;
    const html = commentItem({ ...c, replies: [] }, depth, this.ctx(), pending);
    if (parent) parent.querySelector(':scope > .kids')!.insertAdjacentHTML('beforeend', html);
    else this.listEl.insertAdjacentHTML(this.sort === 'newest' ? 'afterbegin' : 'beforeend', html);
    this.updateEmpty();
    return this.itemOf(c.id);
  }

  private updateEmpty(): void {
    const empty = this.listEl.firstElementChild === null;
    this.emptyEl.hidden = !empty;
    // Nothing to sort: the switch would only be noise.
    (this.shadow.querySelector('.sort') as HTMLElement).hidden = empty && this.sort === 'oldest';
  }

  // ---------- header, theme, state ----------

  private titleText(): string {
    return this.post?.title || this.opts.title || document.title || '';
  }

  private setHeader(): void {
    const title = this.titleText();
    this.titleEl.textContent =
      this.count === 0 ? t('headerNone', { title }) : tn(this.count, 'header', { title });
  }

  private setClosed(closed: boolean): void {
    this.rootEl.classList.toggle('closed', closed);
    if (closed) {
      this.moveFormHome(false);
      this.formSlot.innerHTML = `<p class="closednote" data-testid="closed">${esc(t('closed'))}</p>`;
    } else if (!this.form.el.isConnected) {
      this.formSlot.textContent = '';
      this.formSlot.appendChild(this.form.el);
    }
  }

  private applyTheme(theme: Theme): void {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () =>
      this.rootEl.classList.toggle(
        'dark',
        theme === 'dark' || (theme === 'auto' && !!media?.matches),
      );
    apply();
    if (theme === 'auto') media?.addEventListener?.('change', apply);
  }

  private announce(text: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.liveRegion.textContent = '';
    setTimeout(() => (this.liveRegion.textContent = text), 50);
  }

  private refreshTimes(): void {
    const now = Date.now();
    for (const el of this.shadow.querySelectorAll('time[datetime]')) {
      el.textContent = this.dates.relative(el.getAttribute('datetime')!, now);
    }
    // Edit buttons count down their window and go when it closes (an open editor stays: its
    // Save then explains that the window has closed).
    const edits = this.edits.all();
    for (const button of this.shadow.querySelectorAll<HTMLElement>('[data-act=edit]')) {
      const article = button.closest<HTMLElement>('article')!;
      const own = edits[article.getAttribute('data-comment-id')!];
      if (own) button.title = editWindowText(own.editableUntil, now);
      else if (!article.querySelector('.edit')) removeEditButton(article);
    }
  }

  // ---------- interactions ----------

  private onClick(e: Event): void {
    const target = (e.target as Element).closest<HTMLElement>('[data-act],[data-sort]');
    if (!target) return;
    const sort = target.getAttribute('data-sort') as Sort | null;
    if (sort) {
      this.setSort(sort);
      return;
    }
    const article = target.closest<HTMLElement>('article');
    switch (target.getAttribute('data-act')) {
      case 'reply':
        if (article) this.openReply(article);
        break;
      case 'report':
        if (article) void this.extras().then((x) => x?.openReport(this.api, article, () => {}));
        break;
      case 'edit':
        if (article) void this.extras().then((x) => x?.openEdit(this.editHost(), article));
        break;
      case 'cancel-reply':
        this.moveFormHome(true);
        break;
      case 'more':
        void this.loadMore();
        break;
      case 'show-new':
        this.flushQueue();
        break;
      case 'retry':
        this.statusEl.innerHTML = skeleton();
        void this.loadFirstPage(!this.rendered);
        break;
    }
  }

  /** The editor and Report chooser (embed-extras.js); a failed load says so unless quiet. */
  private extras(quiet = false) {
    return loadExtras(this.opts.apiBase).catch(() => {
      if (!quiet) this.announce(t('errNetwork'));
    });
  }

  private setSort(sort: Sort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    for (const b of this.shadow.querySelectorAll('[data-sort]')) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-sort') === sort));
    }
    void this.loadFirstPage(false);
  }

  private openReply(article: HTMLElement): void {
    const id = article.getAttribute('data-comment-id')!;
    const name = article.getAttribute('data-author') ?? '';
    this.form.setReplyTarget(id, name);
    article.querySelector('.slot')!.appendChild(this.form.el);
    this.form.focusBody();
  }

  /** Puts the form back at the bottom ("Leave a reply"). */
  private moveFormHome(focus: boolean): void {
    const from = this.form.replyingTo;
    if (!this.rootEl.classList.contains('closed') && this.form.el.parentElement !== this.formSlot) {
      this.formSlot.textContent = '';
      this.formSlot.appendChild(this.form.el);
    }
    this.form.setReplyTarget(null);
    if (focus && from) this.itemOf(from)?.querySelector<HTMLElement>('[data-act=reply]')?.focus();
  }

  private onPosted(result: CreateCommentResult, parentId: string | null, body: string): void {
    const c = { ...result.comment, parentId: result.comment.parentId ?? parentId };
    const pending = result.status === 'pending';
    // Only the token, its expiry and the typed text: never the email.
    if (result.editToken && result.editableUntil) {
      this.edits.set(c.id, {
        editToken: result.editToken,
        editableUntil: result.editableUntil,
        body,
      });
    }
    this.postExists = true;
    this.queue = this.queue.filter((q) => q.id !== c.id);
    this.setQueue(this.queue);
    if (pending) this.pending.add(c);
    // Seen live already means post:count has (or will have) counted it.
    else if (!this.shown.has(c.id) && !this.liveSeen.has(c.id)) {
      this.count += 1;
      this.setHeader();
    }
    this.moveFormHome(false);
    const li = this.insertComment(c, pending);
    const article = li?.querySelector<HTMLElement>('article');
    if (article) {
      article.classList.add('flash');
      article.focus({ preventScroll: true });
      article.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
    this.announce(t(pending ? 'postedPending' : 'posted'));
  }

  // ---------- the author's own edits ----------

  private editHost() {
    return {
      api: this.api,
      edits: this.edits,
      saving: this.saving,
      saved: (article: HTMLElement, result: EditCommentResult) => this.onEdited(article, result),
      announce: (text: string) => this.announce(text),
    };
  }

  /** Re-renders an edited comment in place, keeping its slot (an open reply or report form). */
  private onEdited(article: HTMLElement, result: EditCommentResult): HTMLElement | null {
    const c = result.comment;
    const pending = result.status === 'pending';
    const wasPublic = !article.classList.contains('is-pending');
    // Pending copies are what the author sees after a reload until a moderator decides.
    if (pending) this.pending.add(c);
    const slot = article.querySelector<HTMLElement>('.slot')!;
    if (pending && slot.contains(this.form.el)) this.moveFormHome(false);
    if (pending) slot.textContent = '';
    const tpl = document.createElement('template');
    tpl.innerHTML = commentArticle(c, this.ctx(), pending);
    const next = tpl.content.firstElementChild as HTMLElement;
    next.querySelector('.slot')!.replaceWith(slot);
    article.replaceWith(next);
    // Without live updates nothing else corrects the count of a comment that left the thread.
    if (pending && wasPublic && this.opts.live === false) {
      this.count = Math.max(0, this.count - 1);
      this.setHeader();
    }
    return next;
  }

  // ---------- pending (own, unmoderated) comments ----------

  private showPending(): void {
    this.pending.prune();
    for (const e of this.pending.list()) {
      if (!this.shown.has(e.comment.id)) this.insertComment(e.comment, true);
    }
  }

  private dropPendingCopies(comments: ThreadComment[]): void {
    const mine = this.pending.list();
    if (!mine.length) return;
    const ids = new Set<string>();
    const walk = (list: ThreadComment[]) => {
      for (const c of list) {
        ids.add(c.id);
        if (c.replies?.length) walk(c.replies);
      }
    };
    walk(comments);
    for (const e of mine) {
      if (ids.has(e.comment.id)) this.removePendingCopy(e.comment.id);
    }
  }

  private removePendingCopy(id: string): void {
    this.pending.remove(id);
    const li = this.itemOf(id);
    if (li?.querySelector(':scope > article.is-pending')) {
      li.remove();
      this.shown.delete(id);
    }
  }

  // ---------- live updates ----------

  private startLive(): void {
    const handlers: LiveHandlers = {
      created: (c) => this.onLiveCreated(c),
      updated: (c) => this.onLiveUpdated(c),
      removed: (id) => this.onLiveRemoved(id),
      count: (n) => {
        this.count = n;
        this.setHeader();
      },
      resync: () => void this.loadFirstPage(false),
    };
    connectLive(this.opts.apiBase, this.opts.site, this.opts.post, handlers);
  }

  private onLiveCreated(c: PublicComment): void {
    this.liveSeen.add(c.id);
    const li = this.itemOf(c.id);
    if (li?.querySelector(':scope > article.is-pending')) {
      // Our own pending comment was approved: swap in the public copy, quietly.
      this.pending.remove(c.id);
      li.querySelector(':scope > article')!.outerHTML = commentArticle(c, this.ctx());
      return;
    }
    if (this.shown.has(c.id) || this.queue.some((q) => q.id === c.id)) return;
    // An empty thread has nothing to keep still: the first comment goes straight in, and no
    // "1 new comment" pill sits over "No comments yet".
    if (!c.parentId && this.listEl.firstElementChild === null && !this.queue.length) {
      this.insertComment(c);
      this.announce(t('announceNew', { name: c.author.name }));
      return;
    }
    const parent = c.parentId ? this.itemOf(c.parentId) : null;
    if (c.parentId && !parent) {
      // A reply to a comment still waiting behind "N new comments" waits with it (the queue
      // is inserted in order, parent first); one in a thread not loaded yet arrives with that page.
      if (this.queue.some((q) => q.id === c.parentId)) this.setQueue([...this.queue, c]);
      return;
    }
    // A reply whose thread ends below the fold cannot move anything the reader is looking at.
    if (parent && parent.getBoundingClientRect().bottom > window.innerHeight) {
      this.insertComment(c);
      this.announce(t('announceNewReply', { name: c.author.name }));
      return;
    }
    this.setQueue([...this.queue, c]);
    this.announce(t(c.parentId ? 'announceNewReply' : 'announceNew', { name: c.author.name }));
  }

  private onLiveUpdated(c: PublicComment): void {
    const i = this.queue.findIndex((q) => q.id === c.id);
    if (i >= 0) this.queue[i] = c;
    const article = this.itemOf(c.id)?.querySelector<HTMLElement>(':scope > article');
    const txt = article?.querySelector('.txt');
    if (txt) txt.innerHTML = c.html;
    const meta = article?.querySelector('.meta');
    if (meta && c.editedAt) {
      meta.querySelector('.ed')?.remove();
      meta.insertAdjacentHTML('beforeend', editedMarker(c.editedAt, this.dates));
    }
  }

  private onLiveRemoved(id: string): void {
    this.setQueue(this.queue.filter((q) => q.id !== id));
    const li = this.itemOf(id);
    if (!li) return;
    // Our own edit sent the comment back to moderation: its author keeps seeing it, as pending.
    if (this.saving.has(id) || li.querySelector(':scope > article.is-pending')) return;
    if (this.form.el.parentElement && li.contains(this.form.el)) this.moveFormHome(false);
    const kids = li.querySelector(':scope > .kids');
    if (kids?.firstElementChild) {
      // Keep the replies readable in context: blank the comment instead of dropping the branch.
      const article = li.querySelector(':scope > article')!;
      article.querySelector('.txt')!.innerHTML =
        `<p class="removed">${esc(t('commentRemoved'))}</p>`;
      article.querySelector('.acts')?.remove();
    } else {
      li.remove();
      this.shown.delete(id);
      this.updateEmpty();
    }
  }

  private setQueue(queue: PublicComment[]): void {
    this.queue = queue;
    this.newBtn.hidden = queue.length === 0;
    if (queue.length) {
      this.newBtn.textContent = tn(queue.length, 'newComments');
    }
  }

  private flushQueue(): void {
    const queue = this.queue;
    this.setQueue([]);
    let first: HTMLElement | null = null;
    for (const c of queue) {
      const li = this.insertComment(c);
      li?.firstElementChild?.classList.add('flash');
      first ??= li;
    }
    const article = first?.querySelector<HTMLElement>('article');
    if (article) {
      article.focus({ preventScroll: true });
      article.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }
}
