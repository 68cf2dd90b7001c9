// Mail through the outbox when the SMTP server is down for a while, across a restart, and with
// two processes delivering one backlog: every mail arrives exactly once.
import { afterAll, describe, expect, test } from 'vitest';
import { buildParley, type Parley } from '../../src/server.js';
import { PROVIDERS } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { signInAs } from '../helpers/moderation.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';
import {
  aComment,
  createTestParley,
  seedSite,
  TEST_SECRET,
  type TestParley,
} from '../helpers/parley.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

const FAST_OUTBOX = { OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '200', OUTBOX_LEASE_MS: '3000' };

async function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Duplicates (same Message-ID twice) and losses (a held comment whose mail never came). */
function tally(mails: ReceivedMail[], bodies: string[]) {
  const ids = mails.map((m) => m.parsed.messageId);
  const duplicates = ids.length - new Set(ids).size;
  const losses = bodies.filter((b) => !mails.some((m) => m.parsed.text?.includes(b))).length;
  return { duplicates, losses };
}

async function heldComments(t: TestParley, n: number): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = aComment();
    bodies.push(c.body);
    expect((await t.post('/api/sites/blog/posts/hello/comments').send(c)).status).toBe(202);
  }
  return bodies;
}

describe.each(PROVIDERS)('SMTP down, a restart, SMTP up on %s', (provider) => {
  let smtp: TestSmtp;
  let t: TestParley;
  let second: Parley | undefined;
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await smtp?.stop();
  });

  test('when SMTP is down while comments are held and the process restarts, then every moderator mail arrives exactly once after SMTP is back', async () => {
    smtp = await startTestSmtp();
    t = await createTestParley(provider, {
      name: `mail-outage-${provider}`,
      env: { SMTP_URL: smtp.url, ...FAST_OUTBOX },
    });
    await seedSite(t.parley, { slug: 'blog', settings: { premoderation: 'everyone' } });
    const admin = await signInAs(t, {
      role: 'admin',
      email: `outage-admin-${provider}@staff.test`,
    });
    await smtp.stop();
    const n = 12;
    const bodies = await heldComments(t, n);
    await new Promise((r) => setTimeout(r, 1000));
    const db = t.parley.database.db;
    expect(await db.outboxAttempt.count({ where: { ok: false } })).toBeGreaterThan(0);
    // A restart: this process stops delivering, a new one on the same database takes over.
    await t.parley.outboxWorker?.stop();
    second = await buildParley(t.config);
    await new Promise((r) => setTimeout(r, 500));
    await smtp.start();
    const toAdmin = () => smtp.mails.filter((m) => m.rcpt.includes(admin.user.email));
    await until(() => toAdmin().length >= n, 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const { duplicates, losses } = tally(toAdmin(), bodies);
    const failedAttempts = await db.outboxAttempt.count({ where: { ok: false } });
    recordFigure(`mail.smtp-outage-restart.${provider}`, {
      mails: n,
      received: toAdmin().length,
      duplicates,
      losses,
      failedAttempts,
    });
    expect({ duplicates, losses, received: toAdmin().length }).toEqual({
      duplicates: 0,
      losses: 0,
      received: n,
    });
  }, 120_000);
});

describe('two processes on one PostgreSQL database', () => {
  let smtp: TestSmtp;
  let t: TestParley | undefined;
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await t?.close();
    await smtp?.stop();
  }, 120_000);

  test('when two processes deliver the same stream of mails, then no mail is sent twice or lost', async () => {
    smtp = await startTestSmtp();
    t = await createTestParley('postgresql', {
      name: 'mail-processes',
      env: { SMTP_URL: smtp.url, OUTBOX_WORKER: 'false' },
    });
    await seedSite(t.parley, { slug: 'blog', settings: { premoderation: 'everyone' } });
    const admin = await signInAs(t, { role: 'admin', email: 'two-procs-admin@staff.test' });
    const env = {
      DATABASE_URL: t.config.database.url,
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      PARLEY_SECRET: TEST_SECRET,
      // "Parley is listening" (info) tells the helper the child is up.
      LOG_LEVEL: 'info',
      SMTP_URL: smtp.url,
      ...FAST_OUTBOX,
      // A loaded machine can take seconds per SMTP delivery: leases outlast that.
      OUTBOX_LEASE_MS: '30000',
    };
    // One after the other: a child rebuilds dist/ when sources changed, and two would race.
    children.push(await startChildServer(env));
    children.push(await startChildServer(env));
    // Both processes are polling before the first mail is queued: they compete for every row.
    const n = 30;
    const bodies = await heldComments(t, n);
    const db = t.parley.database.db;
    const toAdmin = () => smtp.mails.filter((m) => m.rcpt.includes(admin.user.email));
    await until(() => toAdmin().length >= n, 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const { duplicates, losses } = tally(toAdmin(), bodies);
    const workers = await db.outboxAttempt.groupBy({ by: ['worker'], _count: { _all: true } });
    recordFigure('mail.two-processes.postgresql', {
      mails: n,
      duplicates,
      losses,
      perWorker: workers.map((w) => w._count._all),
    });
    expect({ duplicates, losses, received: toAdmin().length }).toEqual({
      duplicates: 0,
      losses: 0,
      received: n,
    });
  }, 180_000);
});
