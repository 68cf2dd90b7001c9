// Webhooks end to end on real SQLite and PostgreSQL, delivered to a real loopback receiver:
// the admin API, signed bodies checked with the README's own snippet, retries of a failing
// receiver, redelivery, the delivery log and the outbox status.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { startFakeServer, type FakeServer, type RecordedRequest } from '../helpers/fake-http.js';
import { recordFigure } from '../helpers/figures.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

type Verify = (secret: string, header: unknown, rawBody: string, tolerance?: number) => boolean;

/** The verification snippet exactly as README "Webhooks" shows it. */
async function readmeVerifier(): Promise<Verify> {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const m = /```js\n(\/\/ verify-parley-signature\.mjs\n[\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no verify-parley-signature.mjs snippet');
  const file = join(mkdtempSync(join(tmpdir(), 'parley-verify-')), 'verify.mjs');
  writeFileSync(file, m[1]!);
  return ((await import(file)) as { verifyParleySignature: Verify }).verifyParleySignature;
}

async function until<T>(what: () => T | Promise<T>, ok: (v: T) => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const eventsOf = (reqs: RecordedRequest[]) =>
  reqs.map((r) => JSON.parse(r.body) as { id: string; type: string; data: any });

describe.each(PROVIDERS)('webhooks on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  let receiver: FakeServer;
  let verify: Verify;

  beforeAll(async () => {
    verify = await readmeVerifier();
    receiver = await startFakeServer();
    t = await createTestParley(provider, {
      name: `webhooks-${provider}`,
      env: { OUTBOX_RETRY_BASE_MS: '100', OUTBOX_POLL_MS: '50', OUTBOX_MAX_ATTEMPTS: '4' },
    });
    await seedSite(t.parley, { slug: 'blog' });
    await seedSite(t.parley, { slug: 'held', settings: { premoderation: 'everyone' } });
    await seedSite(t.parley, { slug: 'events', settings: { reportThreshold: 1 } });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const hooks = (site: string) => `/api/admin/sites/${site}/webhooks`;
  async function addEndpoint(site: string, body: object) {
    const res = await admin.post(hooks(site), { url: `${receiver.url}/${site}`, ...body });
    expect(res.status).toBe(201);
    return res.body.webhook as { id: string; secret: string; url: string };
  }

  test('when the URL is not http(s) or the events are unknown, then it is a 400 naming each field', async () => {
    const res = await admin.post(hooks('blog'), {
      url: 'file:///etc/passwd',
      events: ['comment.created', 'comment.exploded'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['events.1', 'url']);
    const creds = await admin.post(hooks('blog'), {
      url: 'http://user:pw@127.0.0.1/x',
      events: ['comment.created'],
    });
    expect(creds.status).toBe(400);
    const none = await t.api().get(hooks('blog'));
    expect(none.status).toBe(401);
  });

  test('when a comment is posted, then the endpoint receives comment.created signed as the README says, without the email', async () => {
    receiver.respond((_req, res) => res.writeHead(204).end());
    const endpoint = await addEndpoint('blog', { events: ['comment.created'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const input = aComment();
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(input);
    expect(posted.status).toBe(201);
    const req = await until(
      () =>
        receiver.requests.find((r) => r.url === '/blog' && r.body.includes(posted.body.comment.id)),
      (r) => r !== undefined,
    );
    expect(verify(endpoint.secret, req!.headers['parley-signature'], req!.body)).toBe(true);
    expect(verify('whsec_wrong', req!.headers['parley-signature'], req!.body)).toBe(false);
    expect(verify(endpoint.secret, req!.headers['parley-signature'], `${req!.body} `)).toBe(false);
    const event = JSON.parse(req!.body);
    expect(event).toMatchObject({
      type: 'comment.created',
      site: { slug: 'blog' },
      data: {
        comment: { id: posted.body.comment.id, status: 'approved', post: { slug: 'hello' } },
      },
    });
    expect(req!.headers['parley-event']).toBe('comment.created');
    expect(req!.body.toLowerCase()).not.toContain(input.email.toLowerCase());
    await admin.delete(`${hooks('blog')}/${endpoint.id}`).expect(204);
  });

  test('when the endpoint is private, then it also gets the email; after rotation the new secret signs', async () => {
    receiver.respond((_req, res) => res.writeHead(200).end('ok'));
    const endpoint = await addEndpoint('blog', { events: ['comment.created'], private: true });
    const input = aComment();
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(input);
    const req = await until(
      () => receiver.requests.find((r) => r.body.includes(posted.body.comment.id)),
      (r) => r !== undefined,
    );
    expect(JSON.parse(req!.body).data.comment.author.email).toBe(input.email);
    const rotated = await admin.post(`${hooks('blog')}/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const test = await admin.post(`${hooks('blog')}/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const ping = await until(
      () => receiver.requests.find((r) => r.body.includes(test.body.eventId)),
      (r) => r !== undefined,
    );
    expect(JSON.parse(ping!.body).type).toBe('webhook.test');
    expect(verify(rotated.body.secret, ping!.headers['parley-signature'], ping!.body)).toBe(true);
    expect(verify(endpoint.secret, ping!.headers['parley-signature'], ping!.body)).toBe(false);
    await admin.delete(`${hooks('blog')}/${endpoint.id}`).expect(204);
  });

  test('when a held comment is approved, then queue.entered, comment.approved and queue.left arrive', async () => {
    receiver.respond((_req, res) => res.writeHead(200).end());
    const endpoint = await addEndpoint('held', {
      events: ['comment.created', 'queue.entered', 'comment.approved', 'queue.left'],
    });
    const posted = await t.post('/api/sites/held/posts/hello/comments').send(aComment());
    expect(posted.status).toBe(202);
    const id = posted.body.comment.id as string;
    const decided = await admin.post(`/api/moderation/comments/${id}/approve`, {});
    expect(decided.status).toBe(200);
    const mine = () =>
      eventsOf(receiver.requests.filter((r) => r.url === '/held' && r.body.includes(id)));
    const events = await until(mine, (e) => e.length >= 4);
    expect(events.map((e) => e.type).sort()).toEqual([
      'comment.approved',
      'comment.created',
      'queue.entered',
      'queue.left',
    ]);
    const approved = events.find((e) => e.type === 'comment.approved')!;
    expect(approved.data.previousStatus).toBe('pending');
    expect(approved.data.comment.moderation).toHaveProperty('decidedAt');
    await admin.delete(`${hooks('held')}/${endpoint.id}`).expect(204);
  });

  test('when a comment is reported, edited, rejected, marked spam and deleted, then each of those events arrives once', async () => {
    receiver.respond((_req, res) => res.writeHead(200).end());
    const endpoint = await addEndpoint('events', {
      events: [
        'comment.reported',
        'comment.edited',
        'comment.rejected',
        'comment.spam',
        'comment.deleted',
        'queue.entered',
        'queue.left',
      ],
    });
    const posted = await t.post('/api/sites/events/posts/hello/comments').send(aComment());
    const id = posted.body.comment.id as string;
    const report = await t.post(`/api/comments/${id}/reports`).send({ reason: 'abuse' });
    expect(report.status).toBeLessThan(300);
    const steps: [string, () => Promise<unknown>][] = [
      [
        'edit',
        () => admin.patch(`/api/moderation/comments/${id}`, { body: 'Edited by a moderator.' }),
      ],
      ['reject', () => admin.post(`/api/moderation/comments/${id}/reject`, {})],
      ['spam', () => admin.post(`/api/moderation/comments/${id}/spam`, {})],
      ['delete', () => admin.post(`/api/moderation/comments/${id}/delete`, {})],
    ];
    for (const [, step] of steps) expect(((await step()) as { status: number }).status).toBe(200);
    const mine = () =>
      eventsOf(receiver.requests.filter((r) => r.url === '/events' && r.body.includes(id)));
    const events = await until(mine, (e) => e.length >= 7);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      mine()
        .map((e) => e.type)
        .sort(),
    ).toEqual(
      [
        'comment.reported',
        'queue.entered',
        'comment.edited',
        'comment.rejected',
        'queue.left',
        'comment.spam',
        'comment.deleted',
      ].sort(),
    );
    expect(events.find((e) => e.type === 'comment.spam')!.data.previousStatus).toBe('rejected');
    await admin.delete(`${hooks('events')}/${endpoint.id}`).expect(204);
  });

  test('when the receiver answers 500 at first, then each event is retried until it succeeds and arrives once', async () => {
    const failures = new Map<string, number>();
    const accepted: RecordedRequest[] = [];
    receiver.respond((req, res) => {
      const id = JSON.parse(req.body).id as string;
      const n = failures.get(id) ?? 0;
      // Each event fails twice before the receiver takes it.
      if (n < 2) {
        failures.set(id, n + 1);
        res.writeHead(500).end('busy');
        return;
      }
      accepted.push(req);
      res.writeHead(200).end();
    });
    const endpoint = await addEndpoint('blog', { events: ['comment.created'] });
    const sent = 8;
    const ids: string[] = [];
    for (let i = 0; i < sent; i++)
      ids.push(
        (await t.post('/api/sites/blog/posts/hello/comments').send(aComment())).body.comment.id,
      );
    await until(
      () => accepted.filter((r) => r.url === '/blog').length,
      (n) => n >= sent,
      20_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    const got = eventsOf(accepted).map((e) => e.data.comment.id as string);
    const duplicates = got.length - new Set(got).size;
    const losses = ids.filter((id) => !got.includes(id)).length;
    recordFigure(`webhooks.retry-after-500.${provider}`, { sent, duplicates, losses });
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });

    const log = await admin.get(`${hooks('blog')}/${endpoint.id}/deliveries`);
    expect(log.status).toBe(200);
    const deliveries = log.body.deliveries as {
      statusCode: number;
      attempt: number;
      ok: boolean;
    }[];
    // Two 500s per event, then its success; a connection the receiver closed under us (keep-alive
    // race) is one more failed attempt, retried like any other.
    expect(deliveries.filter((d) => d.statusCode === 500)).toHaveLength(sent * 2);
    const successes = deliveries.filter((d) => d.ok);
    expect(successes).toHaveLength(sent);
    for (const d of successes) expect(d.attempt).toBeGreaterThanOrEqual(3);

    // Redeliver one on request: it arrives again, and the log shows the new attempt.
    const one = log.body.deliveries.find((d: { ok: boolean }) => d.ok);
    const again = await admin.post(
      `${hooks('blog')}/${endpoint.id}/deliveries/${one.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    await until(
      () => accepted.length,
      (n) => n === sent + 1,
    );
    await admin.delete(`${hooks('blog')}/${endpoint.id}`).expect(204);
  });

  test('when the receiver never succeeds, then the message is failed after the last attempt and the outbox status shows it', async () => {
    receiver.respond((_req, res) => res.writeHead(503).end());
    const endpoint = await addEndpoint('blog', { events: ['comment.created'] });
    await t.post('/api/sites/blog/posts/hello/comments').send(aComment());
    const status = await until(
      async () => (await admin.get('/api/admin/outbox?site=blog')).body,
      (b) => b.failed?.some((m: { target: string }) => m.target === endpoint.id),
      20_000,
    );
    const failed = status.failed.find((m: { target: string }) => m.target === endpoint.id);
    expect(failed).toMatchObject({ kind: 'webhook', attempts: 4, lastError: 'HTTP 503' });
    expect(status.counts.failed).toBeGreaterThanOrEqual(1);
    receiver.respond((_req, res) => res.writeHead(200).end());
    expect((await admin.post(`/api/admin/outbox/${failed.id}/retry`)).status).toBe(202);
    await until(
      async () => (await admin.get('/api/admin/outbox?site=blog')).body.counts.failed,
      (n) => n === status.counts.failed - 1,
    );
  });
});
