// Storage of a Parley-format restore: the staged settings, spam counts, reports, bans and audit
// entries, the lookups that map their references into the target site, and idempotent writes
// (each keyed so that importing the same file again changes nothing).
import type { Db, DbClient, Prisma } from '../db/database.js';

export function getStagedRestore(db: Db, jobId: string, afterSeq: number, take: number) {
  return db.importStaged.findMany({
    where: { jobId, kind: 'restore', seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take,
    select: { seq: true, data: true },
  });
}

/** Comments this site imported, by import key ("parley:<source id>"). */
export function getCommentsByImportKey(db: DbClient, siteId: string, importKeys: string[]) {
  return db.comment.findMany({
    where: { siteId, importKey: { in: importKeys } },
    select: { id: true, importKey: true },
  });
}

/** Posts this site imported, by source key ("parley:<source id>"). */
export function getPostsBySourceKey(db: DbClient, siteId: string, keys: string[]) {
  return db.importSource.findMany({
    where: { siteId, key: { in: keys } },
    select: { key: true, postId: true },
  });
}

export function getSiteSettings(db: DbClient, siteId: string) {
  return db.site.findUnique({ where: { id: siteId }, select: { settings: true } });
}

export async function saveSiteSettings(
  db: DbClient,
  siteId: string,
  settings: Prisma.InputJsonValue,
): Promise<void> {
  await db.site.update({ where: { id: siteId }, data: { settings }, select: { id: true } });
}

/** Creates the site's spam counts unless it has its own already (returns whether it did). */
export async function createSpamModelIfMissing(
  db: DbClient,
  siteId: string,
  counts: Prisma.InputJsonValue,
): Promise<boolean> {
  const existing = await db.spamModel.findUnique({ where: { siteId }, select: { siteId: true } });
  if (existing) return false;
  await db.spamModel.create({ data: { siteId, counts }, select: { siteId: true } });
  return true;
}

export async function restoreReport(
  db: DbClient,
  data: {
    id: string;
    commentId: string;
    siteId: string;
    reason: string;
    note: string | null;
    ipHash: string;
    createdAt: Date;
    resolvedAt: Date | null;
  },
): Promise<void> {
  await db.report.upsert({
    where: { commentId_ipHash: { commentId: data.commentId, ipHash: data.ipHash } },
    create: data,
    update: {},
    select: { id: true },
  });
}

export async function restoreBan(
  db: DbClient,
  data: {
    id: string;
    siteId: string;
    kind: string;
    value: string;
    reason: string | null;
    expiresAt: Date | null;
    createdById: string | null;
    createdAt: Date;
  },
): Promise<void> {
  // A ban the target site already has (same kind and value) stays as it is.
  await db.ban.upsert({
    where: { siteId_kind_value: { siteId: data.siteId, kind: data.kind, value: data.value } },
    create: data,
    update: {},
    select: { id: true },
  });
}

export async function restoreAudit(
  db: DbClient,
  data: {
    id: string;
    siteId: string;
    actorId: string | null;
    actorName: string | null;
    action: string;
    targetType: string;
    targetId: string | null;
    before: Prisma.InputJsonValue | undefined;
    after: Prisma.InputJsonValue | undefined;
    undoneAt: Date | null;
    undoneById: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await db.auditLog.upsert({
    where: { id: data.id },
    create: data,
    update: {},
    select: { id: true },
  });
}
