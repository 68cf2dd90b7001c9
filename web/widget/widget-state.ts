// What the widget's parts share: the comment section's elements and state, owned by the Widget
// (widget.ts) and handed to the functions of thread.ts, live-queue.ts, pending-comments.ts and
// own-edits.ts. Plain functions over one object keep embed.js small: a class per part would
// carry its own (unminified) property names.
import type { PublicComment } from '../shared/api-types.js';
import type { Api, Sort } from './api.js';
import type { CommentForm } from './form.js';
import type { DateFormatter } from './format.js';
import type { EditStore, PendingStore } from './storage.js';

export interface WidgetState {
  readonly api: Api;
  readonly shadow: ShadowRoot;
  readonly listEl: HTMLOListElement;
  readonly emptyEl: HTMLElement;
  /** The Oldest / Newest switch. */
  readonly sortEl: HTMLElement;
  readonly moreBtn: HTMLButtonElement;
  readonly newBtn: HTMLButtonElement;
  readonly form: CommentForm;
  readonly dates: DateFormatter;
  readonly pending: PendingStore;
  readonly edits: EditStore;
  /** Live updates are on (not turned off by the page or a test). */
  readonly liveOn: boolean;
  /** Own comments with an edit on its way to the server. */
  readonly saving: Set<string>;
  /** Ids of the comments in the list (pending copies included). */
  readonly shown: Set<string>;
  /** Comments a live event announced (the live count has them already). */
  readonly liveSeen: Set<string>;
  sort: Sort;
  cursor: string | null;
  /** The visible comment count in the heading. */
  count: number;
  /** New comments waiting behind "N new comments", in arrival order. */
  queue: PublicComment[];
  announce(text: string): void;
  /** Puts the form back at the bottom ("Leave a reply"). */
  moveFormHome(focus: boolean): void;
  setHeader(): void;
  loadFirstPage(initial: boolean): Promise<void>;
}

/** A comment's <li>, when shown. */
export function itemOf(w: WidgetState, id: string): HTMLElement | null {
  return w.shadow.getElementById('c-' + id);
}
