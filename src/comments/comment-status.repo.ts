// The writes behind a comment's status or body change, inside the caller's transaction.
import type { DbClient, Prisma } from '../db/database.js';

export const REF_SELECT = {
  id: true,
  status: true,
  reportedAt: true,
  siteId: true,
  postId: true,
  site: { select: { slug: true } },
  post: { select: { slug: true } },
} as const;

export function refOf(c: {
  id: string;
  siteId: string;
  postId: string;
  site: { slug: string };
  post: { slug: string };
}) {
  return {
    siteId: c.siteId,
    siteSlug: c.site.slug,
    postId: c.postId,
    postSlug: c.post.slug,
    commentId: c.id,
  };
}

/** The comment's status and where it lives, or null. */
export function getStatusRef(tx: DbClient, commentId: string) {
  return tx.comment.findUnique({ where: { id: commentId }, select: REF_SELECT });
}

export async function updateStatusColumns(
  tx: DbClient,
  commentId: string,
  data: Prisma.CommentUpdateInput,
): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data });
}

/** Adds `delta` to the post's visible comment count; returns the new count. */
export async function addToPostCount(tx: DbClient, postId: string, delta: number): Promise<number> {
  const post = await tx.post.update({
    where: { id: postId },
    data: delta === 0 ? {} : { commentCount: { increment: delta } },
    select: { commentCount: true },
  });
  return post.commentCount;
}

export function updateBodyColumns(
  tx: DbClient,
  commentId: string,
  data: { body: string; html: string; contentHash: string; editedAt: Date },
) {
  return tx.comment.update({ where: { id: commentId }, data, select: REF_SELECT });
}
