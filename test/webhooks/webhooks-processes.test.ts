// Webhook deliveries across real server processes: two processes on one PostgreSQL database
// deliver a backlog with each event sent once, and a process killed mid-delivery loses nothing
// (its leased rows are taken over by the next one). Duplicates and losses are counted.
import type { ServerResponse } from 'node:http';
import { afterAll, describe, expect, test } from 'vitest';
import { PROVIDERS, type Provider } from '../helpers/databases.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.js';
import { recordFigure } from '../helpers/figures.js';
import { signInAs } from '../helpers/moderation.js';
import {
  aComment,
  createTestParley,
  seedSite,
  TEST_SECRET,
  type TestParley,
} from '../helpers/parley.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';

const WORKER_ENV = {
  SEED_DEMO: 'false',
  PARLEY_SECRET: TEST_SECRET,
  // The start test waits for the "Parley is listening" line (info).
  LOG_LEVEL: 'info',
  OUTBOX_POLL_MS: '50',
  OUTBOX_RETRY_BASE_MS: '200',
  // A receiver that answered but whose answer the (CPU-starved) process read too late counts as
  // a failure and is sent again: the timeout is generous, the lease well above it.
  OUTBOX_LEASE_MS: '20000',
  WEBHOOK_TIMEOUT_MS: '8000',
};

/** Rows one worker claims and delivers at once (the outbox worker's default batch). */
const WORKER_BATCH = 10;

async function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A backlog of `n` comment.created deliveries queued while no process delivers. */
async function backlog(provider: Provider, receiver: FakeServer, n: number) {
  const t = await createTestParley(provider, {
    name: `webhook-processes-${provider}`,
    env: { OUTBOX_WORKER: 'false' },
  });
  await seedSite(t.parley, { slug: 'blog' });
  const admin = await signInAs(t, { role: 'admin' });
  const res = await admin.post('/api/admin/sites/blog/webhooks', {
    url: `${receiver.url}/hook`,
    events: ['comment.created'],
  });
  expect(res.status).toBe(201);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(aComment());
    ids.push(posted.body.comment.id);
  }
  const queued = await t.parley.database.db.outboxMessage.count({ where: { status: 'pending' } });
  expect(queued).toBe(n);
  return { t, ids };
}

/** Receiver bookkeeping: what it accepted (answered 2xx), by comment id. */
function acceptedCounter() {
  const accepted = new Map<string, number>();
  return {
    accepted,
    take(body: string) {
      const id = JSON.parse(body).data.comment.id as string;
      accepted.set(id, (accepted.get(id) ?? 0) + 1);
    },
    tally(ids: string[]) {
      const duplicates = [...accepted.values()].reduce((s, c) => s + (c - 1), 0);
      const losses = ids.filter((id) => !accepted.has(id)).length;
      return { duplicates, losses };
    },
  };
}

describe('two processes on one PostgreSQL database', () => {
  let receiver: FakeServer;
  let t: TestParley | undefined;
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await t?.close();
    await receiver?.close();
  });

  test('when both deliver one backlog, then every event arrives exactly once', async () => {
    receiver = await startFakeServer();
    const counter = acceptedCounter();
    // The receiver answers nothing until more than one worker's batch is in flight at once: the
    // processes start one after the other, and the first alone could otherwise deliver the whole
    // backlog before the second looks. Held requests wait well inside the delivery timeout.
    const held: ServerResponse[] = [];
    let bothClaimed = false;
    receiver.respond((req, res) => {
      counter.take(req.body);
      if (bothClaimed) {
        setTimeout(() => res.writeHead(200).end(), 10);
        return;
      }
      held.push(res);
      if (held.length > WORKER_BATCH) {
        bothClaimed = true;
        for (const h of held) h.writeHead(200).end();
      }
    });
    const n = 60;
    const made = await backlog('postgresql', receiver, n);
    t = made.t;
    const env = {
      ...WORKER_ENV,
      WEBHOOK_TIMEOUT_MS: '60000',
      OUTBOX_LEASE_MS: '120000',
      DATABASE_URL: t.config.database.url,
    };
    children.push(...(await Promise.all([startChildServer(env), startChildServer(env)])));
    await until(() => bothClaimed, 50_000);
    await until(() => counter.accepted.size >= n, 180_000);
    await new Promise((r) => setTimeout(r, 1000));
    const { duplicates, losses } = counter.tally(made.ids);
    // The receiver counts on arrival; the processes record their attempts just after.
    const db = t.parley.database.db;
    for (let i = 0; i < 200 && (await db.outboxAttempt.count({ where: { ok: true } })) < n; i++)
      await new Promise((r) => setTimeout(r, 100));
    const workers = await t.parley.database.db.outboxAttempt.groupBy({
      by: ['worker'],
      _count: { _all: true },
    });
    const failedAttempts = await t.parley.database.db.outboxAttempt.findMany({
      where: { ok: false },
      select: { error: true },
    });
    recordFigure('webhooks.two-processes.postgresql', {
      events: n,
      duplicates,
      losses,
      perWorker: workers.map((w) => w._count._all),
      failedAttempts: failedAttempts.map((a) => a.error),
    });
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
    expect(workers).toHaveLength(2);
  }, 300_000);
});

describe.each(PROVIDERS)('a process killed mid-backlog on %s', (provider) => {
  let receiver: FakeServer;
  let t: TestParley | undefined;
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await t?.close();
    await receiver?.close();
  });

  test('when the next process starts, then it delivers everything, each event once', async () => {
    receiver = await startFakeServer();
    const counter = acceptedCounter();
    // First the receiver hangs: the first process has deliveries in flight when it dies.
    const hanging: ServerResponse[] = [];
    let up = false;
    receiver.respond((req, res) => {
      if (!up) {
        hanging.push(res);
        return;
      }
      counter.take(req.body);
      res.writeHead(200).end();
    });
    const n = 30;
    const made = await backlog(provider, receiver, n);
    t = made.t;
    const env = { ...WORKER_ENV, DATABASE_URL: t.config.database.url };
    const first = await startChildServer(env);
    await until(() => hanging.length > 0, 30_000);
    first.child.kill('SIGKILL');
    await new Promise<void>((r) => first.child.once('exit', () => r()));
    const inFlight = hanging.length;
    for (const res of hanging) res.destroy();
    up = true;
    const started = Date.now();
    children.push(await startChildServer(env));
    await until(() => counter.accepted.size >= n, 180_000);
    const recoveredMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    const { duplicates, losses } = counter.tally(made.ids);
    recordFigure(`webhooks.crash-restart.${provider}`, {
      events: n,
      inFlightAtKill: inFlight,
      duplicates,
      losses,
      allDeliveredAfterRestartMs: recoveredMs,
    });
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
  }, 300_000);
});
