// Screens before sign-in: the first-run page (while Parley has no account, it creates the
// admin) and the invitation page (a one-time link from an admin creates a moderator account).
// Both sign the new user in and hand over to the dashboard.
import { ApiError, auth } from './api.js';
import { h, mount } from './dom.js';
import { field, showFieldErrors } from './forms.js';
import { COMMON, SETUP } from './strings.js';
import type { Session } from './types.js';

function card(title: string, hint: string, ...body: HTMLElement[]): HTMLElement {
  return h(
    'main',
    { class: 'login-wrap' },
    h(
      'div',
      { class: 'login-card stack' },
      h(
        'div',
        { class: 'brand brand-login' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'),
        COMMON.product,
      ),
      h('h1', { id: 'setup-title' }, title),
      h('p', { class: 'muted' }, hint),
      ...body,
    ),
  );
}

function accountForm(opts: {
  withEmail: boolean;
  submitLabel: string;
  testid: string;
  send: (input: { email: string; name: string; password: string }) => Promise<Session>;
  done: (s: Session) => void;
}): HTMLFormElement {
  const name = field(
    SETUP.name,
    h('input', { class: 'input', autocomplete: 'name', 'data-testid': 'setup-name' }),
  );
  const email = field(
    SETUP.email,
    h('input', {
      class: 'input',
      type: 'email',
      autocomplete: 'username',
      'data-testid': 'setup-email',
    }),
  );
  const password = field(
    SETUP.password,
    h('input', {
      class: 'input',
      type: 'password',
      autocomplete: 'new-password',
      'data-testid': 'setup-password',
    }),
    SETUP.passwordHint,
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'setup-submit' },
    opts.submitLabel,
  );
  const form = h(
    'form',
    {
      class: 'stack',
      novalidate: true,
      'data-testid': opts.testid,
      'aria-labelledby': 'setup-title',
    },
    name.el,
    opts.withEmail ? email.el : null,
    password.el,
    error,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      opts.done(
        await opts.send({
          name: name.control.value.trim(),
          email: email.control.value.trim(),
          password: password.control.value,
        }),
      );
    } catch (err) {
      if (!showFieldErrors(err, { name, email, password })) {
        error.textContent = err instanceof Error ? err.message : String(err);
        error.hidden = false;
      }
      submit.disabled = false;
    }
  });
  return form;
}

export function showSetup(
  root: HTMLElement,
  csrfToken: string,
  onSignedIn: (s: Session) => void,
): void {
  document.title = COMMON.setupTitle;
  const form = accountForm({
    withEmail: true,
    submitLabel: SETUP.submit,
    testid: 'setup-form',
    send: (input) => auth.setup(csrfToken, input),
    done: onSignedIn,
  });
  mount(root, card(SETUP.title, SETUP.hint, form));
  document.body.dataset.view = 'setup';
  document.body.dataset.ready = 'true';
  form.querySelector<HTMLElement>('input')?.focus();
}

export async function showInvitation(
  root: HTMLElement,
  token: string,
  onSignedIn: (s: Session) => void,
): Promise<void> {
  document.title = COMMON.joinTitle;
  document.body.dataset.view = 'invite';
  try {
    const { invitation } = await auth.invitation(token);
    const form = accountForm({
      withEmail: false,
      submitLabel: SETUP.inviteSubmit,
      testid: 'invite-form',
      send: ({ name, password }) => auth.acceptInvitation(token, { name, password }),
      done: (s) => {
        history.replaceState(null, '', '/moderate');
        onSignedIn(s);
      },
    });
    mount(root, card(SETUP.inviteTitle, SETUP.inviteHint(invitation.email, invitation.role), form));
    form.querySelector<HTMLElement>('input')?.focus();
  } catch (err) {
    const message =
      err instanceof ApiError && err.code === 'INVITATION_INVALID'
        ? SETUP.inviteInvalid
        : err instanceof Error
          ? err.message
          : String(err);
    mount(
      root,
      card(
        SETUP.inviteTitle,
        message,
        h('a', { class: 'btn btn-plain', href: '/moderate' }, COMMON.signIn),
      ),
    );
  }
  document.body.dataset.ready = 'true';
}
