// Small pieces the owner pages share: labelled fields with their error line, a confirmation
// dialog that says what will happen, a one-field prompt, and a read-only snippet with a copy
// button. Field errors come from the API's `fields`.
import { ApiError } from './api.js';
import { openDialog } from './dialog.js';
import { h, type Child } from './dom.js';
import { COMMON, SITES } from './strings.js';
import { toast } from './toast.js';

let uid = 0;

export interface Field {
  el: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  setError(msg: string | null): void;
}

export function field(
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hint = '',
): Field {
  const id = control.id || `f${++uid}`;
  control.id = id;
  const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
  control.setAttribute('aria-describedby', `${id}-err${hint ? ` ${id}-hint` : ''}`);
  const el = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    err,
  );
  return {
    el,
    control,
    setError(msg) {
      err.textContent = msg ?? '';
      err.hidden = !msg;
      if (msg) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** Shows the API's per-field messages beside the fields; true when any was shown. */
export function showFieldErrors(err: unknown, fields: Record<string, Field>): boolean {
  for (const f of Object.values(fields)) f.setError(null);
  if (!(err instanceof ApiError) || !err.fields) return false;
  let shown = false;
  for (const [key, msg] of Object.entries(err.fields)) {
    const f = fields[key] ?? fields[key.split('.')[0]!];
    if (f) {
      f.setError(msg);
      if (!shown) f.control.focus();
      shown = true;
    }
  }
  return shown;
}

export function confirmDialog(opts: {
  title: string;
  body: Child;
  confirm: string;
  danger?: boolean;
  testid: string;
  run: () => Promise<void>;
}): void {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const ok = h(
    'button',
    {
      type: 'button',
      class: `btn ${opts.danger ? 'btn-reject' : 'btn-primary'}`,
      'data-testid': 'confirm',
    },
    opts.confirm,
  );
  const cancel = h('button', { type: 'button', class: 'btn btn-plain' }, COMMON.cancel);
  const dialog = openDialog({
    title: opts.title,
    testid: opts.testid,
    body: h(
      'div',
      { class: 'stack' },
      h('p', null, opts.body),
      error,
      h('div', { class: 'dialog-actions' }, cancel, ok),
    ),
  });
  cancel.addEventListener('click', () => dialog.close());
  ok.addEventListener('click', async () => {
    ok.disabled = true;
    try {
      await opts.run();
      dialog.close();
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
      error.hidden = false;
      ok.disabled = false;
    }
  });
}

export function promptDialog(opts: {
  title: string;
  label: string;
  value: string;
  type?: string;
  testid: string;
  save: (value: string) => Promise<void>;
}): void {
  const input = h('input', { class: 'input', type: opts.type ?? 'text', value: opts.value });
  const f = field(opts.label, input);
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, COMMON.save);
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    f.el,
    h('div', { class: 'dialog-actions' }, save),
  );
  const dialog = openDialog({ title: opts.title, testid: opts.testid, body: form });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      await opts.save(input.value.trim());
      dialog.close();
    } catch (err) {
      if (!showFieldErrors(err, { title: f, url: f }))
        f.setError(err instanceof Error ? err.message : String(err));
      save.disabled = false;
    }
  });
}

/** A read-only code block with a Copy button. */
export function copyBox(label: string, text: string, testid: string, hint = ''): HTMLElement {
  const id = `c${++uid}`;
  const code = h(
    'textarea',
    {
      class: 'input snippet mono',
      id,
      readonly: true,
      rows: Math.min(6, text.split('\n').length + 1),
      spellcheck: 'false',
      'data-testid': testid,
    },
    text,
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(SITES.copied, { kind: 'success' });
    } catch {
      code.select();
      toast(SITES.copyFailed, { kind: 'error' });
    }
  };
  return h(
    'div',
    { class: 'field' },
    h(
      'div',
      { class: 'row wrap snippet-head' },
      h('label', { for: id }, label),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-sm btn-plain',
          'data-testid': `${testid}-copy`,
          onclick: () => void copy(),
        },
        SITES.copy,
      ),
    ),
    hint ? h('p', { class: 'hint' }, hint) : null,
    code,
  );
}
