// Posts (admins): a site's articles with their comment counts and last comment, a search,
// and per post: open or close its comments, rename it, change its address.
import { admin, type AdminPost } from './api.js';
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import { promptDialog } from './forms.js';
import type { Page } from './router.js';
import { POSTS } from './strings.js';
import { toast, toastError } from './toast.js';

export function mountPostsPage(main: HTMLElement): Page {
  let site = defaultSite();
  let alive = true;
  let q = '';
  let page = 1;
  let posts: AdminPost[] = [];
  let total = 0;
  const list = h('div', null, loadingBlock());
  const more = h('div', { class: 'list-footer' });
  const search = h('input', {
    class: 'input input-search',
    type: 'search',
    id: 'posts-q',
    placeholder: POSTS.searchPlaceholder,
    'data-testid': 'posts-search',
  });
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      q = search.value.trim();
      void load(1);
    }, 250);
  });
  const picker = sitePicker({
    value: site,
    all: false,
    onChange: (s) => {
      site = s;
      void load(1);
    },
  });
  mount(
    main,
    h(
      'div',
      { class: 'page' },
      pageHead(
        POSTS.title,
        POSTS.hint,
        picker,
        h(
          'div',
          { class: 'filter' },
          h('label', { for: 'posts-q', class: 'filter-label' }, POSTS.search),
          search,
        ),
      ),
      list,
      more,
    ),
  );

  async function load(p: number): Promise<void> {
    if (!site) {
      mount(list, h('div', { class: 'card empty empty-inline' }, h('p', null, POSTS.empty)));
      document.body.dataset.ready = 'true';
      return;
    }
    if (p === 1) mount(list, loadingBlock());
    try {
      const res = await admin.posts(site, { q: q || undefined, page: p });
      if (!alive) return;
      page = p;
      posts = p === 1 ? res.posts : [...posts, ...res.posts];
      total = res.total;
      render();
    } catch (err) {
      if (alive)
        mount(
          list,
          errorBlock(err, () => void load(1)),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function render(): void {
    mount(
      more,
      posts.length < total
        ? h(
            'button',
            { type: 'button', class: 'btn btn-plain btn-sm', onclick: () => void load(page + 1) },
            POSTS.more,
          )
        : null,
    );
    if (posts.length === 0) {
      mount(
        list,
        h(
          'div',
          { class: 'card empty empty-inline', 'data-testid': 'posts-empty' },
          h('p', null, POSTS.empty),
        ),
      );
      return;
    }
    mount(
      list,
      h('p', { class: 'muted small' }, POSTS.total(total)),
      h(
        'ul',
        { class: 'item-list', 'data-testid': 'post-list' },
        posts.map((p) => h('li', { class: 'card item', 'data-post': p.slug }, row(p))),
      ),
    );
  }

  async function save(p: AdminPost, change: Partial<Pick<AdminPost, 'title' | 'url' | 'closed'>>) {
    await admin.putPost(site, p.slug, {
      title: change.title ?? p.title,
      ...(change.url !== undefined && { url: change.url }),
      ...(change.closed !== undefined && { closed: change.closed }),
    });
    Object.assign(p, change);
    toast(POSTS.saved, { kind: 'success' });
    render();
  }

  function row(p: AdminPost): HTMLElement[] {
    return [
      h(
        'div',
        { class: 'item-main' },
        h(
          'p',
          { class: 'item-title' },
          p.url ? h('a', { href: p.url, target: '_blank', rel: 'noopener' }, p.title) : p.title,
          p.closed ? h('span', { class: 'badge' }, POSTS.closed) : null,
        ),
        h(
          'p',
          { class: 'muted small item-sub' },
          h('code', null, p.slug),
          p.url ? ` · ${p.url}` : '',
        ),
        h(
          'p',
          { class: 'small' },
          POSTS.comments(p.commentCount, p.totalComments),
          ' · ',
          p.lastCommentAt
            ? h(
                'span',
                { title: fullDate(p.lastCommentAt) },
                `${POSTS.lastActivity} ${timeAgo(p.lastCommentAt)}`,
              )
            : h('span', { class: 'muted' }, POSTS.never),
        ),
      ),
      h(
        'div',
        { class: 'item-actions row wrap' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-plain',
            'data-testid': 'post-toggle',
            onclick: () => void save(p, { closed: !p.closed }).catch((e) => toastError(e)),
          },
          p.closed ? POSTS.open : POSTS.close,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-plain',
            'data-testid': 'post-rename',
            onclick: () =>
              promptDialog({
                title: POSTS.renameTitle,
                label: POSTS.titleLabel,
                value: p.title,
                testid: 'rename-dialog',
                save: (title) => save(p, { title }),
              }),
          },
          POSTS.rename,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-plain',
            'data-testid': 'post-url',
            onclick: () =>
              promptDialog({
                title: POSTS.urlTitle,
                label: POSTS.urlLabel,
                value: p.url ?? '',
                type: 'url',
                testid: 'url-dialog',
                save: (url) => save(p, { url: url || null }),
              }),
          },
          POSTS.changeUrl,
        ),
      ),
    ];
  }

  void load(1);
  return {
    unmount: () => {
      alive = false;
      window.clearTimeout(timer);
    },
  };
}
