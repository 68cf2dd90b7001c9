import { containsIgnoringCase, type Db } from '../db/database.js';

/** A page of a site's posts, newest first, optionally matching `q` in title, slug or URL. */
export function listSitePosts(
  db: Db,
  siteId: string,
  opts: { q?: string; skip: number; take: number },
) {
  const where = {
    siteId,
    ...(opts.q && {
      OR: [
        { title: containsIgnoringCase(db, opts.q) },
        { slug: containsIgnoringCase(db, opts.q) },
        { url: containsIgnoringCase(db, opts.q) },
      ],
    }),
  };
  return Promise.all([
    db.post.findMany({
      where,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      skip: opts.skip,
      take: opts.take,
      select: {
        id: true,
        slug: true,
        title: true,
        url: true,
        closed: true,
        commentCount: true,
        publishedAt: true,
      },
    }),
    db.post.count({ where }),
  ]);
}

/** Per post: every comment stored (any status) and the newest one's time. */
export async function getPostActivity(db: Db, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db.comment.groupBy({
    by: ['postId'],
    where: { postId: { in: postIds } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
}
