// SSRF: on a deployment (WEBHOOK_PRIVATE_TARGETS=block, the default when PUBLIC_URL is https) a
// site admin cannot point a webhook at the server's own network: an address written in the URL
// is refused with a 400 naming the field, and a name that resolves to one is refused at
// delivery, before any byte is sent. Real server, real loopback receiver, both stores.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PROVIDERS } from '../helpers/databases.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

test('when PUBLIC_URL is https, then private targets are blocked by default; a local install allows them', () => {
  expect(loadConfig({ PUBLIC_URL: 'https://comments.example.org' }).webhookPrivateTargets).toBe(
    'block',
  );
  expect(loadConfig({}).webhookPrivateTargets).toBe('allow');
  expect(
    loadConfig({ PUBLIC_URL: 'https://comments.example.org', WEBHOOK_PRIVATE_TARGETS: 'allow' })
      .webhookPrivateTargets,
  ).toBe('allow');
});

describe.each(PROVIDERS)('webhook targets on %s with private targets blocked', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  let receiver: FakeServer;

  beforeAll(async () => {
    receiver = await startFakeServer();
    receiver.respond((_req, res) => res.writeHead(204).end());
    t = await createTestParley(provider, {
      name: `webhook-targets-${provider}`,
      env: { WEBHOOK_PRIVATE_TARGETS: 'block', OUTBOX_POLL_MS: '50', OUTBOX_MAX_ATTEMPTS: '1' },
    });
    await seedSite(t.parley, { slug: 'blog' });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  test('when the URL names a loopback, private or metadata address, then it is a 400 on url', async () => {
    for (const url of [
      `${receiver.url}/hook`,
      'http://[::1]:8080/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://[::ffff:192.168.1.1]/hook',
      'http://localhost:6379/',
    ]) {
      const res = await admin.post('/api/admin/sites/blog/webhooks', {
        url,
        events: ['comment.created'],
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.url).toMatch(/private or loopback/);
    }
    const ok = await admin.post('/api/admin/sites/blog/webhooks', {
      url: 'https://hooks.example.org/parley',
      events: ['comment.deleted'],
      enabled: false,
    });
    expect(ok.status).toBe(201);
    const moved = await admin.patch(`/api/admin/sites/blog/webhooks/${ok.body.webhook.id}`, {
      url: 'http://127.0.0.1:5432/',
    });
    expect(moved.status).toBe(400);
  });

  test('when an endpoint stored earlier points at a loopback address, then nothing is sent and the log says why', async () => {
    // As if it was created while private targets were allowed: the delivery checks again.
    const created = await admin.post('/api/admin/sites/blog/webhooks', {
      url: 'https://hooks.example.org/later',
      events: ['comment.created'],
    });
    expect(created.status).toBe(201);
    await t.parley.database.db.webhookEndpoint.update({
      where: { id: created.body.webhook.id },
      data: { url: `${receiver.url}/hook` },
    });
    const before = receiver.requests.length;
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(aComment());
    expect(posted.status).toBe(201);
    const path = `/api/admin/sites/blog/webhooks/${created.body.webhook.id}/deliveries`;
    const end = Date.now() + 10_000;
    let deliveries: { ok: boolean; error: string | null }[] = [];
    while (deliveries.length === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = (await admin.get(path)).body.deliveries;
    }
    expect(deliveries[0]).toMatchObject({ ok: false });
    expect(deliveries[0]!.error).toMatch(/127\.0\.0\.1 is a private or loopback address/);
    expect(receiver.requests.length).toBe(before);
  });
});
