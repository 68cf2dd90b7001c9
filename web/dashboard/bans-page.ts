// Bans (admins): list per site, add one by value, lift one (with undo through the audit log).
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { ApiError, moderation } from './api.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { toast, toastError } from './toast.js';
import type { BanView } from './types.js';
import { undoViaAudit } from './undo.js';

const KIND_LABELS: Record<BanView['kind'], string> = {
  email: 'Email',
  ip: 'IP address',
  domain: 'Domain',
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
      pageHead(
        'Bans',
        'Banned authors cannot comment (or are held, per the site setting).',
        picker,
      ),
      addForm(),
      listWrap,
    ),
  );

  function addForm(): HTMLElement {
    const kind = h(
      'select',
      { class: 'input', id: 'ban-add-kind', 'aria-label': 'Ban kind' },
      (['email', 'domain', 'ip'] as const).map((k) => h('option', { value: k }, KIND_LABELS[k])),
    );
    const value = h('input', {
      class: 'input',
      id: 'ban-add-value',
      type: 'text',
      placeholder: 'spammer@example.com',
      'aria-label': 'Value',
      required: true,
    });
    const reason = h('input', {
      class: 'input',
      type: 'text',
      placeholder: 'Reason (optional)',
      'aria-label': 'Reason',
      maxlength: 500,
    });
    const until = h('input', {
      class: 'input',
      type: 'date',
      'aria-label': 'Expires on (optional)',
      title: 'Expires on (optional)',
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
        h('button', { type: 'submit', class: 'btn btn-primary' }, 'Add ban'),
      ),
      error,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.hidden = true;
      const target = site || defaultSite();
      if (!value.value.trim()) {
        error.textContent = 'Enter what to ban.';
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
        toast(`Banned ${ban.kind === 'ip' ? 'the IP address' : ban.value} on ${ban.site}.`, {
          kind: 'success',
        });
      } catch (err) {
        error.textContent =
          err instanceof ApiError && err.fields
            ? Object.values(err.fields).join(' ')
            : err instanceof Error
              ? err.message
              : 'Could not ban.';
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
            h('p', { class: 'empty-title' }, 'No bans.'),
            h(
              'p',
              { class: 'muted' },
              'Ban an author from a comment in the queue (b), or add one above.',
            ),
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
              ['Kind', 'Value', 'Reason', 'Site', 'Created', 'Expires', ''].map((t) =>
                h('th', { scope: 'col' }, t),
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
      'Remove',
    );
    const tr = h(
      'tr',
      { 'data-ban-id': b.id, class: b.active ? '' : 'is-expired' },
      h('td', null, h('span', { class: `badge badge-${b.kind}` }, KIND_LABELS[b.kind])),
      h(
        'td',
        { class: 'mono', title: b.kind === 'ip' ? 'Salted hash of the IP address' : b.value },
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
              b.active ? new Date(b.expiresAt).toLocaleDateString() : 'Expired',
            )
          : 'Never',
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
      toast(`Lifted the ban on ${b.kind === 'ip' ? 'the IP address' : b.value}.`, {
        kind: 'success',
        action: {
          label: 'Undo',
          run: () =>
            void undoViaAudit([{ id: b.id, action: 'ban.delete' }], b.site).then(
              () => load(),
              (err) => toastError(err, 'Could not undo:'),
            ),
        },
      });
    } catch (err) {
      btn.disabled = false;
      tr.classList.remove('is-busy');
      toastError(err, 'Could not lift the ban:');
    }
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
