// Public face of the outbox: durable deliveries to the outside world (webhooks, email).
//
//   const outbox = createOutboxModule({ db, store });
//   // inside the transaction of the change that causes the delivery:
//   await outbox.enqueue(tx, { kind: 'email', key: `email:held:${commentId}:${userId}`,
//                              siteId, target: userId, payload: { … } });
//   // once, in server.ts:
//   const worker = outbox.createWorker({ log, handlers: { webhook, email } }); worker.start();
//
// A message commits or rolls back with the change; its key is unique, so enqueueing the same
// key again is a no-op. The worker retries failures with exponential back-off (1 min → 6 h,
// then `failed`), records every attempt, and leases what it claims so a crashed process's
// rows are taken over once the lease runs out. Its loop also drops delivered rows past their
// retention (failed rows stay, and so do the attempts webhook delivery logs show).
import type { Db, DbClient } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { RetryPolicy } from './backoff.js';
import {
  countByStatus,
  deletePendingFor,
  getAttempt,
  getAttemptsFor,
  getFailedMessages,
  getMessage,
  insertMessages,
  requeueMessage,
  type Store,
} from './outbox.repo.js';
import {
  createOutboxWorker,
  type OutboxHandler,
  type OutboxWorker,
  type RetentionOptions,
} from './outbox.worker.js';

export { DEFAULT_RETRY, nextDelayMs, type RetryPolicy } from './backoff.js';
export type {
  DeliveryResult,
  OutboxHandler,
  OutboxMessage,
  OutboxWorker,
  RetentionOptions,
} from './outbox.worker.js';
export { KEPT_ATTEMPTS_PER_ENDPOINT } from './outbox.repo.js';

/** The delivery kinds; each has one handler in the worker. */
export type OutboxKind = 'webhook' | 'email';

export interface NewOutboxMessage {
  kind: OutboxKind;
  /** Idempotency key: a second message with the same key is dropped. */
  key: string;
  siteId?: string | null;
  /** Whom it goes to (webhook endpoint id, user or subscriber id): the delivery log's filter. */
  target?: string | null;
  /** JSON the handler needs; never more personal data than the recipient may see. */
  payload: unknown;
  /** Not before (default: now). */
  runAt?: Date;
}

export interface Outbox {
  /** Queues messages inside `tx` (or on their own with a Db); returns how many were new. */
  enqueue(tx: DbClient, messages: NewOutboxMessage | NewOutboxMessage[]): Promise<number>;
  createWorker(options: {
    log: Logger;
    handlers: Partial<Record<OutboxKind, OutboxHandler>>;
    retry?: Partial<RetryPolicy>;
    leaseMs?: number;
    pollMs?: number;
    batchSize?: number;
    /** Delivered rows are pruned this long after delivery (failed rows are kept). */
    retention?: RetentionOptions;
  }): OutboxWorker;
  /** pending / done / failed counts (of one kind, one site). */
  counts(where?: { kind?: OutboxKind; siteId?: string }): Promise<Record<string, number>>;
  /** The messages that were given up, newest first. */
  failed(
    where?: { kind?: OutboxKind; siteId?: string },
    take?: number,
  ): ReturnType<typeof getFailedMessages>;
  /** The last attempts at delivering to `target`, newest first. */
  attempts(target: string, take?: number): ReturnType<typeof getAttemptsFor>;
  attempt(id: string): ReturnType<typeof getAttempt>;
  message(id: string): ReturnType<typeof getMessage>;
  /** Queues a message again for delivery now (redeliver, retry a failed one). */
  requeue(messageId: string): Promise<boolean>;
  /** Drops what waits for `target` (an endpoint deleted, an address unsubscribed). */
  cancel(target: string): Promise<number>;
}

export function createOutboxModule(deps: { db: Db; store: Store }): Outbox {
  const { db, store } = deps;
  return {
    enqueue(tx, messages) {
      const list = Array.isArray(messages) ? messages : [messages];
      const now = new Date();
      return insertMessages(
        tx,
        store,
        list.map((m) => ({
          kind: m.kind,
          key: m.key,
          siteId: m.siteId ?? null,
          target: m.target ?? null,
          payload: m.payload,
          runAt: m.runAt ?? now,
        })),
      );
    },
    createWorker: (options) =>
      createOutboxWorker({
        db,
        store,
        ...options,
        handlers: options.handlers as Record<string, OutboxHandler>,
      }),
    counts: (where = {}) => countByStatus(db, where),
    failed: (where = {}, take) => getFailedMessages(db, where, take),
    attempts: (target, take) => getAttemptsFor(db, target, take),
    attempt: (id) => getAttempt(db, id),
    message: (id) => getMessage(db, id),
    requeue: (id) => requeueMessage(db, id),
    cancel: (target) => deletePendingFor(db, target),
  };
}
