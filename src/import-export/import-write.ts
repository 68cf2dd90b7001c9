// Second half of an import: the staged threads are written in file order, each whole. Reads
// (which post, which comments an earlier run wrote, where each reply goes) happen first, a few
// queries for a whole group of threads; then one transaction writes the group's complete
// threads in bulk, the posts' counts and the job's resume point together, so a failure leaves
// no thread half-written and a resumed run starts after the last group that committed. A group
// that fails is retried thread by thread: only the bad thread is skipped, with its reason.
import { renderCommentBody, sanitizeCommentHtml } from '../comments/index.js';
import { inTransaction, type Db } from '../db/database.js';
import { uuidv7 } from '../ids.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteView } from '../sites/index.js';
import {
  CommentRecordSchema,
  ThreadRecordSchema,
  toParleyMarkdown,
  type CommentRecord,
  type ImportFormat,
  type ThreadRecord,
} from './formats/index.js';
import { PLAN_LIMIT, type ImportCounts, type ImportPlan, type PlannedPost } from './import-job.js';
import {
  closePosts,
  createImportedPosts,
  getImportedComments,
  getImportSources,
  getPlacedComment,
  getPostsByIds,
  getPostsBySlugs,
  getPostsByUrls,
  getStagedComments,
  getStagedThreads,
  insertImportedComments,
  markStagedSkipped,
  recountPosts,
  saveImportSources,
  updateImportJob,
  type ImportedCommentRow,
  type PostRow,
} from './import.repo.js';
import { remapUrl, slugForThread, type RemapRule } from './remap.js';
import { z } from 'zod';

/** Threads read per page of the staging table. */
const THREAD_PAGE = 500;
/**
 * A write transaction takes whole threads until it holds about this many comments: SQLite
 * wants few large transactions; this many still commit in well under a second.
 */
const GROUP_COMMENTS = 5_000;

/** How an imported comment is screened when the run asks for it (the site's screener). */
export type ScreenImported = (input: {
  site: SiteView;
  post: { id: string; slug: string; url: string | null };
  record: CommentRecord;
  body: string;
  authorHash: string;
  ipHash: string;
  contentHash: string;
}) => Promise<{
  status: 'approved' | 'pending' | 'spam' | 'rejected';
  details: object;
  toxicityScore: number | null;
  spamScore: number | null;
  toxic: boolean;
}>;

export interface WriteContext {
  db: Db;
  hasher: Hasher;
  jobId: string;
  site: SiteView;
  format: ImportFormat;
  rules: RemapRule[];
  dryRun: boolean;
  screen: ScreenImported | null;
  counts: ImportCounts;
  /** Staged seq of the last committed thread. */
  resumeAfter: number;
  threadsDone: number;
  /** After each commit: these posts' threads changed (cached pages must go). */
  onCommitted(postSlugs: string[], progress: { threadsDone: number; counts: ImportCounts }): void;
  /** Tests: throw inside the transaction of the thread after this many, as a crash would. */
  faultAfterThreads?: number;
  /** Comments per write transaction (whole threads always); GROUP_COMMENTS unless set. */
  groupComments?: number;
}

/** A crash stand-in (tests): it is not retried thread by thread. */
export class ImportInterruptedError extends Error {}

interface StagedThread {
  seq: number;
  record: ThreadRecord;
  comments: { seq: number; record: CommentRecord }[];
}

interface PostTarget {
  id: string;
  slug: string;
  url: string | null;
  closed: boolean;
  created: boolean;
}

interface Placed {
  id: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorName: string;
}

/** What one thread writes, prepared before its transaction. */
interface PreparedThread {
  seq: number;
  commentSeqs: number[];
  sourceKey: string;
  post: PostTarget & {
    title: string;
    publishedAt: Date;
    author: string | null;
    createdAt: Date | null;
  };
  close: boolean;
  rows: ImportedCommentRow[];
  delta: Partial<ImportCounts>;
}

const StoredThread = ThreadRecordSchema.extend({ createdAt: z.coerce.date().nullable() });
const StoredComment = CommentRecordSchema.extend({ createdAt: z.coerce.date() });

export async function writeImport(
  ctx: WriteContext,
): Promise<{ plan: ImportPlan | null; counts: ImportCounts }> {
  const plan: PlannedPost[] = [];
  let truncated = false;
  /** Slugs and URLs this run gave posts it has not committed yet (a dry run commits none). */
  const claimed = new Map<string, PostTarget>();
  for (;;) {
    const page = await loadThreads(ctx.db, ctx.jobId, ctx.resumeAfter);
    if (page.length === 0) break;
    for (const group of groupThreads(page, ctx.groupComments ?? GROUP_COMMENTS)) {
      // The store answers synchronously (SQLite): without this a whole import is one chain of
      // microtasks, and the server's requests, timers and sockets wait for its end.
      await new Promise((resolve) => setImmediate(resolve));
      // Looked up after the previous group committed: what it wrote is found, not claimed.
      const known = await lookUp(ctx, group);
      const prepared: PreparedThread[] = [];
      // a thread its own data breaks (a date out of range, a body the converter chokes on) is
      // skipped with its reason; the file's other threads go on
      const unreadable: Array<{ thread: Skippable; err: unknown }> = [];
      for (const thread of group) {
        try {
          prepared.push(await prepareThread(ctx, thread, known, claimed));
        } catch (err) {
          if (err instanceof ImportInterruptedError) throw err;
          unreadable.push({
            thread: { seq: thread.seq, commentSeqs: thread.comments.map((c) => c.seq) },
            err,
          });
        }
      }
      if (ctx.dryRun) {
        // a dry run writes nothing: a skip only counts
        for (const { thread, err } of unreadable) await skipThread(ctx, thread, err, 'read');
        if (prepared.length === 0) continue;
        for (const p of prepared) {
          if (plan.length < PLAN_LIMIT)
            plan.push({
              url: p.post.url ?? '',
              slug: p.post.slug,
              title: p.post.title,
              action: p.post.created ? 'create' : 'match',
              comments: p.rows.length,
            });
          else truncated = true;
          addCounts(ctx.counts, p.delta);
        }
        ctx.resumeAfter = prepared.at(-1)!.seq;
        ctx.threadsDone += prepared.length;
        ctx.onCommitted([], { threadsDone: ctx.threadsDone, counts: ctx.counts });
        continue;
      }
      if (prepared.length > 0) {
        await commitGroup(ctx, prepared);
        claimed.clear();
      }
      // after the group's commit, so the resume point never passes a thread not yet written
      for (const { thread, err } of unreadable) await skipThread(ctx, thread, err, 'read');
    }
  }
  return { plan: ctx.dryRun ? { posts: plan, truncated } : null, counts: ctx.counts };
}

async function loadThreads(db: Db, jobId: string, after: number): Promise<StagedThread[]> {
  const threads = await getStagedThreads(db, jobId, after, THREAD_PAGE);
  if (threads.length === 0) return [];
  const comments = await getStagedComments(
    db,
    jobId,
    threads.map((t) => t.sourceId!),
  );
  const byThread = new Map<string, StagedThread['comments']>();
  for (const c of comments) {
    const list = byThread.get(c.threadSourceId!) ?? [];
    list.push({ seq: c.seq, record: StoredComment.parse(JSON.parse(c.data)) });
    byThread.set(c.threadSourceId!, list);
  }
  return threads.map((t) => ({
    seq: t.seq,
    record: StoredThread.parse(JSON.parse(t.data)),
    comments: byThread.get(t.sourceId!) ?? [],
  }));
}

function* groupThreads(threads: StagedThread[], limit: number): Generator<StagedThread[]> {
  let group: StagedThread[] = [];
  let size = 0;
  for (const t of threads) {
    group.push(t);
    size += t.comments.length + 1;
    if (size >= limit) {
      yield group;
      group = [];
      size = 0;
    }
  }
  if (group.length > 0) yield group;
}

async function commitGroup(ctx: WriteContext, prepared: PreparedThread[]): Promise<void> {
  try {
    await commit(ctx, prepared);
  } catch (err) {
    if (err instanceof ImportInterruptedError || prepared.length === 1) {
      if (err instanceof ImportInterruptedError) throw err;
      await skipThread(ctx, prepared[0]!, err);
      return;
    }
    // One bad thread must not cost the others of its group: each alone, so only it is skipped.
    for (const p of prepared) {
      try {
        await commit(ctx, [p]);
      } catch (single) {
        if (single instanceof ImportInterruptedError) throw single;
        await skipThread(ctx, p, single);
      }
    }
  }
}

async function commit(ctx: WriteContext, prepared: PreparedThread[]): Promise<void> {
  const counts = { ...ctx.counts };
  for (const p of prepared) addCounts(counts, p.delta);
  const last = prepared.at(-1)!;
  const threadsDone = ctx.threadsDone + prepared.length;
  await inTransaction(ctx.db, async (tx) => {
    await createImportedPosts(
      tx,
      prepared
        .filter((p) => p.post.created)
        .map((p) => ({
          id: p.post.id,
          siteId: ctx.site.id,
          slug: p.post.slug,
          title: p.post.title,
          url: p.post.url ?? '',
          closed: p.close,
          publishedAt: p.post.publishedAt,
          author: p.post.author,
          createdAt: p.post.createdAt ?? new Date(),
        })),
    );
    await closePosts(
      tx,
      prepared.filter((p) => !p.post.created && p.close).map((p) => p.post.id),
    );
    await saveImportSources(
      tx,
      ctx.site.id,
      prepared.map((p) => ({ key: p.sourceKey, postId: p.post.id })),
    );
    await insertImportedComments(
      tx,
      prepared.flatMap((p) => p.rows),
    );
    // A crash stand-in once the group's rows are written: all of them must roll back.
    if (ctx.faultAfterThreads !== undefined && threadsDone > ctx.faultAfterThreads)
      throw new ImportInterruptedError(`interrupted after ${ctx.faultAfterThreads} threads`);
    await recountPosts(tx, [...new Set(prepared.map((p) => p.post.id))]);
    await updateImportJob(tx, ctx.jobId, { resumeAfter: last.seq, threadsDone, counts });
  });
  ctx.counts = counts;
  ctx.resumeAfter = last.seq;
  ctx.threadsDone = threadsDone;
  ctx.onCommitted(
    prepared.map((p) => p.post.slug),
    { threadsDone, counts },
  );
}

/** The staged rows of a thread, to mark skipped. */
type Skippable = Pick<PreparedThread, 'seq' | 'commentSeqs'>;

async function skipThread(
  ctx: WriteContext,
  p: Skippable,
  err: unknown,
  step: 'read' | 'written' = 'written',
): Promise<void> {
  const reason = `the thread could not be ${step}: ${(err as Error).message?.split('\n')[0] ?? err}`;
  const counts = { ...ctx.counts, skipped: ctx.counts.skipped + 1 + p.commentSeqs.length };
  const threadsDone = ctx.threadsDone + 1;
  if (ctx.dryRun) {
    ctx.counts = counts;
    ctx.threadsDone = threadsDone;
    return;
  }
  await inTransaction(ctx.db, async (tx) => {
    await markStagedSkipped(tx, ctx.jobId, [p.seq, ...p.commentSeqs], reason);
    await updateImportJob(tx, ctx.jobId, { resumeAfter: p.seq, threadsDone, counts });
  });
  ctx.counts = counts;
  ctx.resumeAfter = p.seq;
  ctx.threadsDone = threadsDone;
  ctx.onCommitted([], { threadsDone, counts });
}

function addCounts(into: ImportCounts, delta: Partial<ImportCounts>): void {
  for (const [k, v] of Object.entries(delta) as [keyof ImportCounts, number][]) into[k] += v;
}

/** What the store already holds for a group of threads, fetched in a few queries. */
interface Known {
  /** Thread key → the post an earlier run chose. */
  sources: Map<string, PostRow>;
  /** URL → the oldest post with it. */
  byUrl: Map<string, PostRow & { rank: number }>;
  bySlug: Map<string, PostRow>;
  /** Import key → a comment an earlier run wrote. */
  comments: Map<string, Placed>;
}

function threadKeys(ctx: WriteContext, thread: StagedThread) {
  const { record } = thread;
  const url = remapUrl(record.url, ctx.rules, record.identifier);
  return {
    url,
    sourceKey: `${ctx.format}:${record.sourceId}`,
    slug: slugForThread(url, record.identifier),
  };
}

async function lookUp(ctx: WriteContext, group: StagedThread[]): Promise<Known> {
  const { db, site, format } = ctx;
  const keys = group.map((t) => threadKeys(ctx, t));
  const mapped = await getImportSources(
    db,
    site.id,
    keys.map((k) => k.sourceKey),
  );
  const mappedPosts = new Map(
    (await getPostsByIds(db, [...new Set(mapped.values())])).map((p) => [p.id, p]),
  );
  const sources = new Map<string, PostRow>();
  for (const [key, postId] of mapped) {
    const post = mappedPosts.get(postId);
    if (post) sources.set(key, post);
  }
  const byUrl = new Map<string, PostRow & { rank: number }>();
  const urls = [...new Set(keys.flatMap((k) => urlVariants(k.url)))];
  for (const [rank, post] of (await getPostsByUrls(db, site.id, urls)).entries())
    if (post.url !== null && !byUrl.has(post.url)) byUrl.set(post.url, { ...post, rank });
  const bySlug = new Map(
    (await getPostsBySlugs(db, site.id, [...new Set(keys.map((k) => k.slug))])).map((p) => [
      p.slug,
      p,
    ]),
  );
  const commentKeys = new Set<string>();
  for (const t of group)
    for (const c of t.comments) {
      commentKeys.add(`${format}:${c.record.sourceId}`);
      if (c.record.parentSourceId) commentKeys.add(`${format}:${c.record.parentSourceId}`);
    }
  const comments = new Map<string, Placed>();
  for (const c of await getImportedComments(db, site.id, [...commentKeys]))
    comments.set(c.importKey!, c);
  return { sources, byUrl, bySlug, comments };
}

async function prepareThread(
  ctx: WriteContext,
  thread: StagedThread,
  known: Known,
  claimed: Map<string, PostTarget>,
): Promise<PreparedThread> {
  const { record } = thread;
  const { url, sourceKey, slug } = threadKeys(ctx, thread);
  const post = await resolvePost(ctx, sourceKey, url, slug, known, claimed);
  const delta: Partial<ImportCounts> = {
    threads: 1,
    [post.created ? 'postsCreated' : 'postsMatched']: 1,
  };
  let rows: ImportedCommentRow[];
  try {
    rows = await placeComments(ctx, post, thread.comments, known, delta);
  } catch (err) {
    // the post this thread claimed will not be written: a later thread must not match it
    if (post.created) {
      claimed.delete(`slug:${post.slug}`);
      claimed.delete(`url:${url}`);
    }
    throw err;
  }
  return {
    seq: thread.seq,
    commentSeqs: thread.comments.map((c) => c.seq),
    sourceKey,
    post: {
      ...post,
      title: record.title?.trim() || url,
      publishedAt: record.createdAt ?? thread.comments[0]?.record.createdAt ?? new Date(),
      author: record.restore?.author ?? null,
      createdAt: record.restore?.createdAt ?? null,
    },
    close: record.closed && !post.closed,
    rows,
    delta,
  };
}

/** The post a thread goes to: the one an earlier run chose, else one with its URL, else a new one. */
async function resolvePost(
  ctx: WriteContext,
  sourceKey: string,
  url: string,
  base: string,
  known: Known,
  claimed: Map<string, PostTarget>,
): Promise<PostTarget> {
  const { db, site } = ctx;
  const earlier = known.sources.get(sourceKey);
  if (earlier) return { ...earlier, created: false };
  const pending = claimed.get(`url:${url}`);
  if (pending) return { ...pending, created: false };
  const byUrl = urlVariants(url)
    .map((u) => known.byUrl.get(u))
    .filter((p) => p !== undefined)
    .sort((a, b) => a.rank - b.rank)[0];
  if (byUrl) return { ...byUrl, created: false };
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 190)}-${n}`;
    if (claimed.has(`slug:${slug}`)) continue;
    // Taken slugs past the first are rare: those are asked for one by one.
    const existing =
      n === 1 ? known.bySlug.get(slug) : (await getPostsBySlugs(db, site.id, [slug]))[0];
    // A post with the slug and no URL is the same page, registered before the import.
    if (existing && !existing.url) return { ...existing, created: false };
    if (existing) continue;
    const target: PostTarget = { id: uuidv7(), slug, url, closed: false, created: true };
    claimed.set(`slug:${slug}`, target);
    claimed.set(`url:${url}`, target);
    return target;
  }
}

/** The same page with and without its trailing slash. */
function urlVariants(url: string): string[] {
  return url.endsWith('/') ? [url, url.slice(0, -1)] : [url, `${url}/`];
}

/** Replies after their parents (a file may list them in any order), cycles broken. */
function parentsFirst(comments: CommentRecord[]): CommentRecord[] {
  const bySource = new Map(comments.map((c) => [c.sourceId, c]));
  const out: CommentRecord[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of comments) {
    // Walk up to the first unvisited ancestor chain, then emit top-down.
    const chain: CommentRecord[] = [];
    let c: CommentRecord | undefined = start;
    while (c && !state.has(c.sourceId)) {
      state.set(c.sourceId, 'visiting');
      chain.push(c);
      c = c.parentSourceId ? bySource.get(c.parentSourceId) : undefined;
    }
    for (const x of chain.reverse()) {
      state.set(x.sourceId, 'done');
      out.push(x);
    }
  }
  return out;
}

async function placeComments(
  ctx: WriteContext,
  post: PostTarget,
  staged: StagedThread['comments'],
  known: Known,
  delta: Partial<ImportCounts>,
): Promise<ImportedCommentRow[]> {
  const { site, format } = ctx;
  const key = (sourceId: string) => `${format}:${sourceId}`;
  const records = parentsFirst(staged.map((s) => s.record));
  const earlier = known.comments;
  const byId = new Map<string, Placed>();
  for (const r of records) {
    for (const k of [r.sourceId, r.parentSourceId]) {
      const placed = k ? earlier.get(key(k)) : undefined;
      if (placed) byId.set(placed.id, placed);
    }
  }
  const placedBySource = new Map<string, Placed>();
  const maxDepth = site.settings.maxDepth;
  const rows: ImportedCommentRow[] = [];
  let existing = 0;
  let reattached = 0;
  let flattened = 0;
  for (const record of records) {
    const already = earlier.get(key(record.sourceId));
    if (already) {
      existing++;
      placedBySource.set(record.sourceId, already);
      continue;
    }
    let parent: Placed | null = null;
    if (record.parentSourceId) {
      parent =
        placedBySource.get(record.parentSourceId) ??
        earlier.get(key(record.parentSourceId)) ??
        null;
      if (!parent) reattached++;
    }
    // Past the nesting limit a reply goes under its deepest allowed ancestor, as new replies do.
    let target = parent;
    while (target && target.depth + 1 > maxDepth - 1) {
      const up: string | null = target.parentId;
      target = up ? (byId.get(up) ?? (await getPlacedComment(ctx.db, up))) : null;
      if (target) byId.set(target.id, target);
    }
    const moved = parent !== null && target?.id !== parent.id;
    if (moved) flattened++;
    // A Parley export says whom a reply flattened at the source answered, and by which name.
    const restored = record.restore?.replyToSourceId;
    const answered = restored
      ? (placedBySource.get(restored) ?? earlier.get(key(restored)) ?? null)
      : null;
    const replyTo: Placed | null = answered
      ? { ...answered, authorName: record.restore?.replyToName ?? answered.authorName }
      : moved
        ? parent
        : null;
    const row = await toRow(ctx, post, record, target, replyTo);
    const placed: Placed = {
      id: row.id,
      parentId: row.parentId,
      rootId: row.rootId,
      depth: row.depth,
      authorName: row.authorName,
    };
    placedBySource.set(record.sourceId, placed);
    byId.set(row.id, placed);
    rows.push(row);
  }
  delta.commentsCreated = rows.length;
  delta.commentsExisting = existing;
  delta.commentsReattached = reattached;
  delta.commentsFlattened = flattened;
  return rows;
}

const WEBSITE = /^https?:\/\/[^\s]{1,290}$/i;

async function toRow(
  ctx: WriteContext,
  post: PostTarget,
  record: CommentRecord,
  parent: Placed | null,
  replyTo: Placed | null,
): Promise<ImportedCommentRow> {
  const { hasher, format } = ctx;
  const id = uuidv7(Math.max(0, record.createdAt.getTime()));
  const body = toParleyMarkdown(record.body, record.bodyFormat);
  const email = record.authorEmail?.trim() ?? '';
  const authorName = record.authorName.trim().slice(0, 100) || 'Anonymous';
  const importKey = `${format}:${record.sourceId}`;
  // Without an email the author is known by name within this source; without an IP the hash
  // stands for this comment alone (no flood check or IP ban groups unrelated imports).
  // A Parley export restores both hashes as stored (meaningful with the same secret).
  const restore = record.restore;
  const authorHash = restore?.authorHash ?? hasher.author(email || `${format}:${authorName}`);
  const ipHash = restore?.ipHash ?? hasher.ip(record.authorIp ?? `import:${importKey}`);
  const contentHash = hasher.content(body);
  let status: ImportedCommentRow['status'] = restore?.status ?? record.status;
  let screening: ImportedCommentRow['screening'] = restore
    ? restore.screening
    : {
        decision: null,
        reasons: [],
        warnings: [{ code: 'IMPORTED', message: `Imported from ${format}.` }],
        scores: null,
        providers: {},
      };
  let scores = {
    toxicityScore: restore?.toxicityScore ?? null,
    spamScore: restore?.spamScore ?? null,
  };
  let toxic = restore?.toxic ?? false;
  let screened = false;
  if (ctx.screen && (status === 'approved' || status === 'pending')) {
    const outcome = await ctx.screen({
      site: ctx.site,
      post,
      record,
      body,
      authorHash,
      ipHash,
      contentHash,
    });
    // Screening may hold or reject what the source approved; it never approves what was held.
    if (status === 'approved') status = outcome.status;
    screening = outcome.details as ImportedCommentRow['screening'];
    scores = { toxicityScore: outcome.toxicityScore, spamScore: outcome.spamScore };
    toxic = outcome.toxic;
    screened = true;
  }
  const decidedAt = status === 'pending' ? null : record.createdAt;
  return {
    id,
    siteId: ctx.site.id,
    postId: post.id,
    parentId: parent?.id ?? null,
    rootId: parent?.rootId ?? id,
    depth: parent ? parent.depth + 1 : 0,
    replyToId: replyTo?.id ?? null,
    replyToName: replyTo?.authorName ?? null,
    authorName,
    authorEmail: email,
    authorHash,
    authorWebsite:
      record.authorWebsite && WEBSITE.test(record.authorWebsite) ? record.authorWebsite : null,
    body,
    // A Parley export's rendering is kept (what readers saw, even from an older renderer; a
    // rescreened comment keeps it too), sanitized: anyone can edit a file.
    html: restore ? sanitizeCommentHtml(restore.html) : renderCommentBody(body),
    status,
    screening,
    ...scores,
    toxic,
    ipHash,
    contentHash,
    importKey,
    userAgent: restore?.userAgent ?? null,
    referrer: restore?.referrer ?? null,
    akismetParams: restore?.akismetParams ?? null,
    reportCount: restore?.reportCount ?? 0,
    reportedAt: restore?.reportedAt ?? null,
    createdAt: record.createdAt,
    editedAt: restore?.editedAt ?? null,
    decidedAt: restore && !screened ? restore.decidedAt : decidedAt,
  };
}
