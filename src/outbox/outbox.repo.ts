// The outbox table: queue, claim, settle. Claims are one UPDATE … RETURNING: PostgreSQL picks
// the rows with FOR UPDATE SKIP LOCKED (concurrent workers never wait for or take each other's
// rows); SQLite has one writer at a time, so the UPDATE itself is the single-writer claim.
import { Prisma, type Db, type DbClient } from '../db/database.js';
import { uuidv7 } from '../ids.js';

export type Store = 'sqlite' | 'postgresql';

export interface NewMessageRow {
  kind: string;
  key: string;
  siteId: string | null;
  target: string | null;
  payload: unknown;
  runAt: Date;
}

/** Inserts the rows whose key is new; returns how many went in. */
export async function insertMessages(
  tx: DbClient,
  store: Store,
  rows: NewMessageRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const now = new Date();
  const json = (v: unknown) =>
    store === 'postgresql'
      ? Prisma.sql`CAST(${JSON.stringify(v)} AS jsonb)`
      : Prisma.sql`${JSON.stringify(v)}`;
  const values = rows.map(
    (r) =>
      Prisma.sql`(${uuidv7()}, ${r.kind}, ${r.key}, ${r.siteId}, ${r.target}, ${json(r.payload)}, 'pending', 0, ${r.runAt}, ${now}, ${now})`,
  );
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxMessage" ("id", "kind", "key", "siteId", "target", "payload", "status", "attempts", "runAt", "createdAt", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id"`;
  return inserted.length;
}

export interface ClaimedRow {
  id: string;
  kind: string;
  key: string;
  siteId: string | null;
  target: string | null;
  payload: unknown;
  attempts: number | bigint;
}

/** Leases up to `limit` due rows to `worker` until `leaseUntil`; a claim counts as an attempt. */
export function claimMessages(
  db: Db,
  store: Store,
  worker: string,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedRow[]> {
  const lock = store === 'postgresql' ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage"
    SET "lockedUntil" = ${leaseUntil}, "lockedBy" = ${worker}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "runAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "runAt", "id"
      LIMIT ${limit}
      ${lock}
    )
    RETURNING "id", "kind", "key", "siteId", "target", "payload", "attempts"`;
}

export interface AttemptRow {
  messageId: string;
  target: string | null;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  worker: string;
  startedAt: Date;
}

/**
 * Records the attempt and settles the message, only while `worker` still holds its lease
 * (a worker whose lease ran out and was taken over settles nothing). Returns whether it did.
 */
export async function settleMessage(
  db: Db,
  attempt: AttemptRow,
  next: { status: 'done' | 'pending' | 'failed'; runAt?: Date; error: string | null },
): Promise<boolean> {
  const now = new Date();
  const [, settled] = await db.$transaction([
    db.outboxAttempt.create({ data: { ...attempt }, select: { id: true } }),
    db.outboxMessage.updateMany({
      where: { id: attempt.messageId, lockedBy: attempt.worker },
      data: {
        status: next.status,
        lockedUntil: null,
        lockedBy: null,
        lastError: next.error,
        ...(next.runAt && { runAt: next.runAt }),
        ...(next.status === 'done' && { doneAt: now }),
      },
    }),
  ]);
  return settled.count === 1;
}

/** Counts by status, for one site's messages of one kind or for all. */
export async function countByStatus(
  db: Db,
  where: { kind?: string; siteId?: string },
): Promise<Record<string, number>> {
  const groups = await db.outboxMessage.groupBy({
    by: ['status'],
    where,
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

export function getFailedMessages(db: Db, where: { kind?: string; siteId?: string }, take = 50) {
  return db.outboxMessage.findMany({
    where: { ...where, status: 'failed' },
    orderBy: { updatedAt: 'desc' },
    take,
    select: {
      id: true,
      kind: true,
      key: true,
      target: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

export function getMessage(db: Db, id: string) {
  return db.outboxMessage.findUnique({ where: { id } });
}

/** Puts a message back in the queue now (redeliver, retry a failed one). */
export async function requeueMessage(db: Db, id: string): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({
    where: { id, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] },
    data: { status: 'pending', runAt: new Date(), lockedUntil: null, lockedBy: null },
  });
  return r.count === 1;
}

/** The last attempts at messages sent to `target`, newest first. */
export function getAttemptsFor(db: Db, target: string, take = 100) {
  return db.outboxAttempt.findMany({
    where: { target },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      messageId: true,
      attempt: true,
      ok: true,
      statusCode: true,
      durationMs: true,
      error: true,
      startedAt: true,
      message: { select: { key: true, status: true } },
    },
  });
}

export function getAttempt(db: Db, id: string) {
  return db.outboxAttempt.findUnique({
    where: { id },
    select: { id: true, messageId: true, target: true },
  });
}

/** A webhook endpoint's delivery log shows this many attempts; they outlive the retention. */
export const KEPT_ATTEMPTS_PER_ENDPOINT = 100;

/**
 * One batch of housekeeping: drops up to `limit` messages delivered before `before` (with
 * their attempts), in id order after `after`, except webhook messages with an attempt among
 * their endpoint's last KEPT_ATTEMPTS_PER_ENDPOINT. Failed and pending rows are never touched.
 * Returns how many went and the last id looked at (null when there is nothing after it).
 */
export async function pruneDoneBatch(
  db: Db,
  before: Date,
  after: string,
  limit: number,
): Promise<{ deleted: number; last: string | null }> {
  const rows = await db.outboxMessage.findMany({
    where: { status: 'done', doneAt: { lt: before }, id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit,
    select: {
      id: true,
      kind: true,
      target: true,
      deliveries: {
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { id: true, startedAt: true },
      },
    },
  });
  if (rows.length === 0) return { deleted: 0, last: null };
  // Per endpoint, the oldest attempt its delivery log still shows (none: it shows them all).
  const oldestShown = new Map<string, { id: string; startedAt: Date } | null>();
  for (const r of rows)
    if (r.kind === 'webhook' && r.target && !oldestShown.has(r.target)) {
      const [edge] = await db.outboxAttempt.findMany({
        where: { target: r.target },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        skip: KEPT_ATTEMPTS_PER_ENDPOINT - 1,
        take: 1,
        select: { id: true, startedAt: true },
      });
      oldestShown.set(r.target, edge ?? null);
    }
  const shown = (r: (typeof rows)[number]) => {
    if (r.kind !== 'webhook' || !r.target) return false;
    const edge = oldestShown.get(r.target);
    const newest = r.deliveries[0];
    if (edge === null || edge === undefined) return true;
    if (!newest) return false;
    const t = newest.startedAt.getTime() - edge.startedAt.getTime();
    return t > 0 || (t === 0 && newest.id >= edge.id);
  };
  const ids = rows.filter((r) => !shown(r)).map((r) => r.id);
  let deleted = 0;
  if (ids.length > 0) {
    // Attempts first: SQLite enforces the cascade only with foreign keys switched on.
    const [, gone] = await db.$transaction([
      db.outboxAttempt.deleteMany({ where: { messageId: { in: ids } } }),
      db.outboxMessage.deleteMany({ where: { id: { in: ids }, status: 'done' } }),
    ]);
    deleted = gone.count;
  }
  return { deleted, last: rows.length < limit ? null : (rows.at(-1)?.id ?? null) };
}

/** Drops the messages for `target` that wait for delivery (its endpoint was deleted). */
export async function deletePendingFor(db: Db, target: string): Promise<number> {
  const r = await db.outboxMessage.deleteMany({
    where: {
      target,
      status: 'pending',
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
    },
  });
  return r.count;
}
