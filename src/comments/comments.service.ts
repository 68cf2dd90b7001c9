// Use cases of the public comment thread: read a page of the tree, post a comment.
import type { Db } from '../db/database.js';
import {
  AppError,
  IdempotencyConflictError,
  PostClosedError,
  PostNotFoundError,
  ValidationError,
} from '../errors.js';
import type { EventBus } from '../events.js';
import { uuidv7 } from '../ids.js';
import type { Hasher } from '../privacy/hashing.js';
import {
  createPostIfMissing,
  findPost,
  isPostClosed,
  type PostLookup,
  type PostRow,
} from '../posts/index.js';
import type { ClientFacts, FormTokens, Screener } from '../screening/index.js';
import { isOriginAllowed, type SiteDirectory, type SiteView } from '../sites/index.js';
import {
  getCommentByIdempotencyKey,
  releaseIdempotencyKey,
  getCommentOnPost,
  getRepliesOfRoots,
  getTopLevelPage,
} from './comments.repo.js';
import type { CommentWriter } from './comment-writer.js';
import type { EditTokens } from './edit-tokens.js';
import type { ThreadCache } from './thread-cache.js';
import type { CreateCommentBody, ThreadQuery } from './comments.schema.js';
import type { ThreadPage } from '../contracts/public-api.js';
import { toPublicComment, type PublicComment } from './public-comment.js';
import { renderCommentBody } from './render.js';
import { decodeOptionalCursor, encodeCursor } from '../cursor.js';
import { buildThread } from './thread.js';

/** What the comment use cases need; built once by createCommentsModule. */
export interface CommentsDeps {
  db: Db;
  store: 'sqlite' | 'postgresql';
  events: EventBus;
  hasher: Hasher;
  publicUrl: string;
  sites: SiteDirectory;
  posts: PostLookup;
  screener: Screener;
  formTokens: FormTokens;
  editTokens: EditTokens;
  writer: CommentWriter;
  threadCache: ThreadCache;
  /** Mail is configured: the form offers "notify me of replies". */
  replyMail: boolean;
}

export async function getThreadPage(
  deps: Pick<CommentsDeps, 'db' | 'publicUrl'>,
  site: SiteView,
  postSlug: string,
  query: ThreadQuery,
): Promise<ThreadPage | null> {
  let post: PostRow;
  try {
    post = await findPost(deps.db, site, postSlug);
  } catch (err) {
    // Not commented on yet on a site whose posts start with their first comment: no thread yet.
    if (err instanceof PostNotFoundError && site.settings.autoCreatePosts) return null;
    throw err;
  }
  const after = decodeOptionalCursor(query.cursor);
  const rows = await getTopLevelPage(deps.db, post.id, query.sort, query.limit + 1, after);
  const roots = rows.slice(0, query.limit);
  const replies =
    roots.length > 0
      ? await getRepliesOfRoots(
          deps.db,
          roots.map((r) => r.id),
        )
      : [];
  const last = roots.at(-1);
  return {
    comments: buildThread(roots, replies, deps.publicUrl),
    total: post.commentCount,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export interface CreateCommentResult {
  status: 'approved' | 'pending';
  comment: PublicComment;
  /** The same submit arrived again: the first comment is answered, and no edit token with it. */
  replayed?: true;
}

/** An explicit idempotency key returns the first comment for this long (double submits, retries). */
export const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;
/** Without a key, the same author, text and parent count as one comment for this long. */
export const AUTO_DUPLICATE_WINDOW_MS = 2 * 60_000;

/** The site's own limit on a comment's length (the schema's is the largest any site may set). */
export function assertBodyFits(site: SiteView, body: string): void {
  if (body.length > site.settings.maxBodyLength) {
    throw new AppError('BODY_TOO_LONG', 413, 'Your comment is too long.', {
      body: `Please keep your comment under ${site.settings.maxBodyLength} characters.`,
    });
  }
}

export async function createComment(
  deps: CommentsDeps,
  site: SiteView,
  postSlug: string,
  input: CreateCommentBody,
  client: ClientFacts,
): Promise<CreateCommentResult> {
  const post = await findOrCreatePost(deps, site, postSlug, input);
  if (isPostClosed(post, site)) throw new PostClosedError();
  assertBodyFits(site, input.body);

  const authorHash = deps.hasher.author(input.email);
  const contentHash = deps.hasher.content(input.body);
  // A key is bound to its author, so a stranger reusing it (or the author's email and text) gets
  // nothing back; without a client key, the same text under the same parent is a double submit.
  const idempotencyKey = input.idempotencyKey
    ? `key:${authorHash}:${input.idempotencyKey}`
    : `auto:${authorHash}:${contentHash}:${input.parentId ?? ''}`;
  const windowMs = input.idempotencyKey ? IDEMPOTENCY_WINDOW_MS : AUTO_DUPLICATE_WINDOW_MS;
  const placement = await placeReply(
    deps.db,
    post.id,
    input.parentId ?? null,
    site.settings.maxDepth,
  );
  const ipHash = deps.hasher.ip(client.ip);
  const now = new Date();
  const outcome = await deps.screener.screen({
    site,
    post,
    author: {
      name: input.name,
      email: input.email,
      website: input.website ?? null,
      hash: authorHash,
    },
    body: input.body,
    ipHash,
    contentHash,
    client,
    now,
    form: { token: input.formToken, honeypot: input.homepage ?? null },
  });
  const id = uuidv7(now.getTime());

  const row = {
    id,
    siteId: site.id,
    postId: post.id,
    parentId: placement.parentId,
    rootId: placement.rootId ?? id,
    depth: placement.depth,
    replyToId: placement.replyTo?.id ?? null,
    replyToName: placement.replyTo?.name ?? null,
    authorName: input.name,
    authorEmail: input.email,
    authorHash,
    authorWebsite: input.website ?? null,
    body: input.body,
    html: renderCommentBody(input.body),
    status: outcome.status,
    screening: outcome.details,
    toxicityScore: outcome.toxicityScore,
    spamScore: outcome.spamScore,
    toxic: outcome.toxic,
    akismetParams: outcome.akismetParams,
    ipHash,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    referrer: client.referrer?.slice(0, 1000) ?? null,
    contentHash,
    idempotencyKey,
    createdAt: now,
    decidedAt: outcome.status === 'pending' ? null : now,
    notifyReplies: input.notifyReplies === true,
    ...(input.language && { language: input.language }),
  };
  let written = await deps.writer.write(row);
  if (!written.stored) {
    // A double submit (same key) within the window finds the first comment: answer with it.
    const first = await getCommentByIdempotencyKey(deps.db, post.id, idempotencyKey);
    if (first && now.getTime() - first.createdAt.getTime() < windowMs)
      return { ...resultOf(first, deps.publicUrl), replayed: true };
    // The key is older than its window: it no longer stands for that comment.
    await releaseIdempotencyKey(
      deps.db,
      post.id,
      idempotencyKey,
      new Date(now.getTime() - windowMs),
    );
    written = await deps.writer.write(row);
    if (!written.stored) throw new IdempotencyConflictError();
  }
  const commentCount = written.commentCount;

  const result = resultOf({ ...row, editedAt: null }, deps.publicUrl);
  const ref = {
    siteId: site.id,
    siteSlug: site.slug,
    postId: post.id,
    postSlug: post.slug,
    commentId: id,
  };
  deps.events.publish('comment.created', {
    ...ref,
    status: row.status,
    ...(row.status === 'approved' && { comment: result.comment }),
    ...(input.notifyReplies && { notifyReplies: true as const }),
  });
  if (commentCount !== null)
    deps.events.publish('post.count-changed', { ...ref, count: commentCount });
  return result;
}

function resultOf(
  c: Parameters<typeof toPublicComment>[0] & { status: string },
  publicUrl: string,
): CreateCommentResult {
  // Held, spam and rejected all answer "pending": a spammer is never told it was caught.
  return {
    status: c.status === 'approved' ? 'approved' : 'pending',
    comment: toPublicComment(c, publicUrl),
  };
}

async function findOrCreatePost(
  deps: CommentsDeps,
  site: SiteView,
  slug: string,
  input: CreateCommentBody,
): Promise<PostRow> {
  const post = await deps.posts.find(site.id, slug);
  if (post) return post;
  if (!site.settings.autoCreatePosts) throw new PostNotFoundError(slug);
  if (!input.title) {
    throw new ValidationError({
      title: 'The first comment on a new page must send the page title.',
    });
  }
  // A site that lists its origins gets new posts only for pages on them (curl included).
  if (
    input.url &&
    site.allowedOrigins.length > 0 &&
    !isOriginAllowed(new URL(input.url).origin, site, new URL(deps.publicUrl).origin)
  ) {
    throw new ValidationError({
      url: "The page's address is not on one of this site's allowed origins.",
    });
  }
  const created = await createPostIfMissing(deps.db, {
    siteId: site.id,
    slug,
    title: input.title,
    url: input.url ?? null,
  });
  deps.posts.remember(created);
  return created;
}

interface Placement {
  parentId: string | null;
  rootId: string | null;
  depth: number;
  /** The comment answered, when the nesting limit placed the reply higher up. */
  replyTo: { id: string; name: string } | null;
}

/**
 * Where a reply goes: under its parent, or, past the nesting limit, under the deepest allowed
 * ancestor (as WordPress does), remembering whom it answers.
 */
async function placeReply(
  db: Db,
  postId: string,
  parentId: string | null,
  maxDepth: number,
): Promise<Placement> {
  if (!parentId) return { parentId: null, rootId: null, depth: 0, replyTo: null };
  const parent = await getCommentOnPost(db, postId, parentId);
  if (!parent)
    throw new ValidationError({ parentId: 'The comment you reply to is not on this post.' });
  let target: { id: string; parentId: string | null; rootId: string; depth: number } | null =
    parent;
  while (target && target.depth + 1 > maxDepth - 1) {
    target = target.parentId ? await getCommentOnPost(db, postId, target.parentId) : null;
  }
  const replyTo = target?.id === parent.id ? null : { id: parent.id, name: parent.authorName };
  return target
    ? { parentId: target.id, rootId: target.rootId, depth: target.depth + 1, replyTo }
    : { parentId: null, rootId: null, depth: 0, replyTo };
}
