// Undo through the audit log. Decisions answer with their audit entry id, which is undone
// directly; for bans (which do not), the entry is found again: the newest one by this
// moderator on that target and action that is not undone yet.
import { moderation } from './api.js';
import { store } from './store.js';
import type { BanView, ModerationItem } from './types.js';

export interface UndoTarget {
  /** Comment id, or ban id for ban.create / ban.delete. */
  id: string;
  action: string;
  /** The audit entry the action answered with, when it did. */
  auditId?: string;
}

export interface UndoOutcome {
  comments: ModerationItem[];
  bans: (BanView | null)[];
}

export async function undoViaAudit(
  targets: UndoTarget[],
  site: string | null,
): Promise<UndoOutcome> {
  const entries = targets.every((t) => t.auditId)
    ? []
    : (await moderation.audit({ site: site ?? undefined, limit: 200 })).entries;
  const me = store.user?.id;
  const out: UndoOutcome = { comments: [], bans: [] };
  // Newest first, so a bulk step unwinds in reverse.
  for (const t of [...targets].reverse()) {
    const entryId =
      t.auditId ??
      entries.find(
        (e) => e.targetId === t.id && e.action === t.action && e.actor.id === me && !e.undoneAt,
      )?.id;
    if (!entryId) throw new Error('That action is no longer in the recent audit log.');
    const res = await moderation.undo(entryId);
    if (res.comment) out.comments.push(res.comment);
    if (res.ban !== undefined) out.bans.push(res.ban);
  }
  return out;
}
