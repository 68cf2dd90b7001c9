// People (admins): the accounts and where each may moderate, open invitations, and a form
// that makes a one-time invitation link (shown once, for the admin to send).
import { admin, type Invitation, type UserAccount } from './api.js';
import { errorBlock, loadingBlock, pageHead } from './admin-common.js';
import { fullDate, h, mount } from './dom.js';
import { confirmDialog, copyBox, field, showFieldErrors } from './forms.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { PEOPLE } from './strings.js';
import { toast, toastError } from './toast.js';

function siteChecks(selected: string[], name: string): { el: HTMLElement; value(): string[] } {
  const sites = store.user?.sites ?? [];
  const boxes = sites.map((s) => {
    const c = h('input', { type: 'checkbox', value: s, name });
    c.checked = selected.includes(s);
    return c;
  });
  const labelId = `${name}-label`;
  return {
    el: h(
      'div',
      { class: 'stack-sm' },
      h('p', { class: 'filter-label', id: labelId }, PEOPLE.sites),
      h(
        'div',
        { class: 'checks', role: 'group', 'aria-labelledby': labelId },
        boxes.map((c) => h('label', { class: 'check-row' }, c, h('span', null, c.value))),
      ),
    ),
    value: () => boxes.filter((c) => c.checked).map((c) => c.value),
  };
}

export function mountPeoplePage(main: HTMLElement): Page {
  let alive = true;
  const list = h('div', null, loadingBlock());
  const invitesBox = h('div');
  const inviteBox = h('div');
  mount(
    main,
    h(
      'div',
      { class: 'page page-narrow' },
      pageHead(PEOPLE.title, PEOPLE.hint),
      inviteBox,
      invitesBox,
      list,
    ),
  );

  async function load(): Promise<void> {
    try {
      const [{ users }, { invitations }] = await Promise.all([admin.users(), admin.invitations()]);
      if (!alive) return;
      mount(
        list,
        h(
          'ul',
          { class: 'item-list', 'data-testid': 'people-list' },
          users.map((u) => h('li', { class: 'card item' }, userRow(u))),
        ),
      );
      mount(invitesBox, invitations.length ? invitationList(invitations) : null);
    } catch (err) {
      if (alive)
        mount(
          list,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function inviteForm(): HTMLElement {
    const email = field(
      PEOPLE.email,
      h('input', { class: 'input', type: 'email', 'data-testid': 'invite-email' }),
    );
    const role = field(
      PEOPLE.role,
      h(
        'select',
        { class: 'input', 'data-testid': 'invite-role' },
        h('option', { value: 'moderator' }, PEOPLE.moderator),
        h('option', { value: 'admin' }, PEOPLE.admin),
      ),
      PEOPLE.sitesHint,
    );
    const sites = siteChecks([], 'invite-sites');
    const out = h('div');
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary', 'data-testid': 'invite-submit' },
      PEOPLE.send,
    );
    const form = h(
      'form',
      { class: 'card section stack', novalidate: true, 'aria-label': PEOPLE.invite },
      h('h2', { class: 'section-title' }, PEOPLE.invite),
      email.el,
      role.el,
      sites.el,
      h('div', { class: 'form-actions' }, submit),
      out,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const res = await admin.invite({
          email: email.control.value.trim(),
          role: role.control.value,
          sites: sites.value(),
        });
        email.setError(null);
        mount(out, copyBox(PEOPLE.linkTitle, res.link, 'invite-link', PEOPLE.linkHint));
        void load();
      } catch (err) {
        if (!showFieldErrors(err, { email, role, sites: email })) toastError(err);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function invitationList(invitations: Invitation[]): HTMLElement {
    return h(
      'section',
      { class: 'stack-sm', 'aria-label': PEOPLE.pending },
      h('h2', { class: 'section-title' }, PEOPLE.pending),
      h(
        'ul',
        { class: 'item-list', 'data-testid': 'invitation-list' },
        invitations.map((i) =>
          h(
            'li',
            { class: 'card item' },
            h(
              'div',
              { class: 'item-main' },
              h('p', { class: 'item-title' }, i.email),
              h(
                'p',
                { class: 'muted small' },
                `${i.role} · ${i.sites.join(', ') || '—'} · ${PEOPLE.expires} ${fullDate(i.expiresAt)}`,
              ),
            ),
            h(
              'div',
              { class: 'item-actions' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-sm btn-plain',
                  onclick: () => void admin.withdrawInvitation(i.id).then(load, toastError),
                },
                PEOPLE.withdraw,
              ),
            ),
          ),
        ),
      ),
    );
  }

  function userRow(u: UserAccount): HTMLElement[] {
    const self = u.id === store.user?.id;
    const sites = siteChecks(u.sites, `sites-${u.id}`);
    const saveSites = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-sm btn-plain',
        onclick: async () => {
          try {
            await admin.updateUser(u.id, { sites: sites.value() });
            toast(PEOPLE.sitesSaved, { kind: 'success' });
          } catch (err) {
            toastError(err);
          }
        },
      },
      PEOPLE.saveSites,
    );
    return [
      h(
        'div',
        { class: 'item-main' },
        h(
          'p',
          { class: 'item-title' },
          u.name,
          self ? h('span', { class: 'muted' }, ` ${PEOPLE.you}`) : null,
        ),
        h(
          'p',
          { class: 'muted small' },
          `${u.email} · ${u.role === 'admin' ? PEOPLE.admin : PEOPLE.moderator}`,
        ),
        u.role === 'moderator'
          ? h('div', { class: 'stack-sm' }, sites.el, h('div', null, saveSites))
          : null,
      ),
      h(
        'div',
        { class: 'item-actions' },
        self
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'btn btn-sm btn-reject',
                'data-testid': 'user-remove',
                onclick: () =>
                  confirmDialog({
                    title: PEOPLE.removeTitle(u.name),
                    body: PEOPLE.removeBody,
                    confirm: PEOPLE.removeConfirm,
                    danger: true,
                    testid: 'remove-user-dialog',
                    run: async () => {
                      await admin.deleteUser(u.id);
                      toast(PEOPLE.removed(u.name), { kind: 'success' });
                      await load();
                    },
                  }),
              },
              PEOPLE.remove,
            ),
      ),
    ];
  }

  mount(inviteBox, inviteForm());
  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
