// My account (everyone signed in): change the password, sign out on every device.
import { auth } from './api.js';
import { pageHead } from './admin-common.js';
import { h, mount } from './dom.js';
import { field, showFieldErrors } from './forms.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { ACCOUNT } from './strings.js';
import { toast, toastError } from './toast.js';

export function mountAccountPage(main: HTMLElement, signedOut: (notice: string) => void): Page {
  const name = field(
    ACCOUNT.name,
    h('input', {
      class: 'input',
      value: store.user?.name ?? '',
      autocomplete: 'name',
      'data-testid': 'me-name',
    }),
    ACCOUNT.nameHint,
  );
  const nameSave = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', 'data-testid': 'me-name-save' },
    ACCOUNT.nameSave,
  );
  const nameForm = h(
    'form',
    { class: 'card section stack', novalidate: true, 'aria-label': ACCOUNT.name },
    name.el,
    h('div', { class: 'form-actions' }, nameSave),
  );
  nameForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    nameSave.disabled = true;
    try {
      const { user } = await auth.rename(name.control.value.trim());
      if (store.user) store.user.name = user.name;
      for (const el of document.querySelectorAll('.account-name')) el.textContent = user.name;
      name.setError(null);
      toast(ACCOUNT.nameSaved, { kind: 'success' });
    } catch (err) {
      if (!showFieldErrors(err, { name })) toastError(err);
    } finally {
      nameSave.disabled = false;
    }
  });
  const current = field(
    ACCOUNT.current,
    h('input', {
      class: 'input',
      type: 'password',
      autocomplete: 'current-password',
      'data-testid': 'pw-current',
    }),
  );
  const next = field(
    ACCOUNT.next,
    h('input', {
      class: 'input',
      type: 'password',
      autocomplete: 'new-password',
      'data-testid': 'pw-next',
    }),
    ACCOUNT.nextHint,
  );
  const save = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', 'data-testid': 'pw-save' },
    ACCOUNT.passwordSave,
  );
  const form = h(
    'form',
    { class: 'card section stack', novalidate: true, 'aria-label': ACCOUNT.password },
    h('h2', { class: 'section-title' }, ACCOUNT.password),
    // Password managers pair the new password with this account.
    h('input', {
      type: 'email',
      value: store.user?.email ?? '',
      autocomplete: 'username',
      hidden: true,
      'aria-hidden': 'true',
      tabindex: '-1',
    }),
    current.el,
    next.el,
    h('div', { class: 'form-actions' }, save),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      await auth.changePassword(current.control.value, next.control.value);
      current.control.value = '';
      next.control.value = '';
      showFieldErrors(null, { current, password: next });
      toast(ACCOUNT.passwordSaved, { kind: 'success' });
    } catch (err) {
      if (!showFieldErrors(err, { current, password: next })) toastError(err);
    } finally {
      save.disabled = false;
    }
  });
  const everywhere = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-reject',
      'data-testid': 'sign-out-everywhere',
      onclick: async () => {
        try {
          await auth.logoutEverywhere();
          signedOut(ACCOUNT.signedOutEverywhere);
        } catch (err) {
          toastError(err);
        }
      },
    },
    ACCOUNT.everywhere,
  );
  mount(
    main,
    h(
      'div',
      { class: 'page page-narrow' },
      pageHead(ACCOUNT.title, store.user?.email ?? ''),
      nameForm,
      form,
      h(
        'section',
        { class: 'card section stack', 'aria-label': ACCOUNT.everywhere },
        h('h2', { class: 'section-title' }, ACCOUNT.everywhere),
        h('p', { class: 'muted' }, ACCOUNT.everywhereHint),
        h('div', null, everywhere),
      ),
    ),
  );
  document.body.dataset.ready = 'true';
  return { unmount() {} };
}
