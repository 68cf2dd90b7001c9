// Blog owners register posts before their first comment, rename them, or close their threads.
import type { Actor } from '../auth/index.js';
import type { Db } from '../db/database.js';
import { insertAudit } from '../moderation/index.js';
import type { AdminPostView } from '../contracts/moderation-api.js';
import type { PublicPost } from '../contracts/public-api.js';
import { getPost, toPublicPost, upsertPost, type PostLookup } from '../posts/index.js';
import type { SiteDirectory } from '../sites/index.js';
import type { PostListQuery, PutPostBody } from './admin.schema.js';
import { getPostActivity, listSitePosts } from './admin-posts.repo.js';

export type { AdminPostView };

export async function listAdminPosts(
  deps: { db: Db; sites: SiteDirectory },
  siteSlug: string,
  query: PostListQuery,
): Promise<{ posts: AdminPostView[]; total: number }> {
  const site = await deps.sites.get(siteSlug);
  const [rows, total] = await listSitePosts(deps.db, site.id, {
    q: query.q,
    skip: (query.page - 1) * query.limit,
    take: query.limit,
  });
  const activity = new Map(
    (
      await getPostActivity(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((a) => [a.postId, a]),
  );
  return {
    total,
    posts: rows.map((r) => {
      const a = activity.get(r.id);
      return {
        slug: r.slug,
        title: r.title,
        url: r.url,
        closed: r.closed,
        commentCount: r.commentCount,
        totalComments: a?._count._all ?? 0,
        lastCommentAt: a?._max.createdAt?.toISOString() ?? null,
        publishedAt: r.publishedAt.toISOString(),
      };
    }),
  };
}

export async function putPost(
  deps: { db: Db; sites: SiteDirectory; posts: PostLookup },
  actor: Actor,
  siteSlug: string,
  slug: string,
  input: PutPostBody,
): Promise<{ post: PublicPost; created: boolean }> {
  const site = await deps.sites.get(siteSlug);
  const before = await getPost(deps.db, site.id, slug);
  const data = {
    title: input.title,
    ...(input.url !== undefined && { url: input.url }),
    ...(input.author !== undefined && { author: input.author }),
    ...(input.publishedAt !== undefined && { publishedAt: new Date(input.publishedAt) }),
    ...(input.closed !== undefined && { closed: input.closed }),
  };
  const post = await upsertPost(deps.db, site.id, slug, data);
  deps.posts.remember(post); // a close takes effect at once in this process
  const snapshot = (p: typeof post | null) =>
    p && { title: p.title, url: p.url, closed: p.closed, publishedAt: p.publishedAt.toISOString() };
  await insertAudit(deps.db, {
    siteId: site.id,
    actor,
    action: before ? 'post.update' : 'post.create',
    targetType: 'post',
    targetId: post.id,
    before: snapshot(before),
    after: snapshot(post),
  });
  return { post: toPublicPost(post, site), created: before === null };
}
