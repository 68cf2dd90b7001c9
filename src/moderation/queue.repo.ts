// Moderation queue queries. Each queue is a where-clause over Comment; filters combine with it.
import { containsIgnoringCase, type Db, type Prisma } from '../db/database.js';

export { QUEUES, type Queue } from '../contracts/moderation-api.js';
import type { Queue } from '../contracts/moderation-api.js';

export interface QueueFilter {
  siteIds: string[];
  postSlug?: string;
  /** Author by hashed normalised email (Comment.authorHash): case-insensitive, indexed. */
  authorHash?: string;
  q?: string;
}

export interface CreatedCursor {
  createdAt: Date;
  id: string;
}

const QUEUE_WHERE: Record<Queue, Prisma.CommentWhereInput> = {
  pending: { status: 'pending' },
  toxic: { status: 'pending', toxic: true },
  spam: { status: 'spam' },
  reported: { reportedAt: { not: null }, status: { in: ['approved', 'pending'] } },
  approved: { status: 'approved' },
  rejected: { status: 'rejected' },
};

export const MODERATION_SELECT = {
  id: true,
  siteId: true,
  status: true,
  body: true,
  html: true,
  authorName: true,
  authorEmail: true,
  authorHash: true,
  authorWebsite: true,
  ipHash: true,
  userAgent: true,
  createdAt: true,
  editedAt: true,
  decidedAt: true,
  reportedAt: true,
  reportCount: true,
  toxic: true,
  toxicityScore: true,
  spamScore: true,
  screening: true,
  post: { select: { slug: true, title: true, url: true, site: { select: { slug: true } } } },
  parent: { select: { id: true, authorName: true, html: true } },
  reports: {
    select: { reason: true, note: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  },
} as const satisfies Prisma.CommentSelect;

export type ModerationRow = Prisma.CommentGetPayload<{ select: typeof MODERATION_SELECT }>;

export function filterWhere(db: Db, f: QueueFilter): Prisma.CommentWhereInput {
  return {
    siteId: { in: f.siteIds },
    ...(f.postSlug && { post: { slug: f.postSlug } }),
    ...(f.authorHash && { authorHash: f.authorHash }),
    ...(f.q && {
      OR: [{ body: containsIgnoringCase(db, f.q) }, { authorName: containsIgnoringCase(db, f.q) }],
    }),
  };
}

export function queueWhere(db: Db, queue: Queue, f: QueueFilter): Prisma.CommentWhereInput {
  return { AND: [filterWhere(db, f), QUEUE_WHERE[queue]] };
}

/** One page in creation order, keyset-paged on (createdAt, id). */
export function getQueuePage(
  db: Db,
  queue: Queue,
  f: QueueFilter,
  sort: 'oldest' | 'newest',
  take: number,
  after: CreatedCursor | null,
): Promise<ModerationRow[]> {
  const dir = sort === 'oldest' ? 'asc' : 'desc';
  const beyond = sort === 'oldest' ? 'gt' : 'lt';
  const page: Prisma.CommentWhereInput | undefined = after
    ? {
        OR: [
          { createdAt: { [beyond]: after.createdAt } },
          { createdAt: after.createdAt, id: { [beyond]: after.id } },
        ],
      }
    : undefined;
  return db.comment.findMany({
    where: { AND: [queueWhere(db, queue, f), ...(page ? [page] : [])] },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take,
    select: MODERATION_SELECT,
  });
}

/** The oldest `take` candidates of a queue with what the priority sort needs. */
export function getPriorityCandidates(db: Db, queue: Queue, f: QueueFilter, take: number) {
  return db.comment.findMany({
    where: queueWhere(db, queue, f),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    select: {
      id: true,
      siteId: true,
      authorHash: true,
      reportCount: true,
      toxicityScore: true,
      spamScore: true,
      createdAt: true,
    },
  });
}

export function getModerationRows(db: Db, ids: string[]): Promise<ModerationRow[]> {
  return db.comment.findMany({ where: { id: { in: ids } }, select: MODERATION_SELECT });
}

export async function getModerationRow(db: Db, id: string): Promise<ModerationRow | null> {
  return db.comment.findUnique({ where: { id }, select: MODERATION_SELECT });
}

/** How many comments each queue holds under the same filters. */
export async function countQueues(db: Db, f: QueueFilter): Promise<Record<Queue, number>> {
  const base = filterWhere(db, f);
  const [byStatus, toxic, reported] = await Promise.all([
    db.comment.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
    db.comment.count({ where: queueWhere(db, 'toxic', f) }),
    db.comment.count({ where: queueWhere(db, 'reported', f) }),
  ]);
  const of = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  return {
    pending: of('pending'),
    toxic,
    spam: of('spam'),
    reported,
    approved: of('approved'),
    rejected: of('rejected'),
  };
}

/** Which of these authors confirmed their email address (reply-mail double opt-in). */
export async function getVerifiedAuthors(db: Db, authorHashes: string[]): Promise<Set<string>> {
  if (authorHashes.length === 0) return new Set();
  const rows = await db.mailAddress.findMany({
    where: { authorHash: { in: authorHashes }, verifiedAt: { not: null } },
    select: { authorHash: true },
  });
  return new Set(rows.map((r) => r.authorHash));
}

/** Comments per (site, author, status) for the given authors. */
export function getAuthorHistory(db: Db, siteIds: string[], authorHashes: string[]) {
  return db.comment.groupBy({
    by: ['siteId', 'authorHash', 'status'],
    where: { siteId: { in: siteIds }, authorHash: { in: authorHashes } },
    _count: { _all: true },
  });
}
