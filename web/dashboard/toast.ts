// Toasts in one polite live region: action results ("Approved · Undo"), errors, and "Handled by
// someone else". At most MAX_TOASTS stay on screen; each fades after a few seconds.
import { h } from './dom.js';
import { COMMON } from './strings.js';

const MAX_TOASTS = 3;
let region: HTMLElement | null = null;

function regionEl(): HTMLElement {
  if (!region) {
    region = h('div', {
      class: 'toasts',
      role: 'status',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
    });
    document.body.appendChild(region);
  }
  return region;
}

export interface ToastOptions {
  kind?: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void };
  ms?: number;
}

/** Shows a toast; returns a function that dismisses it early. */
export function toast(message: string, opts: ToastOptions = {}): () => void {
  const kind = opts.kind ?? 'info';
  const el = h(
    'div',
    { class: `toast toast-${kind}`, 'data-testid': 'toast', 'data-kind': kind },
    h('span', { class: 'toast-text' }, message),
  );
  let timer = 0;
  const dismiss = () => {
    window.clearTimeout(timer);
    el.classList.add('toast-out');
    window.setTimeout(() => el.remove(), 160);
  };
  if (opts.action) {
    const { label, run } = opts.action;
    el.appendChild(
      h(
        'button',
        {
          type: 'button',
          class: 'toast-action',
          onclick: () => {
            dismiss();
            run();
          },
        },
        label,
      ),
    );
  }
  el.appendChild(
    h(
      'button',
      { type: 'button', class: 'toast-close', 'aria-label': COMMON.dismiss, onclick: dismiss },
      '×',
    ),
  );
  const r = regionEl();
  r.appendChild(el);
  while (r.children.length > MAX_TOASTS) r.firstElementChild?.remove();
  timer = window.setTimeout(dismiss, opts.ms ?? (kind === 'error' ? 8000 : 5000));
  return dismiss;
}

export function toastError(err: unknown, prefix = ''): void {
  const message = err instanceof Error ? err.message : COMMON.somethingWrong;
  toast(prefix ? `${prefix} ${message}` : message, { kind: 'error' });
}

/** Drops every toast: a page change or sign-out leaves none about the page before. */
export function clearToasts(): void {
  region?.replaceChildren();
}
