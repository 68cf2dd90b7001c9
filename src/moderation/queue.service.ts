// Listing a moderation queue: filters, counts per queue, and three sorts. "priority" ranks
// like Disqus: most reports, then the highest toxicity/spam score, then first-time authors,
// then oldest; computed in memory over the oldest PRIORITY_WINDOW candidates.
import type { QueuePage } from '../contracts/moderation-api.js';
import type { Actor } from '../auth/index.js';
import { decodeOptionalCursor, encodeCursor, decodeOffset, encodeOffset } from '../cursor.js';
import type { Db } from '../db/database.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import {
  historyOf,
  loadHistories,
  toModerationItems,
  type ModerationItem,
} from './moderation-item.js';
import type { QueueQuery } from './moderation.schema.js';
import {
  countQueues,
  getModerationRows,
  getPriorityCandidates,
  getQueuePage,
  type Queue,
  type QueueFilter,
} from './queue.repo.js';
import { siteScope } from './site-scope.js';

export const PRIORITY_WINDOW = 500;

export interface QueueDeps {
  db: Db;
  sites: SiteDirectory;
  hasher: Hasher;
}

export async function listQueue(
  deps: QueueDeps,
  actor: Actor,
  query: QueueQuery,
): Promise<QueuePage> {
  const filter: QueueFilter = {
    siteIds: await siteScope(deps, actor, query.site),
    postSlug: query.post,
    authorHash: query.author ? deps.hasher.author(query.author) : undefined,
    q: query.q,
  };
  const [page, counts] = await Promise.all([
    query.sort === 'priority'
      ? priorityPage(deps.db, query, filter)
      : chronologicalPage(deps.db, query, filter),
    countQueues(deps.db, filter),
  ]);
  return { ...page, counts };
}

async function chronologicalPage(db: Db, query: QueueQuery, filter: QueueFilter) {
  const after = decodeOptionalCursor(query.cursor);
  const sort = query.sort === 'newest' ? 'newest' : 'oldest';
  const rows = await getQueuePage(db, query.queue, filter, sort, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toModerationItems(db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

async function priorityPage(db: Db, query: QueueQuery, filter: QueueFilter) {
  const offset = query.cursor ? decodeOffset(query.cursor) : 0;
  const candidates = await getPriorityCandidates(db, query.queue, filter, PRIORITY_WINDOW);
  const histories = await loadHistories(db, candidates);
  const ranked = [...candidates].sort((a, b) =>
    comparePriority(
      { ...a, firstTime: historyOf(histories, a.siteId, a.authorHash).approved === 0 },
      { ...b, firstTime: historyOf(histories, b.siteId, b.authorHash).approved === 0 },
    ),
  );
  const ids = ranked.slice(offset, offset + query.limit).map((c) => c.id);
  const rows = await getModerationRows(db, ids);
  const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
  const next = offset + query.limit;
  return {
    items: await toModerationItems(db, ordered),
    nextCursor: next < ranked.length ? encodeOffset(next) : null,
  };
}

export interface PriorityFacts {
  id: string;
  reportCount: number;
  toxicityScore: number | null;
  spamScore: number | null;
  firstTime: boolean;
  createdAt: Date;
}

/** Negative when `a` should be reviewed before `b`. */
export function comparePriority(a: PriorityFacts, b: PriorityFacts): number {
  const risk = (c: PriorityFacts) => Math.max(c.toxicityScore ?? 0, c.spamScore ?? 0);
  return (
    b.reportCount - a.reportCount ||
    risk(b) - risk(a) ||
    Number(b.firstTime) - Number(a.firstTime) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}
