// Export (admins): a site's comments as a download (Parley JSON lines, WordPress WXR), and a
// commenter's data requests: download everything one email wrote, or erase it for good.
import { defaultSite, pageHead, sitePicker } from './admin-common.js';
import { ApiError, dataRequests, type ErasureSummary } from './api.js';
import { openDialog } from './dialog.js';
import { h, mount, plural } from './dom.js';
import type { Page } from './router.js';
import { toast, toastError } from './toast.js';

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountExportPage(main: HTMLElement): Page {
  let site = defaultSite();
  const links = h('div', { class: 'form-actions' });
  const renderLinks = () =>
    mount(
      links,
      site
        ? [
            h(
              'a',
              {
                class: 'btn btn-primary',
                href: dataRequests.siteExportUrl(site, 'parley'),
                download: '',
                'data-testid': 'export-parley',
              },
              'Download Parley export (.jsonl)',
            ),
            ' ',
            h(
              'a',
              {
                class: 'btn btn-plain',
                href: dataRequests.siteExportUrl(site, 'wxr'),
                download: '',
                'data-testid': 'export-wxr',
              },
              'Download for WordPress (WXR .xml)',
            ),
          ]
        : h('p', { class: 'muted' }, 'There is no site to export yet.'),
    );
  renderLinks();
  const picker = sitePicker({
    value: site,
    all: false,
    onChange: (s) => {
      site = s;
      renderLinks();
    },
  });

  const email = h('input', {
    type: 'email',
    class: 'input',
    id: 'commenter-email',
    'data-testid': 'commenter-email',
    autocomplete: 'off',
    required: true,
    maxlength: 320,
    placeholder: 'reader@example.com',
  });
  const emailError = h('p', {
    class: 'field-error',
    'data-testid': 'commenter-email-error',
    hidden: true,
  });
  const result = h('div', { 'data-testid': 'erase-result', role: 'status' });
  const showError = (err: unknown) => {
    const message = err instanceof ApiError && err.fields?.email ? err.fields.email : null;
    emailError.textContent = message ?? '';
    emailError.hidden = !message;
    if (!message) toastError(err);
  };
  const valueOrComplain = (): string | null => {
    emailError.hidden = true;
    if (email.value.trim() && email.checkValidity()) return email.value.trim();
    emailError.textContent = 'Give the commenter’s email.';
    emailError.hidden = false;
    email.focus();
    return null;
  };

  const downloadData = async () => {
    const value = valueOrComplain();
    if (!value) return;
    try {
      const blob = await dataRequests.commenterData(value);
      saveBlob(blob, `parley-commenter-data-${new Date().toISOString().slice(0, 10)}.json`);
      toast('Downloaded the commenter’s data.', { kind: 'success' });
    } catch (err) {
      showError(err);
    }
  };

  const confirmErase = () => {
    const value = valueOrComplain();
    if (!value) return;
    const removeBodies = h('input', {
      type: 'checkbox',
      id: 'erase-bodies',
      'data-testid': 'erase-bodies',
    });
    const typed = h('input', {
      type: 'text',
      class: 'input',
      id: 'erase-confirm',
      'data-testid': 'erase-confirm',
      autocomplete: 'off',
    });
    const go = h(
      'button',
      { type: 'submit', class: 'btn btn-reject', 'data-testid': 'erase-go', disabled: true },
      'Erase for good',
    );
    typed.addEventListener('input', () => {
      go.disabled = typed.value.trim().toLowerCase() !== value.toLowerCase();
    });
    const form = h(
      'form',
      { class: 'stack' },
      h(
        'p',
        null,
        'Every comment written with ',
        h('strong', null, value),
        ' on every site loses its email, name (it becomes “Deleted user”), IP hash, browser and website; ' +
          'the audit log and the spam filter’s lessons forget them too. Replies stay in place. ' +
          'This cannot be undone.',
      ),
      h(
        'div',
        { class: 'field field-check' },
        removeBodies,
        h('label', { for: 'erase-bodies' }, 'Also remove the text of their comments'),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'erase-confirm' }, 'Type the email again to confirm'),
        typed,
      ),
      h('div', { class: 'form-actions' }, go),
    );
    const dialog = openDialog({ title: 'Erase a commenter', testid: 'erase-dialog', body: form });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      go.disabled = true;
      try {
        const { erased } = await dataRequests.erase(value, removeBodies.checked);
        dialog.close();
        mount(result, summary(erased));
        toast(`Erased ${plural(erased.comments, 'comment')}.`, { kind: 'success' });
      } catch (err) {
        dialog.close();
        showError(err);
      }
    });
  };

  mount(
    main,
    h(
      'div',
      { class: 'page page-narrow stack', 'data-testid': 'export-page' },
      pageHead(
        'Export',
        'Take your comments elsewhere, or answer a commenter’s data request.',
        picker,
      ),
      h(
        'fieldset',
        { class: 'card section stack-sm' },
        h('legend', null, 'Site export'),
        h(
          'p',
          { class: 'muted' },
          'The Parley export holds everything (posts, comments with their status and screening, ' +
            'bans, audit log, settings) and imports back into Parley; the WXR file imports into ' +
            'WordPress (Tools → Import → WordPress). Both hold commenters’ emails: keep them safe.',
        ),
        links,
      ),
      h(
        'fieldset',
        { class: 'card section stack-sm' },
        h('legend', null, 'Commenter data'),
        h(
          'p',
          { class: 'muted' },
          'For a commenter’s request under data-protection law: download everything they wrote, or erase it.',
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'commenter-email' }, 'Commenter’s email'),
          email,
          emailError,
        ),
        h(
          'div',
          { class: 'form-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-plain',
              'data-testid': 'commenter-export',
              onclick: downloadData,
            },
            'Download their data',
          ),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-reject',
              'data-testid': 'commenter-erase',
              onclick: confirmErase,
            },
            'Erase…',
          ),
        ),
        result,
      ),
    ),
  );
  document.body.dataset.ready = 'true';
  return { unmount() {} };
}

function summary(e: ErasureSummary): HTMLElement {
  return h(
    'p',
    { class: 'hint' },
    `Erased ${plural(e.comments, 'comment')}${e.sites.length ? ` on ${e.sites.join(', ')}` : ''}; ` +
      `text ${e.bodies}, ${plural(e.bansLifted, 'ban')} lifted, ` +
      `${plural(e.auditEntriesScrubbed, 'audit entry', 'audit entries')} cleaned.`,
  );
}
