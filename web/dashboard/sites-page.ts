// Sites (admins): add a blog, change its name and allowed origins, delete it (the dialog says
// what goes with it); each site shows its embed and count snippets with its real values, and
// "Check my page" says whether a page's origin may load the comments.
import { admin, type SiteContents } from './api.js';
import { errorBlock, loadingBlock, pageHead } from './admin-common.js';
import { h, mount } from './dom.js';
import { confirmDialog, copyBox, field, showFieldErrors } from './forms.js';
import type { Page } from './router.js';
import { store, storeChanged } from './store.js';
import { COMMON, SITES } from './strings.js';
import { toast } from './toast.js';
import type { AdminSite } from './types.js';

const lines = (v: string) =>
  v
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export function embedSnippet(host: string, slug: string): string {
  return `<div id="parley-comments"></div>\n<script src="${host}/embed.js" data-site="${slug}" data-post="POST-ID" async></script>`;
}

export function countSnippet(host: string, slug: string): string {
  return `<span data-parley-count="POST-ID"></span>\n<script src="${host}/count.js" data-site="${slug}" async></script>`;
}

/** The origin of a page address, or null when it is not an http(s) address. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function mountSitesPage(main: HTMLElement): Page {
  let alive = true;
  let sites: AdminSite[] = [];
  let openSlug = new URLSearchParams(location.search).get('site') ?? '';
  const list = h('div', { class: 'stack' }, loadingBlock());
  const createBox = h('div');
  mount(
    main,
    h('div', { class: 'page page-narrow' }, pageHead(SITES.title, SITES.hint), createBox, list),
  );

  async function load(): Promise<void> {
    try {
      sites = (await admin.sites()).sites;
      if (!alive) return;
      // The nav's site lists (settings, queue filters) follow new and deleted sites.
      if (store.user) store.user.sites = sites.map((s) => s.slug);
      storeChanged();
      render();
    } catch (err) {
      if (alive)
        mount(
          list,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function render(): void {
    mount(createBox, createForm());
    if (sites.length === 0) {
      mount(list, h('div', { class: 'card empty empty-inline' }, h('p', null, SITES.none)));
      return;
    }
    mount(
      list,
      h(
        'ul',
        { class: 'site-list', 'data-testid': 'site-list' },
        sites.map((s) => h('li', null, siteCard(s))),
      ),
    );
  }

  function createForm(): HTMLElement {
    const name = field(
      SITES.name,
      h('input', { class: 'input', 'data-testid': 'site-name' }),
      SITES.nameHint,
    );
    const slug = field(
      SITES.slug,
      h('input', { class: 'input', 'data-testid': 'site-slug', autocapitalize: 'off' }),
      SITES.slugHint,
    );
    const origins = field(
      SITES.origins,
      h('textarea', {
        class: 'input',
        rows: 2,
        spellcheck: 'false',
        'data-testid': 'site-origins',
        placeholder: 'https://blog.example.com',
      }),
      SITES.originsHint,
    );
    let slugTouched = false;
    slug.control.addEventListener('input', () => {
      slugTouched = true;
    });
    name.control.addEventListener('input', () => {
      if (!slugTouched)
        slug.control.value = name.control.value
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^\w\s-]/g, '')
          .trim()
          .replace(/[\s_]+/g, '-')
          .slice(0, 60);
    });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary', 'data-testid': 'site-create' },
      SITES.create,
    );
    const form = h(
      'form',
      { class: 'card section stack', novalidate: true, 'aria-label': SITES.create },
      h('h2', { class: 'section-title' }, SITES.create),
      name.el,
      slug.el,
      origins.el,
      h('div', { class: 'form-actions' }, submit),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const { site } = await admin.createSite({
          name: name.control.value.trim(),
          slug: slug.control.value.trim(),
          allowedOrigins: lines(origins.control.value),
        });
        toast(SITES.created(site.name), { kind: 'success' });
        openSlug = site.slug;
        await load();
        document.querySelector<HTMLElement>(`[data-site-card="${site.slug}"] .snippet`)?.focus();
      } catch (err) {
        if (
          !showFieldErrors(err, {
            name: name,
            slug: slug,
            allowedOrigins: origins,
          })
        )
          toast(err instanceof Error ? err.message : String(err), { kind: 'error' });
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function siteCard(site: AdminSite): HTMLElement {
    const host = location.origin;
    const open = site.slug === openSlug;
    const details = h(
      'details',
      { class: 'card site-card', 'data-site-card': site.slug, 'data-testid': 'site-card', open },
      h(
        'summary',
        { class: 'site-summary' },
        h('span', { class: 'site-name' }, site.name),
        h('code', { class: 'muted small' }, site.slug),
        h(
          'span',
          { class: 'muted small site-origins' },
          site.allowedOrigins.length ? site.allowedOrigins.join(', ') : '—',
        ),
      ),
      h(
        'div',
        { class: 'stack site-body' },
        copyBox(SITES.embed, embedSnippet(host, site.slug), 'embed-snippet', SITES.embedHint),
        copyBox(
          SITES.countSnippet,
          countSnippet(host, site.slug),
          'count-snippet',
          SITES.countHint,
        ),
        checkPage(site),
        editForm(site),
        h(
          'div',
          { class: 'row wrap' },
          h(
            'a',
            {
              class: 'btn btn-sm btn-plain',
              href: `/moderate/settings?site=${encodeURIComponent(site.slug)}`,
              'data-link': true,
            },
            COMMON.settings,
          ),
          h(
            'a',
            {
              class: 'btn btn-sm btn-plain',
              href: `/moderate/posts?site=${encodeURIComponent(site.slug)}`,
              'data-link': true,
            },
            COMMON.posts,
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-sm btn-reject',
              'data-testid': 'site-delete',
              onclick: () => void askDelete(site),
            },
            SITES.delete,
          ),
        ),
      ),
    );
    details.addEventListener('toggle', () => {
      if (details.open) openSlug = site.slug;
    });
    return details;
  }

  function checkPage(site: AdminSite): HTMLElement {
    const input = h('input', {
      class: 'input',
      type: 'url',
      placeholder: 'https://blog.example.com/my-article',
      'data-testid': 'check-url',
    });
    const f = field(SITES.check, input, SITES.checkHint);
    const out = h('div', { class: 'check-result', role: 'status', 'data-testid': 'check-result' });
    const run = async () => {
      const origin = originOf(input.value);
      if (!origin) {
        mount(out, h('p', { class: 'field-error' }, SITES.checkBad));
        return;
      }
      const allowed =
        origin === location.origin || site.allowedOrigins.some((o) => o === '*' || o === origin);
      if (allowed) {
        mount(out, h('p', { class: 'ok-line' }, SITES.checkOk(origin)));
        return;
      }
      const add = h(
        'button',
        {
          type: 'button',
          class: 'btn btn-sm btn-primary',
          'data-testid': 'check-add',
          onclick: async () => {
            try {
              await admin.updateSite(site.slug, {
                allowedOrigins: [...site.allowedOrigins, origin],
              });
              toast(SITES.saved, { kind: 'success' });
              openSlug = site.slug;
              await load();
            } catch (err) {
              toast(err instanceof Error ? err.message : String(err), { kind: 'error' });
            }
          },
        },
        SITES.checkAdd(origin),
      );
      mount(out, h('p', { class: 'field-error' }, SITES.checkMissing(origin)), add);
    };
    return h(
      'div',
      { class: 'stack-sm' },
      f.el,
      h(
        'div',
        { class: 'row wrap' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-plain',
            'data-testid': 'check-run',
            onclick: () => void run(),
          },
          SITES.checkButton,
        ),
      ),
      out,
    );
  }

  function editForm(site: AdminSite): HTMLElement {
    const name = field(SITES.name, h('input', { class: 'input', value: site.name }));
    const origins = field(
      SITES.origins,
      h(
        'textarea',
        { class: 'input', rows: 2, spellcheck: 'false' },
        site.allowedOrigins.join('\n'),
      ),
      SITES.originsHint,
    );
    const save = h('button', { type: 'submit', class: 'btn btn-sm btn-primary' }, SITES.save);
    const form = h(
      'form',
      { class: 'stack-sm', novalidate: true, 'aria-label': `${SITES.edit} ${site.name}` },
      name.el,
      origins.el,
      h('div', { class: 'form-actions' }, save),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      save.disabled = true;
      try {
        await admin.updateSite(site.slug, {
          name: name.control.value.trim(),
          allowedOrigins: lines(origins.control.value),
        });
        toast(SITES.saved, { kind: 'success' });
        openSlug = site.slug;
        await load();
      } catch (err) {
        if (!showFieldErrors(err, { name, allowedOrigins: origins }))
          toast(err instanceof Error ? err.message : String(err), { kind: 'error' });
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  async function askDelete(site: AdminSite): Promise<void> {
    let contents: SiteContents;
    try {
      contents = (await admin.siteContents(site.slug)).contents;
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), { kind: 'error' });
      return;
    }
    confirmDialog({
      title: SITES.deleteTitle(site.name),
      body: SITES.deleteBody(contents),
      confirm: SITES.deleteConfirm,
      danger: true,
      testid: 'delete-site-dialog',
      run: async () => {
        await admin.deleteSite(site.slug);
        toast(SITES.deleted(site.name), { kind: 'success' });
        await load();
      },
    });
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
