// The demo's writes: one site, its article and the seeded thread.
import type { Db, DbClient } from '../db/database.js';

export async function hasAnySite(db: Db): Promise<boolean> {
  return (await db.site.count()) > 0;
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function insertDemoSiteAndPost(
  tx: DbClient,
  demo: {
    slug: string;
    name: string;
    post: { slug: string; title: string; author: string; publishedAt: Date; commentCount: number };
  },
): Promise<{ siteId: string; postId: string }> {
  const site = await tx.site.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      allowedOrigins: [],
      // Any page may try the widget: its first comment creates the post.
      settings: { autoCreatePosts: true },
    },
  });
  const post = await tx.post.create({
    data: { siteId: site.id, url: '/', ...demo.post },
  });
  return { siteId: site.id, postId: post.id };
}

export async function insertDemoComment(
  tx: DbClient,
  c: {
    id: string;
    rootId: string;
    depth: number;
    siteId: string;
    postId: string;
    parentId: string | null;
    authorName: string;
    authorEmail: string;
    authorHash: string;
    authorWebsite: string | null;
    body: string;
    html: string;
    ipHash: string;
    contentHash: string;
    createdAt: Date;
  },
): Promise<void> {
  await tx.comment.create({
    data: {
      ...c,
      status: 'approved',
      screening: { decision: 'approve', reasons: [], seeded: true },
      decidedAt: c.createdAt,
    },
  });
}
