// The sign-in screen. Errors say what happened: a refused sign-in (the server answers the same
// for a wrong password, an unknown email and a locked account), too many attempts from this
// network, or no connection.
import { ApiError, auth } from './api.js';
import { h, mount } from './dom.js';
import { COMMON, LOGIN } from './strings.js';
import type { Session } from './types.js';

function messageFor(err: unknown): string {
  if (!(err instanceof ApiError)) return LOGIN.failed;
  switch (err.code) {
    case 'INVALID_CREDENTIALS':
      return err.message;
    case 'RATE_LIMITED':
      return LOGIN.rateLimited;
    case 'VALIDATION_FAILED':
      return err.fields ? Object.values(err.fields).join(' ') : err.message;
    default:
      return err.message;
  }
}

export function showLogin(root: HTMLElement, onSignedIn: (s: Session) => void, notice = ''): void {
  const email = h('input', {
    id: 'login-email',
    name: 'email',
    type: 'email',
    class: 'input',
    autocomplete: 'username',
    required: true,
    'data-testid': 'login-email',
    'aria-describedby': 'login-error',
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    class: 'input',
    autocomplete: 'current-password',
    required: true,
    'data-testid': 'login-password',
    'aria-describedby': 'login-error',
  });
  const error = h('p', {
    id: 'login-error',
    class: 'form-error',
    role: 'alert',
    'data-testid': 'login-error',
    hidden: true,
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'login-submit' },
    LOGIN.submit,
  );
  const form = h(
    'form',
    {
      class: 'login-card',
      'data-testid': 'login-form',
      novalidate: true,
      'aria-labelledby': 'login-title',
    },
    h(
      'div',
      { class: 'brand brand-login' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'),
      COMMON.product,
    ),
    h('h1', { id: 'login-title' }, LOGIN.title),
    notice ? h('p', { class: 'notice' }, notice) : null,
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, LOGIN.email), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, LOGIN.password), password),
    error,
    submit,
  );

  const showError = (msg: string, field?: HTMLInputElement) => {
    error.textContent = msg;
    error.hidden = false;
    email.setAttribute('aria-invalid', String(field === email || !field));
    password.setAttribute('aria-invalid', String(field === password || !field));
    (field ?? password).focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!email.value.trim()) return showError(LOGIN.noEmail, email);
    if (!password.value) return showError(LOGIN.noPassword, password);
    submit.disabled = true;
    submit.textContent = LOGIN.submitting;
    try {
      const session = await auth.login(email.value.trim(), password.value);
      onSignedIn(session);
    } catch (err) {
      password.value = '';
      showError(
        messageFor(err),
        err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.fields?.email
          ? email
          : undefined,
      );
    } finally {
      submit.disabled = false;
      submit.textContent = LOGIN.submit;
    }
  });

  document.title = COMMON.signInTitle;
  mount(
    root,
    h(
      'main',
      { class: 'login-wrap' },
      form,
      h('p', { class: 'login-foot muted small' }, LOGIN.foot),
    ),
  );
  email.focus();
  document.body.dataset.view = 'login';
  delete document.body.dataset.ready;
}
