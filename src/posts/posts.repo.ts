import type { Db } from '../db/database.js';

export function listPosts(db: Db, siteId: string, take: number) {
  return db.post.findMany({ where: { siteId }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take });
}

export function getPost(db: Db, siteId: string, slug: string) {
  return db.post.findUnique({ where: { siteId_slug: { siteId, slug } } });
}

export function getCommentCounts(db: Db, siteId: string, slugs: string[]) {
  return db.post.findMany({ where: { siteId, slug: { in: slugs } }, select: { slug: true, commentCount: true } });
}

export async function createPostIfMissing(
  db: Db,
  data: { siteId: string; slug: string; title: string; url: string | null },
) {
  // Two first comments may race to create the post: the unique (siteId, slug) decides.
  return db.post.upsert({ where: { siteId_slug: { siteId: data.siteId, slug: data.slug } }, create: data, update: {} });
}
