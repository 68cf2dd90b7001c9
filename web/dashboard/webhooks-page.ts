// Webhooks (admins): a site's endpoints — add, edit, enable, delete, rotate the secret, send a
// test event — each with its delivery log (redeliver an attempt), and the outbox status block
// (pending and failed deliveries, failed ones retried from here).
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { ApiError, request } from './api.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { toast, toastError } from './toast.js';
import {
  WEBHOOK_EVENTS,
  type DeliveryView as Delivery,
  type OutboxStatusView as OutboxStatus,
  type WebhookView,
} from './types.js';
import { NAV, WEBHOOKS } from './strings.js';

/** An endpoint; its secret comes only when it is created or rotated. */
type Webhook = WebhookView & { secret?: string };

const enc = encodeURIComponent;
const base = (site: string) => `/api/admin/sites/${enc(site)}/webhooks`;
const api = {
  list: (site: string) => request<{ webhooks: Webhook[] }>('GET', base(site)),
  create: (site: string, body: object) => request<{ webhook: Webhook }>('POST', base(site), body),
  update: (site: string, id: string, body: object) =>
    request<{ webhook: Webhook }>('PATCH', `${base(site)}/${enc(id)}`, body),
  remove: (site: string, id: string) => request<void>('DELETE', `${base(site)}/${enc(id)}`),
  rotate: (site: string, id: string) =>
    request<{ secret: string }>('POST', `${base(site)}/${enc(id)}/rotate-secret`),
  test: (site: string, id: string) =>
    request<{ eventId: string }>('POST', `${base(site)}/${enc(id)}/test`),
  deliveries: (site: string, id: string) =>
    request<{ deliveries: Delivery[] }>('GET', `${base(site)}/${enc(id)}/deliveries`),
  redeliver: (site: string, id: string, attemptId: string) =>
    request<{ messageId: string }>(
      'POST',
      `${base(site)}/${enc(id)}/deliveries/${enc(attemptId)}/redeliver`,
    ),
  outbox: (site: string) => request<OutboxStatus>('GET', '/api/admin/outbox', undefined, { site }),
  retry: (id: string) =>
    request<{ messageId: string }>('POST', `/api/admin/outbox/${enc(id)}/retry`),
};

function fieldMessage(err: unknown): string {
  if (err instanceof ApiError && err.fields) return Object.values(err.fields).join(' ');
  return err instanceof Error ? err.message : WEBHOOKS.somethingWentWrong;
}

export function mountWebhooksPage(main: HTMLElement): Page {
  let site = store.user && store.user.sites.length > 1 ? store.filters.site : defaultSite();
  if (!site) site = defaultSite();
  let alive = true;
  const outboxWrap = h('div', { 'data-testid': 'outbox-status' }, loadingBlock());
  const listWrap = h('div', null, loadingBlock());
  const picker = sitePicker({
    value: site,
    all: false,
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
      pageHead(NAV.webhooks, WEBHOOKS.parleyPostsSignedEvents, picker),
      outboxWrap,
      endpointForm(null),
      listWrap,
    ),
  );

  /** The add form, or the edit form of one endpoint. */
  function endpointForm(existing: Webhook | null, onDone?: () => void): HTMLElement {
    const prefix = existing ? `wh-edit-${existing.id}` : 'wh-add';
    const url = h('input', {
      class: 'input',
      id: `${prefix}-url`,
      type: 'url',
      placeholder: 'https://example.com/parley-hook',
      'aria-label': WEBHOOKS.endpointUrl,
      value: existing?.url ?? '',
      required: true,
    });
    const boxes = WEBHOOK_EVENTS.map((ev) => {
      const box = h('input', {
        type: 'checkbox',
        value: ev,
        checked: existing ? existing.events.includes(ev) : ev === 'comment.created',
      });
      return { ev, box, label: h('label', { class: 'check-row' }, box, h('span', null, ev)) };
    });
    const priv = h('input', { type: 'checkbox', checked: existing?.private ?? false });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      {
        class: 'card section',
        'data-testid': existing ? 'webhook-edit-form' : 'webhook-add-form',
        novalidate: true,
      },
      h('h2', null, existing ? WEBHOOKS.editEndpoint : WEBHOOKS.addAnEndpoint),
      h('div', { class: 'row wrap' }, url),
      h(
        'fieldset',
        { class: 'row wrap' },
        h('legend', null, WEBHOOKS.events),
        boxes.map((b) => b.label),
      ),
      h(
        'label',
        { class: 'check-row' },
        priv,
        h('span', null, WEBHOOKS.privateIncludeTheCommenter),
      ),
      h(
        'div',
        { class: 'form-actions' },
        h(
          'button',
          { type: 'submit', class: 'btn btn-primary' },
          existing ? WEBHOOKS.save : WEBHOOKS.add,
        ),
        existing
          ? h(
              'button',
              { type: 'button', class: 'btn btn-plain', onclick: () => onDone?.() },
              WEBHOOKS.cancel,
            )
          : null,
      ),
      error,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.hidden = true;
      const body = {
        url: url.value.trim(),
        events: boxes.filter((b) => b.box.checked).map((b) => b.ev),
        private: priv.checked,
      };
      try {
        if (existing) {
          await api.update(site, existing.id, body);
          toast(WEBHOOKS.endpointSaved, { kind: 'success' });
          onDone?.();
        } else {
          const { webhook } = await api.create(site, body);
          url.value = '';
          showSecret(webhook.secret ?? '', WEBHOOKS.endpointAdded);
        }
        void load();
      } catch (err) {
        error.textContent = fieldMessage(err);
        error.hidden = false;
      }
    });
    return form;
  }

  function showSecret(secret: string, title: string): void {
    toast(WEBHOOKS.secretToast(title, secret), { kind: 'success' });
    const note = h(
      'div',
      { class: 'card section', 'data-testid': 'webhook-secret', role: 'status' },
      h('p', null, WEBHOOKS.secretOnce(title)),
      h('code', { class: 'secret' }, secret),
    );
    listWrap.before(note);
  }

  async function loadOutbox(): Promise<void> {
    try {
      const status = await api.outbox(site);
      if (!alive) return;
      mount(
        outboxWrap,
        h(
          'div',
          { class: 'card section' },
          h('h2', null, WEBHOOKS.outbox),
          h(
            'p',
            null,
            h(
              'span',
              { 'data-testid': 'outbox-pending' },
              WEBHOOKS.pendingCount(status.counts.pending),
            ),
            ' · ',
            h(
              'span',
              { 'data-testid': 'outbox-failed' },
              WEBHOOKS.failedCount(status.counts.failed),
            ),
            ' · ',
            h('span', { class: 'muted' }, WEBHOOKS.deliveredCount(status.counts.done)),
          ),
          status.failed.length === 0
            ? null
            : h(
                'table',
                { class: 'table table-compact', 'data-testid': 'outbox-failed-list' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    [
                      WEBHOOKS.kind,
                      WEBHOOKS.what,
                      WEBHOOKS.attempts,
                      WEBHOOKS.lastError,
                      WEBHOOKS.failed,
                      '',
                    ].map((t) => h('th', { scope: 'col' }, t)),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  status.failed.map((m) =>
                    h(
                      'tr',
                      null,
                      h('td', null, m.kind),
                      h('td', null, h('code', null, m.key)),
                      h('td', null, String(m.attempts)),
                      h('td', null, m.lastError ?? ''),
                      h('td', { title: fullDate(m.failedAt) }, timeAgo(m.failedAt)),
                      h(
                        'td',
                        null,
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'btn btn-sm btn-plain',
                            'data-testid': 'outbox-retry',
                            onclick: async () => {
                              try {
                                await api.retry(m.id);
                                toast(WEBHOOKS.queuedAgain, { kind: 'success' });
                                void loadOutbox();
                              } catch (err) {
                                toastError(err);
                              }
                            },
                          },
                          WEBHOOKS.retry,
                        ),
                      ),
                    ),
                  ),
                ),
              ),
        ),
      );
    } catch (err) {
      if (alive)
        mount(
          outboxWrap,
          errorBlock(err, () => void loadOutbox()),
        );
    }
  }

  async function load(): Promise<void> {
    mount(listWrap, loadingBlock());
    void loadOutbox();
    try {
      const { webhooks } = await api.list(site);
      if (!alive) return;
      mount(
        listWrap,
        webhooks.length === 0
          ? h(
              'div',
              { class: 'card empty empty-inline', 'data-testid': 'webhooks-list' },
              h('p', { class: 'empty-title' }, WEBHOOKS.noEndpointsYet),
            )
          : h('div', { class: 'stack', 'data-testid': 'webhooks-list' }, webhooks.map(card)),
      );
    } catch (err) {
      if (alive)
        mount(
          listWrap,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function card(w: Webhook): HTMLElement {
    const logWrap = h('div', { 'data-testid': 'delivery-log' });
    const act = (label: string, testid: string, fn: () => Promise<void>) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-sm btn-plain',
          'data-testid': testid,
          onclick: async () => {
            try {
              await fn();
            } catch (err) {
              toastError(err);
            }
          },
        },
        label,
      );
    const el: HTMLElement = h(
      'div',
      { class: 'card section', 'data-testid': 'webhook', 'data-id': w.id },
      h(
        'div',
        { class: 'row wrap' },
        h('strong', { class: 'webhook-url' }, w.url),
        h('span', { class: 'muted' }, w.enabled ? 'enabled' : 'disabled'),
        w.private ? h('span', { class: 'muted' }, 'private') : null,
      ),
      h('p', { class: 'muted small' }, w.events.join(', ')),
      h(
        'div',
        { class: 'row wrap' },
        act(WEBHOOKS.sendTestEvent, 'webhook-test', async () => {
          await api.test(site, w.id);
          toast(WEBHOOKS.testEventQueued, { kind: 'success' });
          setTimeout(() => void showLog(), 800);
        }),
        act(WEBHOOKS.deliveryLog, 'webhook-log', showLog),
        act(WEBHOOKS.edit, 'webhook-edit', async () => {
          el.replaceWith(endpointForm(w, () => void load()));
        }),
        act(w.enabled ? WEBHOOKS.disable : WEBHOOKS.enable, 'webhook-toggle', async () => {
          await api.update(site, w.id, { enabled: !w.enabled });
          void load();
        }),
        act(WEBHOOKS.rotateSecret, 'webhook-rotate', async () => {
          if (!confirm(WEBHOOKS.rotateTheSigningSecret)) return;
          const { secret } = await api.rotate(site, w.id);
          showSecret(secret, WEBHOOKS.secretRotated);
        }),
        act(WEBHOOKS.delete, 'webhook-delete', async () => {
          if (!confirm(WEBHOOKS.deleteConfirm(w.url))) return;
          await api.remove(site, w.id);
          toast(WEBHOOKS.endpointDeleted, { kind: 'success' });
          void load();
        }),
      ),
      logWrap,
    );

    async function showLog(): Promise<void> {
      mount(logWrap, loadingBlock());
      const { deliveries } = await api.deliveries(site, w.id);
      mount(
        logWrap,
        deliveries.length === 0
          ? h('p', { class: 'muted' }, WEBHOOKS.noDeliveriesYet)
          : h(
              'table',
              { class: 'table table-compact' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  [
                    WEBHOOKS.when,
                    WEBHOOKS.event,
                    WEBHOOKS.try,
                    WEBHOOKS.status,
                    WEBHOOKS.time,
                    WEBHOOKS.error,
                    '',
                  ].map((t) => h('th', { scope: 'col' }, t)),
                ),
              ),
              h(
                'tbody',
                null,
                deliveries.map((d) =>
                  h(
                    'tr',
                    { 'data-testid': 'delivery', 'data-ok': String(d.ok) },
                    h('td', { title: fullDate(d.at) }, timeAgo(d.at)),
                    h('td', null, h('code', null, d.eventKey.split(':').slice(2).join(':'))),
                    h('td', null, String(d.attempt)),
                    h(
                      'td',
                      { 'data-testid': 'delivery-status' },
                      d.statusCode === null ? '—' : String(d.statusCode),
                    ),
                    h('td', null, WEBHOOKS.ms(d.durationMs)),
                    h('td', null, d.error ?? ''),
                    h(
                      'td',
                      null,
                      act(WEBHOOKS.redeliver, 'delivery-redeliver', async () => {
                        await api.redeliver(site, w.id, d.id);
                        toast(WEBHOOKS.queuedForRedelivery, { kind: 'success' });
                        setTimeout(() => void showLog(), 800);
                      }),
                    ),
                  ),
                ),
              ),
            ),
      );
    }
    return el;
  }

  void load();
  return {
    unmount() {
      alive = false;
    },
  };
}
