// API keys (admins) for the Perspective-compatible API: create (the key is shown once), the
// list with when each was last used, revoke.
import { admin, type ApiKey } from './api.js';
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import { confirmDialog, copyBox, field, showFieldErrors } from './forms.js';
import type { Page } from './router.js';
import { KEYS } from './strings.js';
import { toast, toastError } from './toast.js';

export function mountApiKeysPage(main: HTMLElement): Page {
  let site = defaultSite();
  let alive = true;
  const list = h('div', null, loadingBlock());
  const shown = h('div');
  const label = field(
    KEYS.label,
    h('input', { class: 'input', 'data-testid': 'key-label' }),
    KEYS.labelHint,
  );
  const create = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', 'data-testid': 'key-create' },
    KEYS.create,
  );
  const form = h(
    'form',
    { class: 'card section stack', novalidate: true, 'aria-label': KEYS.create },
    label.el,
    h('div', { class: 'form-actions' }, create),
    shown,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    create.disabled = true;
    try {
      const key = await admin.createApiKey(site, label.control.value.trim());
      label.control.value = '';
      label.setError(null);
      mount(shown, copyBox(KEYS.title, key.key, 'new-key', KEYS.shown));
      void load();
    } catch (err) {
      if (!showFieldErrors(err, { label })) toastError(err);
    } finally {
      create.disabled = false;
    }
  });
  const picker = sitePicker({
    value: site,
    all: false,
    onChange: (s) => {
      site = s;
      mount(shown);
      void load();
    },
  });
  mount(
    main,
    h('div', { class: 'page page-narrow' }, pageHead(KEYS.title, KEYS.hint, picker), form, list),
  );

  async function load(): Promise<void> {
    try {
      const { apiKeys } = await admin.apiKeys(site);
      if (!alive) return;
      mount(
        list,
        apiKeys.length
          ? h(
              'ul',
              { class: 'item-list', 'data-testid': 'key-list' },
              apiKeys.map((k) => h('li', { class: 'card item' }, row(k))),
            )
          : h('div', { class: 'card empty empty-inline' }, h('p', null, KEYS.none)),
      );
    } catch (err) {
      if (alive)
        mount(
          list,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function row(k: ApiKey): HTMLElement[] {
    return [
      h(
        'div',
        { class: 'item-main' },
        h('p', { class: 'item-title' }, k.label),
        h(
          'p',
          { class: 'muted small' },
          `${KEYS.created} ${fullDate(k.createdAt)} · ${KEYS.lastUsed} `,
          k.lastUsedAt
            ? h(
                'span',
                { title: fullDate(k.lastUsedAt), 'data-testid': 'key-last-used' },
                timeAgo(k.lastUsedAt),
              )
            : h('span', { 'data-testid': 'key-last-used' }, KEYS.never),
        ),
      ),
      h(
        'div',
        { class: 'item-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-reject',
            onclick: () =>
              confirmDialog({
                title: KEYS.revokeTitle(k.label),
                body: KEYS.revokeBody,
                confirm: KEYS.revoke,
                danger: true,
                testid: 'revoke-dialog',
                run: async () => {
                  await admin.revokeApiKey(site, k.id);
                  toast(KEYS.revoked, { kind: 'success' });
                  await load();
                },
              }),
          },
          KEYS.revoke,
        ),
      ),
    ];
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
