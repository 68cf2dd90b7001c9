// Reading the audit log and undoing an entry. Undo replays the entry's `before` state: a
// comment's status/body/reportedAt (and its reports' resolution), a created ban removed, a
// deleted ban re-created. It refuses when the target changed since, rather than clobber it.
import { isUniqueViolation } from '../db/errors.js';
import type { AuditEntryView, UndoResult } from '../contracts/moderation-api.js';
import { assertCanModerateSite, currentUserNames, type Actor } from '../auth/index.js';
import { getSiteRefs } from '../sites/index.js';
import { setCommentStatus } from '../comments/index.js';
import { decodeOptionalCursor, encodeCursor } from '../cursor.js';
import { uuidv7 } from '../ids.js';
import { loadItem, writeBody, type ActionDeps } from './actions.service.js';
import { readBanSnapshot, readCommentSnapshot, readSnapshotObject } from './audit-snapshots.js';
import { logModeratorAction } from './action-log.js';
import { clearUndone, getAudit, insertAudit, listAudit, markUndone } from './audit.repo.js';
import { deleteBan, getBan, insertBan } from './bans.repo.js';
import { toBanViews, type BanDeps } from './bans.service.js';
import { AuditEntryNotFoundError, UndoNotPossibleError } from './moderation.errors.js';
import type { ModerationItem } from './moderation-item.js';
import { getCommentState } from './moderation.repo.js';
import { setReportsResolved } from './reports.repo.js';
import { siteScope } from './site-scope.js';

export type UndoDeps = ActionDeps & BanDeps;

type AuditRow = NonNullable<Awaited<ReturnType<typeof getAudit>>>;

export async function listAuditEntries(
  deps: BanDeps,
  actor: Actor,
  query: { site?: string; cursor?: string; limit: number },
): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  // Admins without a site filter also see entries on no site (users).
  const siteIds =
    actor.role === 'admin' && !query.site ? null : await siteScope(deps, actor, query.site);
  const after = decodeOptionalCursor(query.cursor);
  const rows = await listAudit(deps.db, siteIds, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const slugs = new Map((await getSiteRefs(deps.db)).map((s) => [s.id, s.slug]));
  const last = page.at(-1);
  // Who acted, by the account's name today (renamed accounts read right in old entries).
  const names = await currentUserNames(deps.db, [
    ...new Set(page.map((r) => r.actorId).filter((id): id is string => !!id)),
  ]);
  return {
    entries: page.map((r) => ({
      ...toEntryView(r, r.siteId ? (slugs.get(r.siteId) ?? null) : null),
      actor: { id: r.actorId, name: (r.actorId && names.get(r.actorId)) || r.actorName },
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

function toEntryView(r: AuditRow, site: string | null): AuditEntryView {
  return {
    id: r.id,
    action: r.action,
    actor: { id: r.actorId, name: r.actorName },
    site,
    targetType: r.targetType,
    targetId: r.targetId,
    before: r.before ?? null,
    after: r.after ?? null,
    createdAt: r.createdAt.toISOString(),
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoneById: r.undoneById,
  };
}

export async function undoAuditEntry(
  deps: UndoDeps,
  actor: Actor,
  entryId: string,
): Promise<UndoResult> {
  const entry = await getAudit(deps.db, entryId);
  if (!entry) throw new AuditEntryNotFoundError();
  if (!entry.siteId) throw new UndoNotPossibleError('This kind of change cannot be undone.');
  assertCanModerateSite(actor, entry.siteId);
  assertUndoable(entry);

  // Claim the entry first, so two moderators clicking undo together replay it once.
  const undoId = uuidv7();
  if (!(await markUndone(deps.db, entry.id, undoId, new Date())))
    throw new UndoNotPossibleError('This action was already undone.');
  let result: UndoResult;
  try {
    result =
      entry.targetType === 'comment'
        ? await undoCommentChange(deps, entry)
        : await undoBanChange(deps, entry);
  } catch (err) {
    await clearUndone(deps.db, entry.id);
    throw err;
  }
  await insertAudit(deps.db, {
    id: undoId,
    siteId: entry.siteId,
    actor,
    action: 'undo',
    targetType: entry.targetType as 'comment' | 'ban',
    targetId: entry.targetId,
    before: readSnapshotObject(entry.after),
    after: {
      ...readSnapshotObject(entry.before),
      undoes: entry.id,
      undoneAction: entry.action,
    },
  });
  if (entry.targetId)
    logModeratorAction(
      deps.log,
      actor,
      `undo ${entry.action}`,
      entry.targetType === 'comment' ? { commentId: entry.targetId } : { banId: entry.targetId },
      entry.siteId,
    );
  return result;
}

function assertUndoable(entry: AuditRow): void {
  if (entry.undoneAt) throw new UndoNotPossibleError('This action was already undone.');
  if (entry.action === 'undo')
    throw new UndoNotPossibleError('An undo cannot itself be undone; repeat the action instead.');
  if (entry.targetType !== 'comment' && entry.targetType !== 'ban') {
    throw new UndoNotPossibleError('This kind of change cannot be undone.');
  }
}

async function undoCommentChange(deps: UndoDeps, entry: AuditRow): Promise<UndoResult> {
  const commentId = entry.targetId!;
  const before = readCommentSnapshot(entry.before);
  const after = readCommentSnapshot(entry.after);
  const current = await getCommentState(deps.db, commentId);
  if (!current) throw new UndoNotPossibleError('The comment no longer exists.');
  if (
    (after.status && current.status !== after.status) ||
    (after.body !== undefined && current.body !== after.body)
  ) {
    throw new UndoNotPossibleError('The comment changed since; undo the later action first.');
  }
  if (before.status) {
    const reportedAt = before.reportedAt ? new Date(before.reportedAt) : null;
    await setCommentStatus(deps, commentId, before.status, { reportedAt });
  }
  if (before.body !== undefined) await writeBody(deps, commentId, before.body);
  if (after.resolvedReportIds?.length)
    await setReportsResolved(deps.db, after.resolvedReportIds, null);
  return { comment: await loadItem(deps.db, commentId) };
}

async function undoBanChange(deps: UndoDeps, entry: AuditRow): Promise<UndoResult> {
  if (entry.action === 'ban.create') {
    if (!(await deleteBan(deps.db, entry.targetId!)))
      throw new UndoNotPossibleError('That ban was already lifted.');
    return { ban: null };
  }
  const b = readBanSnapshot(entry.before);
  if (!b) throw new UndoNotPossibleError('This entry does not say what the ban was.');
  if (await getBan(deps.db, b.id)) throw new UndoNotPossibleError('That ban exists again already.');
  try {
    const ban = await insertBan(deps.db, {
      ...b,
      expiresAt: b.expiresAt ? new Date(b.expiresAt) : null,
      createdAt: new Date(b.createdAt),
    });
    return { ban: (await toBanViews(deps.db, [ban]))[0]! };
  } catch (err) {
    if (isUniqueViolation(err)) throw new UndoNotPossibleError('An equal ban was created since.');
    throw err;
  }
}
