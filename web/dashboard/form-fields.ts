// A form's named fields: the input builders, a labelled field with its hint and error line,
// reading a value back by name, and placing a 400's field errors beside their inputs
// (settings.moderationWords.3 → the moderationWords field; the longest known prefix wins).
import { h } from './dom.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export const num = (value: number, attrs: Record<string, number | string>) =>
  h('input', { type: 'number', class: 'input input-num', value, ...attrs });

export const check = (value: boolean) => {
  const c = h('input', { type: 'checkbox' });
  c.checked = value;
  return c;
};

export const select = (value: string, options: readonly (readonly [string, string])[]) =>
  h(
    'select',
    { class: 'input' },
    options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)),
  );

/** One entry per line. */
export const area = (value: string[], rows = 4) => {
  const t = h('textarea', { class: 'input', rows, spellcheck: 'false' });
  t.value = value.join('\n');
  return t;
};

const lines = (v: string) =>
  v
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export class FormFields {
  private readonly controls = new Map<string, Control>();
  private readonly errors = new Map<string, HTMLElement>();

  /** `hintFor(name)` gives a field's one-line explanation when the call does not. */
  constructor(private readonly hintFor: (name: string) => string = () => '') {}

  field(name: string, label: string, control: Control, explicitHint = ''): HTMLElement {
    const hint = explicitHint || this.hintFor(name);
    const id = `s-${name.replace(/\W/g, '-')}`;
    control.id = id;
    control.name = name;
    this.controls.set(name, control);
    const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
    this.errors.set(name, err);
    control.setAttribute('aria-describedby', `${id}-err${hint ? ` ${id}-hint` : ''}`);
    const isCheck = control instanceof HTMLInputElement && control.type === 'checkbox';
    return h(
      'div',
      { class: `field${isCheck ? ' field-check' : ''}`, 'data-field': name },
      isCheck
        ? h('label', { for: id, class: 'check-row' }, control, h('span', null, label))
        : h('label', { for: id }, label),
      isCheck ? null : control,
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      err,
    );
  }

  /** A control laid out by the caller (a table cell), read back and marked invalid by name. */
  control(name: string, control: Control, ariaLabel: string): Control {
    control.name = name;
    control.setAttribute('aria-label', ariaLabel);
    this.controls.set(name, control);
    return control;
  }

  /** An error line for a group of controls (`name.*` errors land here). */
  errorLine(name: string): HTMLElement {
    const err = h('p', { class: 'field-error', hidden: true });
    this.errors.set(name, err);
    return err;
  }

  has(name: string): boolean {
    return this.controls.has(name);
  }

  value(name: string): unknown {
    const c = this.controls.get(name);
    if (!c) return undefined;
    if (c instanceof HTMLInputElement && c.type === 'checkbox') return c.checked;
    if (c instanceof HTMLInputElement && c.type === 'number')
      return c.value.trim() === '' ? null : Number(c.value);
    if (c instanceof HTMLTextAreaElement) return lines(c.value);
    return c.value.trim();
  }

  clearErrors(): void {
    for (const el of this.errors.values()) el.hidden = true;
    for (const c of this.controls.values()) c.removeAttribute('aria-invalid');
  }

  /** Shows each error beside its field, focuses the first; returns the messages with no field. */
  showErrors(fields: Record<string, string>): string[] {
    const unplaced: string[] = [];
    let first: Control | null = null;
    for (const [key, message] of Object.entries(fields)) {
      const target = [...this.errors.keys()]
        .filter((k) => key === k || key.startsWith(`${k}.`))
        .sort((a, b) => b.length - a.length)[0];
      const el = target && this.errors.get(target);
      if (!target || !el) {
        unplaced.push(message);
        continue;
      }
      el.textContent = message;
      el.hidden = false;
      const control = this.controls.get(key) ?? this.controls.get(target);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? null;
    }
    first?.focus();
    return unplaced;
  }
}
