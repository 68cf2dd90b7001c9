// The list of cards: keeps items, their elements, the selected card (keyboard cursor, one at a
// time) and the checked cards (bulk) in step. Cards are rendered once and moved or toggled,
// so live inserts and removals never disturb the rest of the list.
import { h } from './dom.js';
import { renderCard, type CardHandlers } from './queue-item.js';
import type { ModerationItem } from './types.js';

export class QueueList {
  readonly el: HTMLElement;
  items: ModerationItem[] = [];
  selectedId: string | null = null;
  readonly checked = new Set<string>();
  private readonly cards = new Map<string, HTMLElement>();

  constructor(
    label: string,
    private readonly handlers: CardHandlers,
    /** After any change of items or checks (counts, bulk bar, empty state). */
    private readonly changed: () => void,
  ) {
    this.el = h('div', {
      class: 'queue-list',
      // A feed of articles (not a listbox: each card holds its own buttons and links). The
      // keyboard cursor is aria-current on one card.
      role: 'feed',
      'aria-label': label,
      tabindex: '0',
      'data-testid': 'queue-list',
    });
  }

  indexOf(id: string): number {
    return this.items.findIndex((i) => i.comment.id === id);
  }

  /** Replaces everything; keeps the selection when that item is still there. */
  setItems(items: ModerationItem[], keepSelection: boolean): void {
    this.items = items;
    for (const id of [...this.checked]) if (this.indexOf(id) < 0) this.checked.delete(id);
    const keep =
      keepSelection && this.selectedId && this.indexOf(this.selectedId) >= 0
        ? this.selectedId
        : null;
    this.selectedId = keep ?? items[0]?.comment.id ?? null;
    this.cards.clear();
    const frag = document.createDocumentFragment();
    for (const item of items) frag.appendChild(this.card(item));
    this.el.replaceChildren(frag);
    if (this.selectedId) this.cards.get(this.selectedId)?.setAttribute('aria-current', 'true');
    this.changed();
  }

  /** Appends a further page, skipping items already shown. */
  append(items: ModerationItem[]): void {
    const frag = document.createDocumentFragment();
    for (const item of items) {
      if (this.indexOf(item.comment.id) >= 0) continue;
      this.items.push(item);
      frag.appendChild(this.card(item));
    }
    this.el.insertBefore(frag, this.trailer());
    if (!this.selectedId && this.items[0]) this.select(this.items[0].comment.id, false);
    this.changed();
  }

  select(id: string | null, scroll = true): void {
    if (this.selectedId === id) return;
    if (this.selectedId) this.cards.get(this.selectedId)?.removeAttribute('aria-current');
    this.selectedId = id;
    const el = id ? this.cards.get(id) : null;
    if (el) {
      el.setAttribute('aria-current', 'true');
      if (scroll) el.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Moves the selection; returns the new index. */
  move(by: number): number {
    if (this.items.length === 0) return -1;
    const idx = this.selectedId ? this.indexOf(this.selectedId) : -1;
    const next = Math.max(0, Math.min(this.items.length - 1, idx + by));
    this.select(this.items[next]!.comment.id);
    return next;
  }

  /** Takes a card out; the selection moves to the next card (or the previous at the end). */
  remove(id: string): { item: ModerationItem; index: number } | null {
    const index = this.indexOf(id);
    if (index < 0) return null;
    const [item] = this.items.splice(index, 1);
    this.cards.get(id)?.remove();
    this.cards.delete(id);
    this.checked.delete(id);
    if (this.selectedId === id) {
      this.selectedId = null;
      const next = this.items[index] ?? this.items[index - 1];
      this.select(next ? next.comment.id : null);
    }
    this.changed();
    return { item: item!, index };
  }

  insertAt(item: ModerationItem, index: number): void {
    const at = Math.max(0, Math.min(index, this.items.length));
    const before = this.items[at];
    this.items.splice(at, 0, item);
    this.el.insertBefore(
      this.card(item),
      (before && this.cards.get(before.comment.id)) || this.trailer(),
    );
    if (!this.selectedId) this.select(item.comment.id, false);
    this.changed();
  }

  /** Re-renders an item in place; false when it is not in the list. */
  replace(item: ModerationItem): boolean {
    const idx = this.indexOf(item.comment.id);
    if (idx < 0) return false;
    this.items[idx] = item;
    const old = this.cards.get(item.comment.id);
    old?.replaceWith(this.card(item));
    return true;
  }

  setChecked(id: string, on = !this.checked.has(id)): void {
    if (on) this.checked.add(id);
    else this.checked.delete(id);
    const el = this.cards.get(id);
    if (el) {
      el.classList.toggle('is-checked', on);
      const box = el.querySelector<HTMLInputElement>('[data-testid=select-item]');
      if (box) box.checked = on;
    }
    this.changed();
  }

  checkAll(on: boolean): void {
    for (const item of this.items) this.setChecked(item.comment.id, on);
  }

  /** Shows `el` (empty state, error, skeleton) after the cards, or clears it. */
  setTrailer(el: HTMLElement | HTMLElement[] | null): void {
    for (const t of this.el.querySelectorAll(':scope > [data-trailer]')) t.remove();
    for (const t of el === null ? [] : Array.isArray(el) ? el : [el]) {
      t.dataset.trailer = '';
      this.el.appendChild(t);
    }
  }

  private trailer(): Element | null {
    return this.el.querySelector(':scope > [data-trailer]');
  }

  private card(item: ModerationItem): HTMLElement {
    const id = item.comment.id;
    const el = renderCard(
      item,
      { selected: id === this.selectedId, checked: this.checked.has(id) },
      this.handlers,
    );
    el.addEventListener('click', () => this.select(id, false));
    this.cards.set(id, el);
    return el;
  }
}
