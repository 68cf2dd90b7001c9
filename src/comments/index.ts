// Public face of comments: the public thread and posting routes, the thread cache (with its
// fast path in front of express and its cross-process invalidation), and the one way a stored
// comment changes status or body.
import type { Router } from 'express';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { RateLimiters } from '../http/index.js';
import type { Logger } from '../logger.js';
import type { PostLookup } from '../posts/index.js';
import type { Hasher } from '../privacy/hashing.js';
import { createClusterChannel, type RedisConnection } from '../redis.js';
import type { FormTokens, Screener } from '../screening/index.js';
import type { SiteDirectory } from '../sites/index.js';
import { CommentWriter } from './comment-writer.js';
import { commentsRouter } from './comments.routes.js';
import type { CommentsDeps } from './comments.service.js';
import { createEditTokens } from './edit-tokens.js';
import { ThreadCache } from './thread-cache.js';
import { ThreadCacheSync, ThreadInvalidation } from './thread-cache-sync.js';
import { createThreadFastPath, type ThreadFastPath } from './thread-fast-path.js';

export {
  changesOfStatus,
  publishStatusChange,
  setCommentBody,
  setCommentStatus,
  writeCommentBody,
  writeCommentStatus,
  type CommentStatus,
  type StatusChange,
} from './comment-status.js';
export { getPublicComment, PUBLIC_COLUMNS } from './comments.repo.js';
export { DRAFT_CHECKS_PER_MINUTE } from './comments.routes.js';
export { toPublicComment, type PublicComment } from './public-comment.js';
export { renderCommentBody, sanitizeCommentHtml } from './render.js';
export { postKey, type ThreadCache } from './thread-cache.js';
export type { ThreadCacheSync } from './thread-cache-sync.js';

export interface CommentsModule {
  router: Router;
  /** Answers cached thread pages before express (see thread-fast-path.ts). */
  fastPath: ThreadFastPath;
  threadCache: ThreadCache;
  threadCacheSync: ThreadCacheSync;
  close(): Promise<void>;
}

export interface CommentsModuleDeps {
  db: Db;
  store: 'sqlite' | 'postgresql';
  events: EventBus;
  log: Logger;
  hasher: Hasher;
  secret: string;
  publicUrl: string;
  commentsPerMinute: number;
  sites: SiteDirectory;
  posts: PostLookup;
  screener: Screener;
  formTokens: FormTokens;
  limits: RateLimiters;
  redis: RedisConnection | null;
  /** Mail is configured, so "notify me of replies" can be offered. */
  replyMail: boolean;
}

/**
 * A thread cache kept right across processes (Redis when configured): the comments module's,
 * or a bare one for a process that serves no threads but changes them (the import CLI).
 */
export async function createThreadCacheSync(deps: {
  events: EventBus;
  log: Logger;
  redis: RedisConnection | null;
}): Promise<{ threadCache: ThreadCache; threadCacheSync: ThreadCacheSync }> {
  const threadCache = new ThreadCache();
  const threadCacheSync = new ThreadCacheSync(threadCache, deps.events);
  if (deps.redis)
    await threadCacheSync.share(
      createClusterChannel(deps.redis, 'thread-cache', ThreadInvalidation, deps.log),
      deps.redis,
    );
  return { threadCache, threadCacheSync };
}

export async function createCommentsModule(deps: CommentsModuleDeps): Promise<CommentsModule> {
  const { threadCache, threadCacheSync } = await createThreadCacheSync(deps);
  const comments: CommentsDeps = {
    db: deps.db,
    store: deps.store,
    events: deps.events,
    hasher: deps.hasher,
    publicUrl: deps.publicUrl,
    sites: deps.sites,
    posts: deps.posts,
    screener: deps.screener,
    formTokens: deps.formTokens,
    editTokens: createEditTokens(deps.secret),
    writer: new CommentWriter(deps.db, deps.store, deps.events),
    threadCache,
    replyMail: deps.replyMail,
  };
  return {
    router: commentsRouter(comments, deps.limits, deps.commentsPerMinute),
    fastPath: createThreadFastPath({
      threadCache,
      sites: deps.sites,
      ownOrigin: new URL(deps.publicUrl).origin,
    }),
    threadCache,
    threadCacheSync,
    close: () => threadCacheSync.close(),
  };
}
