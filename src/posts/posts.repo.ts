import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';

export function listPosts(db: Db, siteId: string, take: number) {
  return db.post.findMany({
    where: { siteId },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

export function getPost(db: Db, siteId: string, slug: string) {
  return db.post.findUnique({ where: { siteId_slug: { siteId, slug } } });
}

export function getCommentCounts(db: Db, siteId: string, slugs: string[]) {
  return db.post.findMany({
    where: { siteId, slug: { in: slugs } },
    select: { slug: true, commentCount: true },
  });
}

export async function createPostIfMissing(
  db: Db,
  data: { siteId: string; slug: string; title: string; url: string | null },
) {
  // Two first comments may race to create the post: the unique (siteId, slug) decides, and
  // the loser reads the winner's row (an upsert still fails on PostgreSQL when both insert).
  try {
    return await db.post.create({ data });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return db.post.findUniqueOrThrow({
      where: { siteId_slug: { siteId: data.siteId, slug: data.slug } },
    });
  }
}

export interface PostChanges {
  title: string;
  url?: string | null;
  author?: string | null;
  publishedAt?: Date;
  closed?: boolean;
}

/** Creates or changes a post by slug (the admin's "register, rename, close"). */
export function upsertPost(db: Db, siteId: string, slug: string, data: PostChanges) {
  return db.post.upsert({
    where: { siteId_slug: { siteId, slug } },
    create: { siteId, slug, ...data },
    update: data,
  });
}
