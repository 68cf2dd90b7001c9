// Dashboard-wide state: who is signed in, the queue filters (kept in the URL), and the queue
// counts, live per site from the socket or from the last list response.
import { QUEUES, type Queue, type QueueCounts, type Sort, type User } from './types.js';

export interface Filters {
  queue: Queue;
  site: string;
  post: string;
  q: string;
  author: string;
  sort: Sort;
}

export const store = {
  user: null as User | null,
  filters: { queue: 'pending', site: '', post: '', q: '', author: '', sort: 'oldest' } as Filters,
  /** Counts per site slug from `queue:counts`. */
  siteCounts: new Map<string, QueueCounts>(),
  /** Counts from the last queue page (they honour post, q and author filters). */
  listCounts: null as QueueCounts | null,
  live: 'connecting' as 'connecting' | 'live' | 'offline',
};

const listeners = new Set<() => void>();

/** Re-render hooks for the sidebar (counts, live status). */
export function onStoreChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function storeChanged(): void {
  for (const fn of listeners) fn();
}

export function isAdmin(): boolean {
  return store.user?.role === 'admin';
}

function hasNarrowingFilters(f: Filters): boolean {
  return Boolean(f.post || f.q || f.author);
}

/** The counts to show: live per-site counts unless post/search/author filters narrow the list. */
export function displayCounts(): QueueCounts | null {
  const f = store.filters;
  if (hasNarrowingFilters(f)) return store.listCounts;
  if (f.site) return store.siteCounts.get(f.site) ?? store.listCounts;
  const sites = store.user?.sites ?? [];
  if (sites.length === 0 || !sites.every((s) => store.siteCounts.has(s))) return store.listCounts;
  const sum = Object.fromEntries(QUEUES.map((q) => [q, 0])) as QueueCounts;
  for (const s of sites) for (const q of QUEUES) sum[q] += store.siteCounts.get(s)![q] ?? 0;
  return sum;
}

/** Optimistic count change for a decision on one comment of `site`; the socket corrects it. */
export function bumpCount(site: string, queue: Queue, delta: number): void {
  const live = store.siteCounts.get(site);
  if (live) live[queue] = Math.max(0, live[queue] + delta);
  if (store.listCounts) store.listCounts[queue] = Math.max(0, store.listCounts[queue] + delta);
  storeChanged();
}

const SORTS: Sort[] = ['oldest', 'newest', 'priority'];

export function filtersFromUrl(search: string): Filters {
  const p = new URLSearchParams(search);
  const queue = p.get('queue') as Queue | null;
  const sort = p.get('sort') as Sort | null;
  const sites = store.user?.sites ?? [];
  const site = p.get('site') ?? '';
  return {
    queue: queue && QUEUES.includes(queue) ? queue : 'pending',
    site: sites.includes(site) ? site : '',
    post: p.get('post') ?? '',
    q: p.get('q') ?? '',
    author: p.get('author') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'oldest',
  };
}

export function filtersToSearch(f: Filters): string {
  const p = new URLSearchParams();
  if (f.queue !== 'pending') p.set('queue', f.queue);
  if (f.site) p.set('site', f.site);
  if (f.post) p.set('post', f.post);
  if (f.q) p.set('q', f.q);
  if (f.author) p.set('author', f.author);
  if (f.sort !== 'oldest') p.set('sort', f.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}
