import type { Db, Prisma } from '../db/database.js';

/** Columns the public shape needs; nothing private. */
export const PUBLIC_COLUMNS = {
  id: true,
  parentId: true,
  rootId: true,
  authorName: true,
  authorWebsite: true,
  authorHash: true,
  html: true,
  createdAt: true,
  editedAt: true,
  replyToId: true,
  replyToName: true,
} as const satisfies Prisma.CommentSelect;

export interface ThreadCursor {
  createdAt: Date;
  id: string;
}

export function getTopLevelPage(
  db: Db,
  postId: string,
  sort: 'oldest' | 'newest',
  take: number,
  after: ThreadCursor | null,
) {
  const dir = sort === 'oldest' ? 'asc' : 'desc';
  const beyond = sort === 'oldest' ? 'gt' : 'lt';
  return db.comment.findMany({
    where: {
      postId,
      status: 'approved',
      parentId: null,
      ...(after && {
        OR: [
          { createdAt: { [beyond]: after.createdAt } },
          { createdAt: after.createdAt, id: { [beyond]: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take,
    select: PUBLIC_COLUMNS,
  });
}

/** Every reply under the given top-level comments, with its status (hidden ones keep the tree linked). */
export function getRepliesOfRoots(db: Db, rootIds: string[]) {
  return db.comment.findMany({
    where: { rootId: { in: rootIds }, parentId: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { ...PUBLIC_COLUMNS, status: true },
  });
}

export function getCommentOnPost(db: Db, postId: string, id: string) {
  return db.comment.findFirst({
    where: { id, postId },
    select: { id: true, parentId: true, rootId: true, depth: true, authorName: true },
  });
}

export function getCommentByIdempotencyKey(db: Db, postId: string, idempotencyKey: string) {
  return db.comment.findUnique({
    where: { postId_idempotencyKey: { postId, idempotencyKey } },
    select: { ...PUBLIC_COLUMNS, status: true },
  });
}

/**
 * Stores a comment; an approved one bumps the post's visible count in the same statement
 * batch (one client call, one transaction). Returns the new count, or null when not approved.
 */
export async function insertComment(db: Db, data: Prisma.CommentUncheckedCreateInput): Promise<number | null> {
  if (data.status !== 'approved') {
    await db.comment.create({ data, select: { id: true } });
    return null;
  }
  const { postId, ...comment } = data;
  const post = await db.post.update({
    where: { id: postId },
    data: { commentCount: { increment: 1 }, comments: { create: comment } },
    select: { commentCount: true },
  });
  return post.commentCount;
}
