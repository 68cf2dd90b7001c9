// Last part of a Parley-format import: what Parley's own export carries beyond posts and
// comments. After the threads are written, the staged settings, spam counts, reports, bans and
// audit entries are written into the target site, their references mapped to what this import
// created there (a report's comment, an audit entry's target). Every write is keyed (a report by
// comment and reporter, a ban by kind and value, an entry by an id derived from the target site
// and its source id), so a re-run or a resumed job writes nothing twice.
//
// Settings: the export's values win key by key over the target site's; keys the export does not
// carry keep the target's value; keys this version does not know, or values it rejects, are
// dropped. Spam counts: copied only when the target site has none of its own (counts are not
// added up: a second import must not count the same decisions twice).
import { createHash } from 'node:crypto';
import { readSiteSettings } from '../contracts/site-settings.js';
import { inTransaction, type Db, type Prisma } from '../db/database.js';
import type { SiteView } from '../sites/index.js';
import { RestoreRecordSchema, type RestoreRecord } from './formats/index.js';
import { markStagedSkipped } from './import.repo.js';
import {
  createSpamModelIfMissing,
  getCommentsByImportKey,
  getPostsBySourceKey,
  getSiteSettings,
  getStagedRestore,
  restoreAudit,
  restoreBan,
  restoreReport,
  saveSiteSettings,
} from './import-restore.repo.js';

const PAGE = 500;

export interface RestoreResult {
  restored: number;
  skipped: number;
  settingsChanged: boolean;
}

/** The id a restored report, ban or audit entry gets in the target site: stable across runs. */
export function restoredId(siteId: string, type: string, sourceId: string): string {
  const h = createHash('sha256').update(`${siteId}\0${type}\0${sourceId}`).digest('hex');
  // UUID-shaped (version 8: custom), so it sorts and prints like the ids around it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function writeRestored(db: Db, jobId: string, site: SiteView): Promise<RestoreResult> {
  const result: RestoreResult = { restored: 0, skipped: 0, settingsChanged: false };
  let after = 0;
  for (;;) {
    const page = await getStagedRestore(db, jobId, after, PAGE);
    if (page.length === 0) break;
    after = page.at(-1)!.seq;
    const records: { seq: number; record: RestoreRecord['record'] }[] = [];
    const bad: number[] = [];
    for (const row of page) {
      const parsed = RestoreRecordSchema.safeDecode(JSON.parse(row.data));
      if (parsed.success) records.push({ seq: row.seq, record: parsed.data.record });
      else bad.push(row.seq);
    }
    const refs = await references(db, site.id, records);
    await inTransaction(db, async (tx) => {
      if (bad.length > 0) await markStagedSkipped(tx, jobId, bad, 'the record is malformed');
      const missing: number[] = [];
      for (const { seq, record } of records) {
        const ok = await writeOne(tx, site, record, refs, result);
        if (ok) result.restored++;
        else missing.push(seq);
      }
      if (missing.length > 0)
        await markStagedSkipped(tx, jobId, missing, 'its comment is not in this import');
      result.skipped += bad.length + missing.length;
    });
  }
  return result;
}

interface References {
  comments: Map<string, string>;
  posts: Map<string, string>;
}

/** Target ids of the comments and posts a page of records names (by their source ids). */
async function references(
  db: Db,
  siteId: string,
  records: { record: RestoreRecord['record'] }[],
): Promise<References> {
  const commentIds = new Set<string>();
  const postIds = new Set<string>();
  for (const { record } of records) {
    if (record.type === 'report') commentIds.add(record.commentId);
    if (record.type === 'audit' && record.targetId) {
      if (record.targetType === 'comment') commentIds.add(record.targetId);
      if (record.targetType === 'post') postIds.add(record.targetId);
    }
  }
  const comments = await getCommentsByImportKey(
    db,
    siteId,
    [...commentIds].map((id) => `parley:${id}`),
  );
  const posts = await getPostsBySourceKey(
    db,
    siteId,
    [...postIds].map((id) => `parley:${id}`),
  );
  return {
    comments: new Map(comments.map((c) => [c.importKey!.slice('parley:'.length), c.id])),
    posts: new Map(posts.map((p) => [p.key.slice('parley:'.length), p.postId])),
  };
}

async function writeOne(
  tx: Prisma.TransactionClient,
  site: SiteView,
  record: RestoreRecord['record'],
  refs: References,
  result: RestoreResult,
): Promise<boolean> {
  switch (record.type) {
    case 'settings': {
      const row = await getSiteSettings(tx, site.id);
      const current =
        row?.settings && typeof row.settings === 'object' && !Array.isArray(row.settings)
          ? (row.settings as Record<string, unknown>)
          : {};
      const merged: Record<string, unknown> = { ...current, ...record.settings };
      const valid = readSiteSettings(merged) as Record<string, unknown>;
      // Only keys that were given and survived validation are stored: the rest keep defaulting.
      const kept = Object.fromEntries(
        Object.keys(merged)
          .filter((k) => k in valid && JSON.stringify(valid[k]) === JSON.stringify(merged[k]))
          .map((k) => [k, valid[k]]),
      ) as Prisma.InputJsonObject;
      if (JSON.stringify(kept) !== JSON.stringify(current)) {
        await saveSiteSettings(tx, site.id, kept);
        result.settingsChanged = true;
      }
      return true;
    }
    case 'spam-model':
      await createSpamModelIfMissing(tx, site.id, record.counts as Prisma.InputJsonValue);
      return true;
    case 'report': {
      const commentId = refs.comments.get(record.commentId);
      if (!commentId) return false;
      await restoreReport(tx, {
        id: restoredId(site.id, 'report', record.id),
        commentId,
        siteId: site.id,
        reason: record.reason,
        note: record.note,
        ipHash: record.ipHash,
        createdAt: record.createdAt,
        resolvedAt: record.resolvedAt,
      });
      return true;
    }
    case 'ban':
      await restoreBan(tx, {
        id: restoredId(site.id, 'ban', record.id),
        siteId: site.id,
        kind: record.kind,
        value: record.value,
        reason: record.reason,
        expiresAt: record.expiresAt,
        createdById: record.createdById,
        createdAt: record.createdAt,
      });
      return true;
    case 'audit':
      await restoreAudit(tx, {
        id: restoredId(site.id, 'audit', record.id),
        siteId: site.id,
        // Accounts are not exported: the actor's id is kept as it was, its name says who it was.
        actorId: record.actorId,
        actorName: record.actorName,
        action: record.action,
        targetType: record.targetType,
        targetId: auditTarget(site, record, refs),
        before: (record.before ?? undefined) as Prisma.InputJsonValue | undefined,
        after: (record.after ?? undefined) as Prisma.InputJsonValue | undefined,
        undoneAt: record.undoneAt,
        undoneById: record.undoneById && restoredId(site.id, 'audit', record.undoneById),
        createdAt: record.createdAt,
      });
      return true;
  }
}

/** An audit entry's target in the target site: mapped where the import created it, else as it was. */
function auditTarget(
  site: SiteView,
  record: Extract<RestoreRecord['record'], { type: 'audit' }>,
  refs: References,
): string | null {
  const id = record.targetId;
  if (!id) return null;
  switch (record.targetType) {
    case 'comment':
      return refs.comments.get(id) ?? id;
    case 'post':
      return refs.posts.get(id) ?? id;
    case 'site':
      return site.id;
    case 'ban':
      return restoredId(site.id, 'ban', id);
    default:
      return id;
  }
}
