import { LRUCache } from 'lru-cache';
import type { PublicPost } from '../contracts/public-api.js';
import type { Db } from '../db/database.js';
import { PostNotFoundError } from '../errors.js';
import type { SiteView } from '../sites/index.js';
import { getCommentCounts, getPost, listPosts } from './posts.repo.js';

export interface PostRow {
  id: string;
  slug: string;
  title: string;
  url: string | null;
  commentCount: number;
  closed: boolean;
  publishedAt: Date;
}

/** Closed by the owner, or older than the site's close-after-days setting. */
export function isPostClosed(post: PostRow, site: SiteView, now = Date.now()): boolean {
  const days = site.settings.closeAfterDays;
  return post.closed || (days > 0 && now - post.publishedAt.getTime() > days * 86_400_000);
}

export function toPublicPost(post: PostRow, site: SiteView): PublicPost {
  return {
    slug: post.slug,
    title: post.title,
    url: post.url,
    commentCount: post.commentCount,
    closed: isPostClosed(post, site),
  };
}

export async function listPublicPosts(db: Db, site: SiteView): Promise<PublicPost[]> {
  const posts = await listPosts(db, site.id, 500);
  return posts.map((p) => toPublicPost(p, site));
}

export async function findPost(db: Db, site: SiteView, slug: string): Promise<PostRow> {
  const post = await getPost(db, site.id, slug);
  if (!post) throw new PostNotFoundError(slug);
  return post;
}

/**
 * The public view of a post; null for a post nobody has commented on yet on a site whose posts
 * are created by their first comment (it exists for readers, empty, until then).
 */
export async function findPublicPost(
  db: Db,
  site: SiteView,
  slug: string,
): Promise<PublicPost | null> {
  const post = await getPost(db, site.id, slug);
  if (post) return toPublicPost(post, site);
  if (site.settings.autoCreatePosts) return null;
  throw new PostNotFoundError(slug);
}

export async function countComments(
  db: Db,
  site: SiteView,
  slugs: string[],
): Promise<Record<string, number>> {
  const rows = await getCommentCounts(db, site.id, slugs);
  const counts: Record<string, number> = Object.fromEntries(slugs.map((s) => [s, 0]));
  for (const row of rows) counts[row.slug] = row.commentCount;
  return counts;
}

/**
 * Post rows for the comment POST path, cached briefly: a burst of comments on a shared
 * article reads the same row again and again. A post closed by its owner takes effect
 * within the TTL.
 */
export class PostLookup {
  static readonly TTL_MS = 5_000;
  readonly #cache = new LRUCache<string, PostRow>({ max: 10_000, ttl: PostLookup.TTL_MS });
  constructor(private readonly db: Db) {}

  async find(siteId: string, slug: string): Promise<PostRow | null> {
    const hit = this.#cache.get(`${siteId}\0${slug}`);
    if (hit) return hit;
    const post = await getPost(this.db, siteId, slug);
    if (post) this.remember(post);
    return post;
  }

  remember(post: PostRow & { siteId: string }): void {
    this.#cache.set(`${post.siteId}\0${post.slug}`, post);
  }
}
