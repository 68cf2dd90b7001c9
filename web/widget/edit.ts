// The author's in-place editor. For a while after posting, the author's own comment (its edit
// token and typed text remembered in localStorage) can be changed; the server screens the edit
// again, so the answer may be "awaiting moderation".
import type { EditCommentResult } from '../shared/api-types.js';
import { ApiError, type Api } from './api.js';
import { esc } from './format.js';
import type { EditStore } from './storage.js';
import { t } from './strings.js';

export interface EditHost {
  api: Api;
  edits: EditStore;
  /** Ids with a PATCH in flight: a live "removed" for one of them is the edit's own doing. */
  saving: Set<string>;
  /** Shows the saved comment in place of `article`; returns the new article. */
  saved(article: HTMLElement, result: EditCommentResult): HTMLElement | null;
  announce(text: string): void;
}

/** Opens the editor in place of the comment's text (or focuses the open one). */
export function openEdit(host: EditHost, article: HTMLElement): void {
  const open = article.querySelector<HTMLTextAreaElement>('.edit textarea');
  if (open) {
    open.focus();
    return;
  }
  const id = article.getAttribute('data-comment-id')!;
  const entry = host.edits.get(id);
  if (!entry) {
    showExpired(article);
    return;
  }

  const txt = article.querySelector<HTMLElement>('.txt')!;
  const acts = article.querySelector<HTMLElement>('.acts');
  const key = id.replace(/[^\w-]/g, '');
  const form = document.createElement('form');
  form.className = 'edit';
  form.noValidate = true;
  form.setAttribute('data-testid', 'edit-form');
  form.innerHTML =
    `<label class="sr" for="p-eb-${key}">${esc(t('editLabel'))}</label>` +
    `<textarea class="in" id="p-eb-${key}" name="body" rows="5" required aria-required="true" data-testid="edit-body"></textarea>` +
    `<p class="ferr" id="p-eb-${key}-err" data-testid="edit-error" hidden></p>` +
    `<div class="ferror" role="alert" data-testid="edit-form-error"></div>` +
    `<div class="row"><button type="submit" class="btn sm" data-testid="edit-save"><span class="spin" aria-hidden="true"></span><span class="lbl">${esc(t('editSave'))}</span></button>` +
    `<button type="button" class="btn sm ghost" data-testid="edit-cancel">${esc(t('editCancel'))}</button></div>`;
  const q = <T extends Element>(sel: string) => form.querySelector(sel) as T;
  const ta = q<HTMLTextAreaElement>('textarea');
  const fieldErr = q<HTMLElement>('.ferr');
  const formErr = q<HTMLElement>('.ferror');
  const save = q<HTMLButtonElement>('[type=submit]');
  ta.value = entry.body;
  txt.hidden = true;
  if (acts) acts.hidden = true;
  txt.after(form);
  ta.focus();
  ta.setSelectionRange(ta.value.length, ta.value.length);

  const close = (focusEdit: boolean) => {
    form.remove();
    txt.hidden = false;
    if (acts) acts.hidden = false;
    if (focusEdit) article.querySelector<HTMLElement>('[data-act=edit]')?.focus();
  };
  const setFieldError = (msg: string) => {
    fieldErr.textContent = msg;
    fieldErr.hidden = !msg;
    if (msg) {
      ta.setAttribute('aria-invalid', 'true');
      ta.setAttribute('aria-describedby', fieldErr.id);
      ta.focus();
    } else {
      ta.removeAttribute('aria-invalid');
      ta.removeAttribute('aria-describedby');
    }
  };
  const setBusy = (busy: boolean) => {
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    save.setAttribute('aria-disabled', String(busy));
    save.setAttribute('aria-busy', String(busy));
    save.querySelector('.lbl')!.textContent = t(busy ? 'editSaving' : 'editSave');
  };

  q<HTMLElement>('[data-testid=edit-cancel]').onclick = () => close(true);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  ta.addEventListener('input', () => {
    if (ta.hasAttribute('aria-invalid')) setFieldError('');
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (host.saving.has(id)) return;
    const body = ta.value.trim();
    formErr.textContent = '';
    if (!body) return setFieldError(t('bodyRequired'));
    const current = host.edits.get(id);
    if (!current) {
      close(false);
      return showExpired(article);
    }
    // Unchanged text: nothing to screen or store.
    if (body === current.body) return close(true);
    host.saving.add(id);
    setBusy(true);
    host.api
      .editComment(id, { body, editToken: current.editToken })
      .then((result) => {
        host.edits.set(id, { ...current, body });
        const next = host.saved(article, result);
        next?.querySelector<HTMLElement>('[data-act=edit]')?.focus();
        host.announce(t(result.status === 'pending' ? 'editSavedPending' : 'editSaved'));
      })
      .catch((err: unknown) => {
        setBusy(false);
        if (!(err instanceof ApiError)) {
          formErr.textContent = t('errGeneric');
          return;
        }
        if (err.status === 403) {
          host.edits.remove(id);
          close(false);
          return showExpired(article);
        }
        if (err.fields?.body) return setFieldError(err.fields.body);
        formErr.textContent =
          err.code === 'NETWORK' ? t('errNetwork') : err.message || t('errGeneric');
      })
      .finally(() => host.saving.delete(id));
  });
}

/** Takes the Edit button away and says why; focus goes to the note (the button is gone). */
export function showExpired(article: HTMLElement): void {
  removeEditButton(article);
  if (article.querySelector('[data-testid=edit-expired]')) return;
  const note = document.createElement('p');
  note.className = 'thanks';
  note.setAttribute('role', 'status');
  note.setAttribute('data-testid', 'edit-expired');
  note.tabIndex = -1;
  note.textContent = t('editExpired');
  article.querySelector('.slot')!.before(note);
  note.focus();
}

/** Removes the Edit button (and the actions row if it held nothing else). */
export function removeEditButton(article: HTMLElement): void {
  const button = article.querySelector<HTMLElement>('[data-act=edit]');
  if (!button) return;
  const row = button.parentElement!;
  const hadFocus =
    button.getRootNode() instanceof ShadowRoot &&
    (button.getRootNode() as ShadowRoot).activeElement === button;
  button.remove();
  if (!row.firstElementChild) row.remove();
  if (hadFocus) article.focus({ preventScroll: true });
}
