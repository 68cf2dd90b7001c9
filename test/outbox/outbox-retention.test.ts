// Outbox housekeeping on real SQLite and PostgreSQL: delivered rows go once past the retention,
// in batches, with their attempts; failed and waiting rows stay, and so do the attempts a
// webhook endpoint's delivery log shows (its last 100).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uuidv7 } from '../../src/ids.js';
import { createLogger } from '../../src/logger.js';
import { KEPT_ATTEMPTS_PER_ENDPOINT } from '../../src/outbox/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { createTestParley, type TestParley } from '../helpers/parley.js';

const log = createLogger('silent');
const DAY = 86_400_000;
let run = 0;

describe.each(PROVIDERS)('outbox retention on %s', (provider) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley(provider, {
      name: `outbox-retention-${provider}`,
      env: { OUTBOX_WORKER: 'false' },
    });
  });
  afterAll(async () => t?.close());

  const db = () => t.parley.database.db;

  /** A message as the worker leaves it, with one attempt per `attemptsAt`. */
  async function message(m: {
    kind?: 'webhook' | 'email';
    status: 'done' | 'failed' | 'pending';
    target?: string;
    doneDaysAgo?: number;
    attemptsAt?: Date[];
  }): Promise<string> {
    const id = uuidv7();
    const now = Date.now();
    await db().outboxMessage.create({
      data: {
        id,
        kind: m.kind ?? 'email',
        key: `retention:${++run}:${id}`,
        target: m.target ?? null,
        payload: { n: run },
        status: m.status,
        attempts: m.attemptsAt?.length ?? 0,
        doneAt: m.doneDaysAgo === undefined ? null : new Date(now - m.doneDaysAgo * DAY),
        createdAt: new Date(now - (m.doneDaysAgo ?? 0) * DAY - 1000),
      },
    });
    for (const [i, startedAt] of (m.attemptsAt ?? []).entries())
      await db().outboxAttempt.create({
        data: {
          messageId: id,
          target: m.target ?? null,
          attempt: i + 1,
          ok: m.status === 'done' && i === (m.attemptsAt?.length ?? 0) - 1,
          durationMs: 5,
          startedAt,
        },
      });
    return id;
  }

  const exists = async (id: string) => (await db().outboxMessage.count({ where: { id } })) === 1;

  test('when delivered rows pass OUTBOX_RETENTION_DAYS, then a prune drops them and their attempts in batches, and keeps failed, waiting and recent rows', async () => {
    const old = new Date(Date.now() - 40 * DAY);
    const oldDone: string[] = [];
    for (let i = 0; i < 12; i++)
      oldDone.push(
        await message({
          status: 'done',
          target: 'someone',
          doneDaysAgo: 31 + i,
          attemptsAt: [old],
        }),
      );
    const recent = await message({ status: 'done', doneDaysAgo: 29, attemptsAt: [old] });
    const failed = await message({ status: 'failed', attemptsAt: [old, old] });
    const waiting = await message({ status: 'pending', attemptsAt: [old] });
    const worker = t.parley.outbox.createWorker({
      log,
      handlers: {},
      retention: { keepMs: 30 * DAY, batchSize: 5, maxBatches: 10 },
    });

    expect(await worker.prune()).toBe(12);
    for (const id of oldDone) expect(await exists(id)).toBe(false);
    expect(await db().outboxAttempt.count({ where: { messageId: { in: oldDone } } })).toBe(0);
    for (const id of [recent, failed, waiting]) expect(await exists(id)).toBe(true);
    expect(await db().outboxAttempt.count({ where: { messageId: failed } })).toBe(2);
    // Nothing left to do.
    expect(await worker.prune()).toBe(0);
  });

  test('when an endpoint’s old deliveries are pruned, then its delivery log keeps its last 100 attempts', async () => {
    const endpoint = `endpoint-${run}`;
    const small = `small-${run}`;
    const base = Date.now() - 60 * DAY;
    const ids: string[] = [];
    // 105 delivered webhook messages, one attempt each, oldest first.
    for (let i = 0; i < KEPT_ATTEMPTS_PER_ENDPOINT + 5; i++)
      ids.push(
        await message({
          kind: 'webhook',
          status: 'done',
          target: endpoint,
          doneDaysAgo: 50,
          attemptsAt: [new Date(base + i * 1000)],
        }),
      );
    const fewer = [];
    for (let i = 0; i < 3; i++)
      fewer.push(
        await message({
          kind: 'webhook',
          status: 'done',
          target: small,
          doneDaysAgo: 50,
          attemptsAt: [new Date(base + i * 1000)],
        }),
      );
    const before = await t.parley.outbox.attempts(endpoint, 100);
    const worker = t.parley.outbox.createWorker({
      log,
      handlers: {},
      retention: { keepMs: 30 * DAY, batchSize: 7, maxBatches: 100 },
    });

    expect(await worker.prune()).toBe(5);
    for (const id of ids.slice(0, 5)) expect(await exists(id)).toBe(false);
    for (const id of [...ids.slice(5), ...fewer]) expect(await exists(id)).toBe(true);
    const after = await t.parley.outbox.attempts(endpoint, 100);
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(await db().outboxAttempt.count({ where: { target: endpoint } })).toBe(100);
  });

  test('when the worker runs, then its loop prunes by itself', async () => {
    const id = await message({ status: 'done', doneDaysAgo: 40, attemptsAt: [new Date()] });
    const worker = t.parley.outbox.createWorker({
      log,
      handlers: { email: async () => ({ ok: true }) },
      pollMs: 50,
      retention: { keepMs: 30 * DAY, everyMs: 60_000 },
    });
    worker.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await exists(id)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(await exists(id)).toBe(false);
    } finally {
      await worker.stop();
    }
  });

  test('when 5,000 delivered rows are past retention, then runs of at most 2,500 rows drop them all (figure: ms per run)', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      id: uuidv7(),
      kind: 'email',
      key: `bulk:${run}:${i}`,
      target: `user-${i % 50}`,
      payload: { n: i },
      status: 'done',
      attempts: 1,
      doneAt: new Date(now - 40 * DAY),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db().outboxMessage.createMany({ data: rows.slice(i, i + 500) });
    for (let i = 0; i < rows.length; i += 500)
      await db().outboxAttempt.createMany({
        data: rows.slice(i, i + 500).map((r) => ({
          messageId: r.id,
          target: r.target,
          attempt: 1,
          ok: true,
          durationMs: 3,
          startedAt: new Date(now - 40 * DAY),
        })),
      });
    // The defaults the server runs with: 5 batches of 500 per run.
    const worker = t.parley.outbox.createWorker({
      log,
      handlers: {},
      retention: { keepMs: 30 * DAY },
    });
    const times: number[] = [];
    const deleted: number[] = [];
    // (The webhook rows an earlier test keeps are looked at too, and stay.)
    do {
      const start = performance.now();
      deleted.push(await worker.prune());
      times.push(Math.round(performance.now() - start));
    } while (deleted.at(-1) !== 0 && deleted.length < 5);
    expect(deleted.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Math.max(...deleted)).toBeLessThanOrEqual(2500);
    expect(await db().outboxMessage.count({ where: { key: { startsWith: `bulk:${run}:` } } })).toBe(
      0,
    );
    recordFigure(`outbox.prune-run-ms.${provider}`, { deleted, ms: times });
  });
});
