// The outbox on real SQLite and PostgreSQL: queued once per key, with the transaction that
// queued it, retried with back-off until given up, leased so a dead worker's rows are taken
// over, and claimed by one worker at a time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import type { OutboxMessage } from '../../src/outbox/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { createTestParley, type TestParley } from '../helpers/parley.js';

const log = createLogger('silent');
let run = 0;
const key = (name: string) => `test:${name}:${++run}:${Date.now()}`;

describe.each(PROVIDERS)('outbox on %s', (provider) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley(provider, {
      name: `outbox-${provider}`,
      env: { OUTBOX_WORKER: 'false' },
    });
  });
  afterAll(async () => t?.close());

  const db = () => t.parley.database.db;
  const outbox = () => t.parley.outbox;
  const rowsOf = (k: string) => db().outboxMessage.findMany({ where: { key: k } });

  test('when the same key is queued twice, then it is stored once', async () => {
    const k = key('twice');
    const first = await outbox().enqueue(db(), { kind: 'webhook', key: k, payload: { n: 1 } });
    const second = await outbox().enqueue(db(), { kind: 'webhook', key: k, payload: { n: 2 } });
    expect([first, second]).toEqual([1, 0]);
    const rows = await rowsOf(k);
    expect(rows).toHaveLength(1);
  });

  test('when the transaction that queued a message rolls back, then the message is gone too', async () => {
    const k = key('rollback');
    await expect(
      inTransaction(db(), async (tx) => {
        await outbox().enqueue(tx, { kind: 'webhook', key: k, payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(k)).toHaveLength(0);
  });

  test('when a handler fails, then it is retried after the back-off and given up after the last attempt', async () => {
    const k = key('retry');
    await outbox().enqueue(db(), { kind: 'email', key: k, payload: { to: 'someone' } });
    const seen: OutboxMessage[] = [];
    const worker = outbox().createWorker({
      log,
      handlers: {
        email: async (m) => {
          if (m.key !== k) return { ok: true };
          seen.push(m);
          return { ok: false, statusCode: 503, error: 'down' };
        },
      },
      retry: { baseDelayMs: 800, maxAttempts: 3 },
    });
    await worker.runOnce();
    expect(seen.map((m) => m.attempt)).toEqual([1]);
    // Not due yet: the back-off holds it.
    await worker.runOnce();
    expect(seen).toHaveLength(1);
    let [row] = await rowsOf(k);
    expect(row!.status).toBe('pending');
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now());
    for (const wait of [900, 1700]) {
      await new Promise((r) => setTimeout(r, wait));
      await worker.runOnce();
    }
    expect(seen.map((m) => m.attempt)).toEqual([1, 2, 3]);
    [row] = await rowsOf(k);
    expect(row!.status).toBe('failed');
    expect(row!.lastError).toBe('down');
    const attempts = await db().outboxAttempt.findMany({ where: { messageId: row!.id } });
    expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode]).sort()).toEqual([
      [1, false, 503],
      [2, false, 503],
      [3, false, 503],
    ]);
    // A failed message can be queued again.
    expect(await outbox().requeue(row!.id)).toBe(true);
    expect((await rowsOf(k))[0]!.status).toBe('pending');
    await db().outboxMessage.delete({ where: { id: row!.id } });
  });

  test('when a worker dies holding a lease, then another takes the message over once it runs out, and the first cannot settle it', async () => {
    const k = key('lease');
    await outbox().enqueue(db(), { kind: 'webhook', key: k, payload: {} });
    let release: () => void = () => {};
    const stuck = new Promise<void>((r) => {
      release = r;
    });
    const delivered: string[] = [];
    const dying = outbox().createWorker({
      log,
      leaseMs: 1000,
      handlers: {
        webhook: async (m) => {
          if (m.key === k) await stuck;
          return { ok: true };
        },
      },
    });
    const healthy = outbox().createWorker({
      log,
      leaseMs: 1000,
      handlers: {
        webhook: async (m) => {
          if (m.key === k) delivered.push(healthy.id);
          return { ok: true };
        },
      },
    });
    const hung = dying.runOnce();
    await new Promise((r) => setTimeout(r, 100));
    // Leased: the healthy worker does not see it.
    await healthy.runOnce();
    expect(delivered).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    await healthy.runOnce();
    expect(delivered).toEqual([healthy.id]);
    release();
    await hung;
    const [row] = await rowsOf(k);
    expect(row!.status).toBe('done');
    expect(row!.attempts).toBe(2);
  });

  test('when four workers claim a backlog at once, then each message is delivered exactly once', async () => {
    const prefix = key('race');
    const n = 80;
    await outbox().enqueue(
      db(),
      Array.from({ length: n }, (_, i) => ({
        kind: 'webhook' as const,
        key: `${prefix}:${i}`,
        payload: { i },
      })),
    );
    const deliveries = new Map<string, number>();
    const workers = Array.from({ length: 4 }, () =>
      outbox().createWorker({
        log,
        batchSize: 5,
        handlers: {
          webhook: async (m) => {
            deliveries.set(m.key, (deliveries.get(m.key) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 2));
            return { ok: true };
          },
        },
      }),
    );
    const drain = async (w: (typeof workers)[number]) => {
      while ((await w.runOnce()) > 0) {}
    };
    await Promise.all(workers.map(drain));
    const ours = [...deliveries].filter(([k]) => k.startsWith(prefix));
    expect(ours).toHaveLength(n);
    expect(ours.filter(([, count]) => count > 1)).toEqual([]);
  });
});
