// A tiny element builder. Text always goes in as text nodes, so nothing a commenter wrote can
// become markup; the only HTML the dashboard parses is comment html, in render.ts.

import { relativeTime } from '../shared/relative-time.js';
import { TIME } from './strings.js';

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((e: Event) => void)>;

/** `h('button', { class: 'btn', onclick: fn, 'data-testid': 'x' }, 'Label')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
      else if (value === true) el.setAttribute(key, '');
      else if (value !== false && value !== null && value !== undefined)
        el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(selector);
}

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "just now". */
export function timeAgo(iso: string, now = Date.now()): string {
  return relativeTime(rtf, iso, now) ?? TIME.justNow;
}

export function fullDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** 95 → "1 min 35 s"; 7200 → "2 h". */
export function duration(seconds: number): string {
  if (seconds < 60) return TIME.seconds(seconds);
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s ? TIME.minutesSeconds(m, s) : TIME.minutes(m);
  }
  if (seconds < 86_400) {
    const hours = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return m ? TIME.hoursMinutes(hours, m) : TIME.hours(hours);
  }
  return TIME.days((seconds / 86_400).toFixed(1));
}

/** "1 report", "3 reports" (Intl.PluralRules, through strings.ts). */
export { count as plural } from './strings.js';
