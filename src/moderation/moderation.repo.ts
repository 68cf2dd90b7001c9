import type { Db } from '../db/database.js';

/** What an action needs to know about a comment before changing it. */
export function getCommentState(db: Db, id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      siteId: true,
      postId: true,
      status: true,
      body: true,
      reportedAt: true,
      decidedAt: true,
      site: { select: { slug: true } },
    },
  });
}

/** The private author facts a ban can be derived from. */
export function getCommentAuthor(db: Db, id: string) {
  return db.comment.findUnique({
    where: { id },
    select: { siteId: true, authorEmail: true, ipHash: true },
  });
}

/** A comment as a reader report sees it. */
export function getReportTarget(db: Db, id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      siteId: true,
      postId: true,
      status: true,
      reportedAt: true,
      decidedAt: true,
      site: { select: { slug: true } },
      post: { select: { slug: true } },
    },
  });
}

/** Creation time, status and decision time of comments created since `since` (bounded). */
export function getCommentTimes(db: Db, siteIds: string[], since: Date, take: number) {
  return db.comment.findMany({
    where: { siteId: { in: siteIds }, createdAt: { gte: since } },
    select: { createdAt: true, status: true, decidedAt: true },
    orderBy: { createdAt: 'desc' },
    take,
  });
}
