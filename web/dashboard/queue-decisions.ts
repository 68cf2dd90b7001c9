// Decisions on the queue page: optimistic (the card leaves at once and comes back if the server
// says no), one at a time or in bulk for the checked cards, bans, and undo through the audit log.
import { moderation } from './api.js';
import { openBanDialog } from './ban-dialog.js';
import type { CardAction } from './queue-item.js';
import type { QueueList } from './queue-list.js';
import { countDelta } from './queue-logic.js';
import { store, storeChanged } from './store.js';
import { count, QUEUE } from './strings.js';
import { toast, toastError } from './toast.js';
import type { Action, ModerationItem, Queue, QueueCounts } from './types.js';
import { undoViaAudit, type UndoTarget } from './undo.js';

const NOUN: Record<Action, string> = QUEUE.noun;
const DONE: Record<Action, string> = QUEUE.done;

/** One undoable step of this moderator: a decision, a ban, or a bulk decision. */
interface UndoStep {
  label: string;
  site: string | null;
  targets: UndoTarget[];
  /** Closes the step's "… · Undo" toast once it is undone. */
  dismiss?: () => void;
}

// Module-level so undo survives switching tabs and pages.
const undoStack: UndoStep[] = [];

export interface DecisionsHost {
  list: QueueList;
  /** Takes a card out of the list (and refills it when few are left). */
  take(id: string): { item: ModerationItem; index: number } | null;
  /** Puts a comment where it belongs in the current view; false when it does not belong. */
  place(item: ModerationItem, opts: { force: boolean }): boolean;
}

export interface Decisions {
  /** Ids with a request in flight; true once someone else's decision on it arrived. */
  readonly inFlight: Map<string, boolean>;
  /** When our own undo brought each comment back. */
  readonly restoredAt: Map<string, number>;
  act(id: string, action: CardAction): void;
  bulk(action: Action): Promise<void>;
  /** Undoes `step`, or the latest step. */
  undo(step?: UndoStep): Promise<void>;
}

export function queueDecisions({ list, take, place }: DecisionsHost): Decisions {
  const inFlight = new Map<string, boolean>();
  const restoredAt = new Map<string, number>();
  // Decisions still waiting for their answer: "u" pressed right after "a" means that decision,
  // whose undo step exists only once the server has answered.
  const settling = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    settling.add(p);
    void p.finally(() => settling.delete(p));
  };

  /** Optimistic counts; the next queue:counts from the server replaces them. */
  function applyCounts(item: ModerationItem, action: Action, sign: 1 | -1): void {
    const delta = countDelta(item.comment, action);
    const bump = (counts: QueueCounts | null | undefined) => {
      if (!counts) return;
      for (const [q, d] of Object.entries(delta))
        counts[q as Queue] = Math.max(0, counts[q as Queue] + sign * d);
    };
    bump(store.siteCounts.get(item.post.site));
    bump(store.listCounts);
    storeChanged();
  }

  function pushUndo(step: UndoStep, message: string, kind: 'success' | 'error' = 'success'): void {
    undoStack.push(step);
    step.dismiss = toast(message, {
      kind,
      action: { label: QUEUE.undo, run: () => void undo(step) },
    });
  }

  function act(id: string, action: CardAction): void {
    const item = list.items[list.indexOf(id)];
    if (!item) return;
    if (action === 'ban') {
      ban(item);
      return;
    }
    inFlight.set(id, false);
    const { index } = take(id)!;
    applyCounts(item, action, 1);
    const who = item.comment.authorName;
    const answered = moderation
      .act(id, action)
      .then(({ auditId }) =>
        pushUndo(
          {
            label: QUEUE.undoOne(NOUN[action], who),
            site: item.post.site,
            targets: [{ id, action, auditId }],
          },
          QUEUE.doneOne(DONE[action], who),
        ),
      )
      .catch((err: unknown) => {
        applyCounts(item, action, -1);
        if (inFlight.get(id)) return void toast(QUEUE.handledElsewhere, { kind: 'info' });
        list.insertAt(item, index);
        list.select(id);
        toastError(err, QUEUE.actFailed(action));
      })
      .finally(() => inFlight.delete(id));
    track(answered);
  }

  function ban(item: ModerationItem): void {
    openBanDialog(item, (b, alsoReject) => {
      const what = b.kind === 'ip' ? QUEUE.ipOf(item.comment.authorName) : b.value;
      const until = b.expiresAt ? QUEUE.until(new Date(b.expiresAt).toLocaleDateString()) : '';
      pushUndo(
        { label: QUEUE.banUndo(what), site: b.site, targets: [{ id: b.id, action: 'ban.create' }] },
        QUEUE.banned(what, until),
      );
      if (alsoReject && list.indexOf(item.comment.id) >= 0) act(item.comment.id, 'reject');
    });
  }

  async function bulk(action: Action): Promise<void> {
    const chosen = list.items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => list.checked.has(item.comment.id));
    if (chosen.length === 0) return;
    const ids = chosen.map((c) => c.item.comment.id);
    let answered = () => {};
    track(new Promise<void>((resolve) => (answered = resolve)));
    for (const { item } of chosen) {
      inFlight.set(item.comment.id, false);
      take(item.comment.id);
      applyCounts(item, action, 1);
    }
    const restore = (which: typeof chosen) => {
      for (const { item, index } of which) {
        applyCounts(item, action, -1);
        if (!inFlight.get(item.comment.id)) list.insertAt(item, index);
      }
    };
    try {
      const { results } = await moderation.bulk(ids, action);
      const failed = new Set(results.filter((r) => !r.ok).map((r) => r.id));
      restore(chosen.filter(({ item }) => failed.has(item.comment.id)));
      const done = chosen.filter(({ item }) => !failed.has(item.comment.id));
      const auditIds = new Map(results.map((r) => [r.id, r.auditId]));
      if (done.length === 0) return void toast(QUEUE.bulkNothing(failed.size), { kind: 'error' });
      const sites = new Set(done.map(({ item }) => item.post.site));
      const n = count(done.length, 'comment');
      pushUndo(
        {
          label: QUEUE.undoMany(NOUN[action], n),
          site: sites.size === 1 ? [...sites][0]! : null,
          targets: done.map(({ item }) => ({
            id: item.comment.id,
            action,
            auditId: auditIds.get(item.comment.id),
          })),
        },
        QUEUE.doneMany(DONE[action], n, failed.size),
        failed.size ? 'error' : 'success',
      );
    } catch (err) {
      restore(chosen);
      toastError(err, QUEUE.bulkFailed);
    } finally {
      for (const id of ids) inFlight.delete(id);
      answered();
    }
  }

  async function undo(step?: UndoStep): Promise<void> {
    if (!step && settling.size > 0) await Promise.allSettled([...settling]);
    const target = step ?? undoStack.at(-1);
    if (!target) return void toast(QUEUE.nothingToUndo);
    const at = undoStack.indexOf(target);
    if (at < 0) return;
    undoStack.splice(at, 1);
    target.dismiss?.();
    try {
      const { comments } = await undoViaAudit(target.targets, target.site);
      let first: string | null = null;
      for (const item of comments) {
        restoredAt.set(item.comment.id, Date.now());
        if (place(item, { force: true })) first = item.comment.id;
      }
      if (first) list.select(first);
      toast(QUEUE.undone(target.label), { kind: 'info' });
    } catch (err) {
      toastError(err, QUEUE.undoFailed);
    }
  }

  return { inFlight, restoredAt, act, bulk, undo };
}
