// Delivers what the outbox holds: claims due rows under a lease, hands each to the handler of
// its kind, records the attempt, and settles it (done, retry later with back-off, or failed).
// A process that dies mid-delivery leaves its rows leased; when the lease runs out another
// worker (or this one, restarted) takes them over. Rows are settled only by the lease holder.
import { hostname } from 'node:os';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../ids.js';
import { redactError, type Logger } from '../logger.js';
import { DEFAULT_RETRY, nextDelayMs, type RetryPolicy } from './backoff.js';
import {
  claimMessages,
  pruneDoneBatch,
  settleMessage,
  type ClaimedRow,
  type Store,
} from './outbox.repo.js';

/** A claimed message as a handler sees it. */
export interface OutboxMessage {
  id: string;
  kind: string;
  key: string;
  siteId: string | null;
  target: string | null;
  /** As enqueued; the handler checks it with its own zod schema. */
  payload: unknown;
  /** This attempt's number, 1 for the first. */
  attempt: number;
}

/** What a delivery came to. A handler may also throw: that is a failure to retry. */
export interface DeliveryResult {
  ok: boolean;
  /** The HTTP status a receiver answered. */
  statusCode?: number;
  /** Why it failed (no personal data: it is stored and shown in the dashboard). */
  error?: string;
  /** Do not retry (the endpoint was deleted, the address unsubscribed): settle as failed. */
  permanent?: boolean;
}

export type OutboxHandler = (message: OutboxMessage) => Promise<DeliveryResult>;

const SETTLE_TRIES = 5;

export interface OutboxWorkerOptions {
  db: Db;
  store: Store;
  log: Logger;
  /** One handler per kind ("webhook", "email"). A kind without one stays queued. */
  handlers: Record<string, OutboxHandler>;
  retry?: Partial<RetryPolicy>;
  /** How long a claim holds (ms); longer than any delivery can take. */
  leaseMs?: number;
  /** How often to look for due rows when not nudged (ms). */
  pollMs?: number;
  /** Rows claimed at once. */
  batchSize?: number;
  /** Housekeeping: delivered rows are dropped this long after delivery. */
  retention?: RetentionOptions;
}

export interface RetentionOptions {
  /** Delivered rows older than this go (ms; OUTBOX_RETENTION_DAYS). */
  keepMs: number;
  /** How often the worker's loop prunes (ms). */
  everyMs?: number;
  /** Rows looked at per batch, and batches per run: one run stays short. */
  batchSize?: number;
  maxBatches?: number;
}

export interface OutboxWorker {
  /** This worker's name in lockedBy and the attempts it records. */
  readonly id: string;
  start(): void;
  /** Look for due rows now (after a commit that queued some). */
  nudge(): void;
  /** Claims and delivers one batch; returns how many rows it handled. */
  runOnce(): Promise<number>;
  /** Drops delivered rows past their retention now; returns how many went. */
  prune(now?: Date): Promise<number>;
  /** Stops polling and waits for deliveries in flight. */
  stop(): Promise<void>;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const kinds = Object.keys(options.handlers);
  const id = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  const { db, store, log } = options;

  let running = false;
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let loop: Promise<void> | null = null;
  let again = false;

  async function deliver(row: ClaimedRow): Promise<void> {
    const message: OutboxMessage = {
      id: row.id,
      kind: row.kind,
      key: row.key,
      siteId: row.siteId,
      target: row.target,
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
      attempt: Number(row.attempts),
    };
    const handler = options.handlers[row.kind];
    const startedAt = new Date();
    let result: DeliveryResult;
    try {
      result = handler
        ? await handler(message)
        : { ok: false, error: `no handler for "${row.kind}"` };
    } catch (err) {
      result = { ok: false, error: String((err as Error)?.message ?? err).slice(0, 500) };
    }
    const durationMs = Date.now() - startedAt.getTime();
    const delay = result.ok || result.permanent ? null : nextDelayMs(retry, message.attempt);
    const status = result.ok ? 'done' : delay === null ? 'failed' : 'pending';
    const settled = await settleWithRetries(
      db,
      {
        messageId: row.id,
        target: row.target,
        attempt: message.attempt,
        ok: result.ok,
        statusCode: result.statusCode ?? null,
        durationMs,
        error: result.error?.slice(0, 500) ?? null,
        worker: id,
        startedAt,
      },
      {
        status,
        error: result.ok ? null : (result.error?.slice(0, 500) ?? 'failed'),
        ...(delay !== null && { runAt: new Date(Date.now() + delay) }),
      },
    );
    if (!settled)
      log.warn({ messageId: row.id, kind: row.kind }, 'outbox lease lost before settling');
    if (status === 'failed')
      log.warn({ messageId: row.id, kind: row.kind, attempts: message.attempt }, 'outbox gave up');
  }

  /**
   * The delivery happened: recording it must not be lost to a busy moment of the database (the
   * lease would run out and the message be sent again). A few tries, then the lease decides.
   */
  async function settleWithRetries(...args: Parameters<typeof settleMessage>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await settleMessage(...args);
      } catch (err) {
        if (attempt >= SETTLE_TRIES) throw err;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }

  async function runOnce(): Promise<number> {
    if (kinds.length === 0) return 0;
    const now = new Date();
    const rows = await claimMessages(
      db,
      store,
      id,
      now,
      new Date(now.getTime() + leaseMs),
      batchSize,
    );
    // A row whose lease ran out while this worker was still delivering it comes back to us:
    // the delivery in flight settles it (it is still leased to this worker).
    const fresh = rows.filter((row) => !inFlight.has(row.id));
    for (const row of fresh) inFlight.add(row.id);
    await Promise.all(fresh.map((row) => deliver(row).finally(() => inFlight.delete(row.id))));
    return rows.length;
  }

  const retention = options.retention;
  const pruneEveryMs = retention?.everyMs ?? 10 * 60_000;
  let nextPruneAt = 0;
  let pruneCursor = '';

  /**
   * A few batches of delivered rows past their retention, resuming where the last run stopped:
   * each run is a handful of small indexed queries, so it can sit in the delivery loop.
   */
  async function prune(now = new Date()): Promise<number> {
    if (!retention) return 0;
    const before = new Date(now.getTime() - retention.keepMs);
    let total = 0;
    for (let i = 0; i < (retention.maxBatches ?? 5); i++) {
      const { deleted, last } = await pruneDoneBatch(
        db,
        before,
        pruneCursor,
        retention.batchSize ?? 500,
      );
      total += deleted;
      pruneCursor = last ?? '';
      if (last === null) break;
    }
    if (total > 0) log.info({ deleted: total }, 'outbox: delivered rows past retention pruned');
    return total;
  }

  async function pruneWhenDue(): Promise<void> {
    if (!retention || Date.now() < nextPruneAt) return;
    nextPruneAt = Date.now() + pruneEveryMs;
    await prune();
  }

  async function drainLoop(): Promise<void> {
    try {
      do {
        again = false;
        // A full batch means more may be due: go on without waiting for the next tick.
        while (running && (await runOnce()) === batchSize) {}
      } while (running && again);
      // Housekeeping when nothing is due, never ahead of a delivery.
      if (running) await pruneWhenDue();
    } catch (err) {
      log.error({ err: redactError(err) }, 'outbox worker failed; retrying on the next tick');
    } finally {
      loop = null;
    }
  }

  function kick(): void {
    if (!running) return;
    if (loop) {
      again = true;
      return;
    }
    loop = drainLoop();
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    nudge: kick,
    runOnce,
    prune,
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      timer = null;
      await loop;
    },
  };
}
