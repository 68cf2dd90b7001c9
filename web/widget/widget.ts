// One comment section mounted in a shadow root: builds it, loads the first page, places the
// form, and hands the other jobs to their modules: the list and paging (thread.ts), live events
// (live-queue.ts), the author's pending comments (pending-comments.ts) and own edits
// (own-edits.ts). The state they share is this class's (see widget-state.ts).
import type {
  CreateCommentResult,
  PostInfo,
  PublicComment,
  ThreadPage,
} from '../shared/api-types.js';
import { ApiError, createApi, type Api, type Sort } from './api.js';
import { loadExtras } from './extras-loader.js';
import { CommentForm } from './form.js';
import { createDateFormatter, esc, type DateFormatter } from './format.js';
import type { Language } from './i18n.js';
import { connectLive } from './live-loader.js';
import { flushQueue, liveHandlers, setQueue } from './live-queue.js';
import { editHost, refreshEditButtons } from './own-edits.js';
import {
  createEditStore,
  createPendingStore,
  type EditStore,
  type PendingStore,
} from './storage.js';
import { t, tn } from './strings.js';
import css from './widget.css';
import { insertComment, loadMore, PAGE_SIZE, renderPage, showPending } from './thread.js';
import { itemOf, type WidgetState } from './widget-state.js';

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

export class Widget implements WidgetState {
  readonly api: Api;
  readonly shadow: ShadowRoot;
  private readonly rootEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  readonly listEl: HTMLOListElement;
  readonly emptyEl: HTMLElement;
  readonly sortEl: HTMLElement;
  readonly moreBtn: HTMLButtonElement;
  readonly newBtn: HTMLButtonElement;
  private readonly formSlot: HTMLElement;
  private readonly liveRegion: HTMLElement;
  readonly form: CommentForm;
  readonly dates: DateFormatter;
  readonly pending: PendingStore;
  readonly edits: EditStore;
  readonly liveOn: boolean;
  readonly saving = new Set<string>();
  readonly shown = new Set<string>();
  readonly liveSeen = new Set<string>();
  sort: Sort = 'oldest';
  cursor: string | null = null;
  private post: PostInfo | null = null;
  private postExists = true;
  count = 0;
  queue: PublicComment[] = [];
  private rendered = false;
  private loadSeq = 0;

  constructor(readonly opts: WidgetOptions) {
    this.api = opts.api ?? createApi(opts.apiBase, opts.site, opts.post);
    const language = opts.language ?? { code: 'en', locale: 'en', dir: 'ltr' };
    this.dates = createDateFormatter(language.locale);
    this.pending = createPendingStore(opts.site, opts.post);
    this.edits = createEditStore(opts.site, opts.post);
    this.edits.prune();
    this.liveOn = opts.live !== false;
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
    this.sortEl = $('.sort');
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

  async loadFirstPage(initial: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    const first = initial ? this.opts.first : undefined;
    this.opts.first = undefined;
    const [postRes, pageRes] = await (first ??
      Promise.allSettled([
        initial || !this.post ? this.api.getPost() : Promise.resolve(this.post),
        this.api.getComments(this.sort, null, PAGE_SIZE),
      ]));
    if (seq !== this.loadSeq) return;
    if (postRes.status === 'rejected') return this.showLoadError(postRes.reason);
    if (pageRes.status === 'rejected') return this.showLoadError(pageRes.reason);
    const page = pageRes.value;
    // null: nobody has commented yet, and the first comment creates the post.
    this.post = postRes.value;
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
    setQueue(this, []);
    renderPage(this, page);
    showPending(this);
    this.setHeader();
    if (!this.rendered) {
      this.rendered = true;
      if (!this.post?.closed) this.form.fetchToken();
      performance.mark('parley:rendered');
      this.opts.host.setAttribute('data-parley-ready', 'true');
      // Live updates only once the thread is there: a refused origin costs no socket.
      if (this.liveOn) {
        connectLive(this.opts.apiBase, this.opts.site, this.opts.post, liveHandlers(this));
      }
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
      this.sortEl.hidden = true;
      return;
    }
    this.statusEl.innerHTML = `${esc(t('loadError'))}<button type="button" class="btn sm ghost" data-act="retry" data-testid="retry">${esc(t('retry'))}</button>`;
    if (!this.rendered) this.moveFormHome(false);
  }

  // ---------- header, theme, state ----------

  private titleText(): string {
    return this.post?.title || this.opts.title || document.title || '';
  }

  setHeader(): void {
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

  announce(text: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.liveRegion.textContent = '';
    setTimeout(() => (this.liveRegion.textContent = text), 50);
  }

  private refreshTimes(): void {
    const now = Date.now();
    for (const el of this.shadow.querySelectorAll('time[datetime]')) {
      el.textContent = this.dates.relative(el.getAttribute('datetime')!, now);
    }
    refreshEditButtons(this, now);
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
        if (article) void this.extras().then((x) => x?.openEdit(editHost(this), article));
        break;
      case 'cancel-reply':
        this.moveFormHome(true);
        break;
      case 'more':
        void loadMore(this);
        break;
      case 'show-new':
        flushQueue(this);
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
  moveFormHome(focus: boolean): void {
    const from = this.form.replyingTo;
    if (!this.rootEl.classList.contains('closed') && this.form.el.parentElement !== this.formSlot) {
      this.formSlot.textContent = '';
      this.formSlot.appendChild(this.form.el);
    }
    this.form.setReplyTarget(null);
    if (focus && from) itemOf(this, from)?.querySelector<HTMLElement>('[data-act=reply]')?.focus();
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
    setQueue(this, this.queue);
    if (pending) this.pending.add(c);
    // Seen live already means post:count has (or will have) counted it.
    else if (!this.shown.has(c.id) && !this.liveSeen.has(c.id)) {
      this.count += 1;
      this.setHeader();
    }
    this.moveFormHome(false);
    const li = insertComment(this, c, pending);
    const article = li?.querySelector<HTMLElement>('article');
    if (article) {
      article.classList.add('flash');
      article.focus({ preventScroll: true });
      article.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
    this.announce(t(pending ? 'postedPending' : 'posted'));
  }
}
