// Webhook endpoints, and the comment columns an event body shows.
import { directSqlIn, Prisma, type Db, type DbClient } from '../db/database.js';

const ENDPOINT_COLUMNS = {
  id: true,
  siteId: true,
  url: true,
  events: true,
  private: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function getEndpoints(db: Db, siteId: string) {
  return db.webhookEndpoint.findMany({
    where: { siteId },
    orderBy: { createdAt: 'asc' },
    select: ENDPOINT_COLUMNS,
  });
}

export function getEndpoint(db: Db, siteId: string, id: string) {
  return db.webhookEndpoint.findFirst({ where: { id, siteId }, select: ENDPOINT_COLUMNS });
}

/** With its secret: for signing a delivery. */
export function getEndpointForDelivery(db: Db, id: string) {
  return db.webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, url: true, secret: true, enabled: true },
  });
}

/**
 * The enabled endpoints of these sites (inside the transaction of a change). Plain SQL: it runs
 * in the transaction of every new comment, where Prisma's findMany costs five times as much.
 */
export async function getEnabledEndpoints(
  tx: DbClient,
  siteIds: string[],
): Promise<{ id: string; siteId: string; events: unknown; private: boolean }[]> {
  if (siteIds.length === 0) return [];
  type Row = { id: string; siteId: string; events: unknown; private: unknown };
  const direct = directSqlIn(tx);
  const rows = direct
    ? await direct.query<Row>(
        `SELECT "id", "siteId", "events", "private" FROM "WebhookEndpoint"
        WHERE "siteId" IN (${siteIds.map((_, i) => `$${i + 2}`).join(', ')}) AND "enabled" = $1`,
        [true, ...siteIds],
      )
    : await tx.$queryRaw<Row[]>`SELECT "id", "siteId", "events", "private" FROM "WebhookEndpoint"
        WHERE "siteId" IN (${Prisma.join(siteIds)}) AND "enabled" = ${true}`;
  // SQLite hands JSON back as text and booleans as 0/1.
  return rows.map((r) => ({
    id: r.id,
    siteId: r.siteId,
    events: typeof r.events === 'string' ? JSON.parse(r.events) : r.events,
    private: r.private === true || Number(r.private) === 1,
  }));
}

export function insertEndpoint(
  db: Db,
  data: {
    siteId: string;
    url: string;
    events: string[];
    secret: string;
    private: boolean;
    enabled: boolean;
  },
) {
  return db.webhookEndpoint.create({ data, select: ENDPOINT_COLUMNS });
}

export async function updateEndpoint(
  db: Db,
  siteId: string,
  id: string,
  data: { url?: string; events?: string[]; private?: boolean; enabled?: boolean; secret?: string },
): Promise<boolean> {
  const r = await db.webhookEndpoint.updateMany({ where: { id, siteId }, data });
  return r.count === 1;
}

export async function deleteEndpoint(db: Db, siteId: string, id: string): Promise<boolean> {
  const r = await db.webhookEndpoint.deleteMany({ where: { id, siteId } });
  return r.count === 1;
}

/** What an event body shows of these comments, email included (dropped unless private). */
export function getCommentsForEvents(tx: DbClient, ids: string[]) {
  return tx.comment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      parentId: true,
      authorName: true,
      authorWebsite: true,
      authorHash: true,
      authorEmail: true,
      html: true,
      body: true,
      createdAt: true,
      editedAt: true,
      replyToId: true,
      replyToName: true,
      status: true,
      screening: true,
      toxic: true,
      toxicityScore: true,
      spamScore: true,
      reportCount: true,
      reportedAt: true,
      decidedAt: true,
      site: { select: { id: true, slug: true } },
      post: { select: { id: true, slug: true, title: true, url: true } },
    },
  });
}
export type CommentForEvent = Awaited<ReturnType<typeof getCommentsForEvents>>[number];
