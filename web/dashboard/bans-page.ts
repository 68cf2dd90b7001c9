// Bans (admins): list per site, add one by value, lift one (with undo through the audit log).
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { ApiError, moderation } from './api.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { toast, toastError } from './toast.js';
import type { BanView } from './types.js';
import { undoViaAudit } from './undo.js';
import { BANS } from './strings.js';

const KIND_LABELS: Record<BanView['kind'], string> = {
  email: BANS.email,
  ip: BANS.ipAddress,
  domain: BANS.domain,
};

export function mountBansPage(main: HTMLElement): Page {
  let site = store.user && store.user.sites.length > 1 ? store.filters.site : defaultSite();
  let alive = true;
  let bans: BanView[] = [];
  const listWrap = h('div', null, loadingBlock());
  const picker = sitePicker({
    value: site,
    all: true,
    onChange: (s) => {
      site = s;
      void load();
    },
  });
  mount(
    main,
    h(
      'div',
      { class: 'page' },
      pageHead(BANS.bans, BANS.bannedAuthorsCannotComment, picker),
      addForm(),
      listWrap,
    ),
  );

  function addForm(): HTMLElement {
    const kind = h(
      'select',
      { class: 'input', id: 'ban-add-kind', 'aria-label': BANS.banKind },
      (['email', 'domain', 'ip'] as const).map((k) => h('option', { value: k }, KIND_LABELS[k])),
    );
    const value = h('input', {
      class: 'input',
      id: 'ban-add-value',
      type: 'text',
      placeholder: 'spammer@example.com',
      'aria-label': BANS.value,
      required: true,
    });
    const reason = h('input', {
      class: 'input',
      type: 'text',
      placeholder: BANS.reasonOptional,
      'aria-label': BANS.reason,
      maxlength: 500,
    });
    const until = h('input', {
      class: 'input',
      type: 'date',
      'aria-label': BANS.expiresOnOptional,
      title: BANS.expiresOnOptional,
    });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    kind.addEventListener('change', () => {
      value.placeholder =
        kind.value === 'email'
          ? 'spammer@example.com'
          : kind.value === 'domain'
            ? 'spam.example'
            : '203.0.113.7';
    });
    const form = h(
      'form',
      { class: 'card add-ban', 'data-testid': 'ban-add-form', novalidate: true },
      h(
        'div',
        { class: 'row wrap' },
        kind,
        value,
        reason,
        until,
        h('button', { type: 'submit', class: 'btn btn-primary' }, BANS.addBan),
      ),
      error,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.hidden = true;
      const target = site || defaultSite();
      if (!value.value.trim()) {
        error.textContent = BANS.enterWhatToBan;
        error.hidden = false;
        return;
      }
      try {
        const { ban } = await moderation.createBan({
          site: target,
          kind: kind.value as BanView['kind'],
          value: value.value.trim(),
          reason: reason.value.trim() || undefined,
          expiresAt: until.value ? new Date(`${until.value}T23:59:59`).toISOString() : undefined,
        });
        value.value = reason.value = until.value = '';
        bans.unshift(ban);
        render();
        toast(BANS.banned(ban.kind === 'ip' ? BANS.theIpAddress : ban.value, ban.site), {
          kind: 'success',
        });
      } catch (err) {
        error.textContent =
          err instanceof ApiError && err.fields
            ? Object.values(err.fields).join(' ')
            : err instanceof Error
              ? err.message
              : BANS.couldNotBan;
        error.hidden = false;
      }
    });
    return form;
  }

  async function load(): Promise<void> {
    mount(listWrap, loadingBlock());
    try {
      const res = await moderation.bans(site || undefined);
      if (!alive) return;
      bans = res.bans;
      render();
    } catch (err) {
      if (alive)
        mount(
          listWrap,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function render(): void {
    if (bans.length === 0) {
      mount(
        listWrap,
        h(
          'div',
          { class: 'card', 'data-testid': 'bans-list' },
          h(
            'div',
            { class: 'empty empty-inline', 'data-testid': 'empty-state' },
            h('p', { class: 'empty-title' }, BANS.noBans),
            h('p', { class: 'muted' }, BANS.banAnAuthorFrom),
          ),
        ),
      );
      return;
    }
    mount(
      listWrap,
      h(
        'div',
        { class: 'card table-card' },
        h(
          'table',
          { class: 'table', 'data-testid': 'bans-list' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [BANS.kind, BANS.value, BANS.reason, BANS.site, BANS.created, BANS.expires, ''].map(
                (t) => h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h('tbody', null, bans.map(row)),
        ),
      ),
    );
  }

  function row(b: BanView): HTMLElement {
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-sm btn-plain',
        'data-testid': 'ban-remove',
        onclick: () => void lift(b, tr, remove),
      },
      BANS.remove,
    );
    const tr = h(
      'tr',
      { 'data-ban-id': b.id, class: b.active ? '' : 'is-expired' },
      h('td', null, h('span', { class: `badge badge-${b.kind}` }, KIND_LABELS[b.kind])),
      h(
        'td',
        { class: 'mono', title: b.kind === 'ip' ? BANS.saltedHashOfThe : b.value },
        b.kind === 'ip' ? `${b.value.slice(0, 10)}…` : b.value,
      ),
      h('td', null, b.reason ?? h('span', { class: 'muted' }, '—')),
      h('td', null, b.site),
      h('td', { title: fullDate(b.createdAt) }, timeAgo(b.createdAt)),
      h(
        'td',
        null,
        b.expiresAt
          ? h(
              'span',
              { title: fullDate(b.expiresAt) },
              b.active ? new Date(b.expiresAt).toLocaleDateString() : BANS.expired,
            )
          : BANS.never,
      ),
      h('td', { class: 'cell-actions' }, remove),
    );
    return tr;
  }

  async function lift(b: BanView, tr: HTMLElement, btn: HTMLButtonElement): Promise<void> {
    btn.disabled = true;
    try {
      await moderation.removeBan(b.id);
      bans = bans.filter((x) => x.id !== b.id);
      render();
      toast(BANS.lifted(b.kind === 'ip' ? BANS.theIpAddress : b.value), {
        kind: 'success',
        action: {
          label: BANS.undo,
          run: () =>
            void undoViaAudit([{ id: b.id, action: 'ban.delete' }], b.site).then(
              () => load(),
              (err) => toastError(err, BANS.couldNotUndo),
            ),
        },
      });
    } catch (err) {
      btn.disabled = false;
      tr.classList.remove('is-busy');
      toastError(err, BANS.couldNotLiftThe);
    }
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
