// What the queue-size gauge counts: comments waiting for a moderator, by site and queue.
import type { Db } from '../db/database.js';

export interface QueueSize {
  site: string;
  queue: 'pending' | 'spam' | 'reported';
  count: number;
}

export async function countQueuesBySite(db: Db): Promise<QueueSize[]> {
  const [sites, byStatus, reported] = await Promise.all([
    db.site.findMany({ select: { id: true, slug: true } }),
    db.comment.groupBy({
      by: ['siteId', 'status'],
      where: { status: { in: ['pending', 'spam'] } },
      _count: { _all: true },
    }),
    db.comment.groupBy({
      by: ['siteId'],
      where: { reportedAt: { not: null }, status: { in: ['approved', 'pending'] } },
      _count: { _all: true },
    }),
  ]);
  const out: QueueSize[] = [];
  for (const site of sites) {
    const count = (status: string) =>
      byStatus.find((r) => r.siteId === site.id && r.status === status)?._count._all ?? 0;
    out.push({ site: site.slug, queue: 'pending', count: count('pending') });
    out.push({ site: site.slug, queue: 'spam', count: count('spam') });
    out.push({
      site: site.slug,
      queue: 'reported',
      count: reported.find((r) => r.siteId === site.id)?._count._all ?? 0,
    });
  }
  return out;
}
