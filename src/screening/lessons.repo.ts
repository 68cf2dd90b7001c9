import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';

export interface LessonInput {
  siteId: string;
  commentId: string;
  task: 'spam' | 'toxicity';
  label: 0 | 1;
  text: string;
  authorName?: string | null;
  authorWebsite?: string | null;
}

/** Stores a decision, replacing an earlier one on the same comment and task. */
export async function putLesson(db: Db, lesson: LessonInput): Promise<void> {
  const data = {
    label: lesson.label,
    text: lesson.text,
    authorName: lesson.authorName ?? null,
    authorWebsite: lesson.authorWebsite ?? null,
    createdAt: new Date(),
  };
  const where = { commentId_task: { commentId: lesson.commentId, task: lesson.task } };
  try {
    await db.screeningLesson.upsert({
      where,
      create: { siteId: lesson.siteId, commentId: lesson.commentId, task: lesson.task, ...data },
      update: data,
    });
  } catch (err) {
    // Two decisions on one comment at once: both tried to insert; the second one updates.
    if (!isUniqueViolation(err)) throw err;
    await db.screeningLesson.update({ where, data });
  }
}

/** A site's most recent lessons for a task, newest first. */
export function getLessons(db: Db, siteId: string, task: 'spam' | 'toxicity', take: number) {
  return db.screeningLesson.findMany({
    where: { siteId, task },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { text: true, label: true, authorName: true, authorWebsite: true },
  });
}

/** Changes whenever a site's lessons do: "count:newest" over both tasks. */
export async function getLessonStamp(db: Db, siteId: string): Promise<string> {
  const agg = await db.screeningLesson.aggregate({
    where: { siteId },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return `${agg._count._all}:${agg._max.createdAt?.getTime() ?? 0}`;
}

/** A site's most recently published comments: what is fine here, for its learnt layers. */
export function getRecentPublished(db: Db, siteId: string, take: number) {
  return db.comment.findMany({
    where: { siteId, status: 'approved' },
    orderBy: { createdAt: 'desc' },
    take,
    select: { body: true, authorName: true, authorWebsite: true },
  });
}
