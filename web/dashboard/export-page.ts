// Export (admins): a site's comments as a download (Parley JSON lines, WordPress WXR), and a
// commenter's data requests: download everything one email wrote, or erase it for good.
import { defaultSite, pageHead, sitePicker } from './admin-common.js';
import { ApiError, dataRequests, type ErasureSummary } from './api.js';
import { openDialog } from './dialog.js';
import { h, mount } from './dom.js';
import type { Page } from './router.js';
import { toast, toastError } from './toast.js';
import { EXPORT } from './strings.js';

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
              EXPORT.downloadParleyExportJsonl,
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
              EXPORT.downloadForWordpressWxr,
            ),
          ]
        : h('p', { class: 'muted' }, EXPORT.thereIsNoSite),
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
    emailError.textContent = EXPORT.giveTheCommenterS;
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
      toast(EXPORT.downloadedTheCommenterS, { kind: 'success' });
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
      EXPORT.eraseForGood,
    );
    typed.addEventListener('input', () => {
      go.disabled = typed.value.trim().toLowerCase() !== value.toLowerCase();
    });
    const form = h(
      'form',
      { class: 'stack' },
      h('p', null, EXPORT.everyCommentWrittenWith, h('strong', null, value), EXPORT.eraseBody),
      h(
        'div',
        { class: 'field field-check' },
        removeBodies,
        h('label', { for: 'erase-bodies' }, EXPORT.alsoRemoveTheText),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'erase-confirm' }, EXPORT.typeTheEmailAgain),
        typed,
      ),
      h('div', { class: 'form-actions' }, go),
    );
    const dialog = openDialog({
      title: EXPORT.eraseACommenter,
      testid: 'erase-dialog',
      body: form,
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      go.disabled = true;
      try {
        const { erased } = await dataRequests.erase(value, removeBodies.checked);
        dialog.close();
        mount(result, summary(erased));
        toast(EXPORT.erasedToast(erased.comments), { kind: 'success' });
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
      pageHead(EXPORT.export, EXPORT.takeYourCommentsElsewhere, picker),
      h(
        'fieldset',
        { class: 'card section stack-sm' },
        h('legend', null, EXPORT.siteExport),
        h('p', { class: 'muted' }, EXPORT.siteExportHint),
        links,
      ),
      h(
        'fieldset',
        { class: 'card section stack-sm' },
        h('legend', null, EXPORT.commenterData),
        h('p', { class: 'muted' }, EXPORT.forACommenterS),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'commenter-email' }, EXPORT.commenterSEmail),
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
            EXPORT.downloadTheirData,
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
            EXPORT.erase,
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
  return h('p', { class: 'hint' }, EXPORT.erasedSummary(e));
}
