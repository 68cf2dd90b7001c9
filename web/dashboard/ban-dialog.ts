// "Ban…" on a comment: ban its author by email, IP (the server derives the IP hash from the
// comment, so no raw address is shown) or email domain, optionally until a date.
import { ApiError, moderation } from './api.js';
import { openDialog } from './dialog.js';
import { h } from './dom.js';
import type { BanView, ModerationItem } from './types.js';
import { BAN_DIALOG } from './strings.js';

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'web.de',
  'aol.com',
]);
const EXPIRIES: [string, string][] = [
  ['', BAN_DIALOG.never],
  ['1', '24 hours'],
  ['7', '7 days'],
  ['30', '30 days'],
  ['365', '1 year'],
  ['custom', BAN_DIALOG.untilADate],
];

export function openBanDialog(
  item: ModerationItem,
  done: (ban: BanView, alsoReject: boolean) => void,
): void {
  const c = item.comment;
  const domain = c.authorEmail.split('@')[1] ?? '';
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const customDate = h('input', {
    type: 'date',
    name: 'until',
    class: 'input',
    'aria-label': BAN_DIALOG.banUntil,
    hidden: true,
  });
  const expiry = h(
    'select',
    { name: 'expiry', class: 'input', id: 'ban-expiry' },
    EXPIRIES.map(([v, l]) => h('option', { value: v }, l)),
  );
  expiry.addEventListener('change', () => {
    customDate.hidden = expiry.value !== 'custom';
    if (!customDate.hidden) customDate.focus();
  });
  const reason = h('input', {
    type: 'text',
    name: 'reason',
    class: 'input',
    id: 'ban-reason',
    maxlength: 500,
    placeholder: BAN_DIALOG.optionalForOtherModerators,
  });
  const alsoReject = h('input', { type: 'checkbox', name: 'reject', id: 'ban-reject' });
  alsoReject.checked = c.status !== 'rejected';
  const kindOption = (value: string, label: string, detail: string, checked = false) =>
    h(
      'label',
      { class: 'radio-card' },
      h('input', {
        type: 'radio',
        name: 'kind',
        value,
        checked,
        'data-testid': `ban-kind-${value}`,
      }),
      h('span', null, h('strong', null, label), h('span', { class: 'muted small block' }, detail)),
    );
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-reject', 'data-testid': 'ban-submit' },
    BAN_DIALOG.banAuthor,
  );
  const form = h(
    'form',
    { class: 'stack', 'data-testid': 'ban-form', novalidate: true },
    h(
      'fieldset',
      { class: 'stack-sm' },
      h('legend', null, BAN_DIALOG.banBy),
      kindOption('email', BAN_DIALOG.emailAddress, c.authorEmail, true),
      kindOption('ip', BAN_DIALOG.ipAddress, BAN_DIALOG.theAddressThisComment),
      kindOption(
        'domain',
        BAN_DIALOG.emailDomain,
        FREE_MAIL.has(domain) ? BAN_DIALOG.domainPublic(domain) : BAN_DIALOG.domain(domain),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'ban-expiry' }, BAN_DIALOG.expires),
      h('div', { class: 'row' }, expiry, customDate),
    ),
    h('div', { class: 'field' }, h('label', { for: 'ban-reason' }, BAN_DIALOG.reason), reason),
    h('label', { class: 'check-row' }, alsoReject, BAN_DIALOG.alsoRejectThisComment),
    error,
    h(
      'div',
      { class: 'dialog-actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-plain', onclick: () => dialog.close() },
        BAN_DIALOG.cancel,
      ),
      submit,
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const kind = (form.querySelector<HTMLInputElement>('input[name=kind]:checked')?.value ??
      'email') as BanView['kind'];
    let expiresAt: string | undefined;
    if (expiry.value === 'custom') {
      if (!customDate.value) return showError(BAN_DIALOG.pickTheDateThe);
      expiresAt = new Date(`${customDate.value}T23:59:59`).toISOString();
    } else if (expiry.value) {
      expiresAt = new Date(Date.now() + Number(expiry.value) * 86_400_000).toISOString();
    }
    submit.disabled = true;
    error.hidden = true;
    try {
      const { ban } = await moderation.createBan({
        site: item.post.site,
        kind,
        commentId: c.id,
        reason: reason.value.trim() || undefined,
        expiresAt,
      });
      dialog.close();
      done(ban, alsoReject.checked);
    } catch (err) {
      const fields =
        err instanceof ApiError && err.fields ? Object.values(err.fields).join(' ') : '';
      showError(fields || (err instanceof Error ? err.message : BAN_DIALOG.couldNotBan));
    } finally {
      submit.disabled = false;
    }
  });
  function showError(msg: string) {
    error.textContent = msg;
    error.hidden = false;
  }
  const dialog = openDialog({
    title: BAN_DIALOG.title(c.authorName),
    testid: 'ban-dialog',
    body: form,
  });
}
