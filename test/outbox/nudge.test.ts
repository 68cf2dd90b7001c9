// The outbox worker is kicked after a change only when a transaction queued a delivery lately
// (server.ts): with the poll interval set to a minute, a webhook still arrives at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('outbox nudges on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  let receiver: FakeServer;

  beforeAll(async () => {
    receiver = await startFakeServer();
    receiver.respond((_req, res) => res.writeHead(204).end());
    t = await createTestParley(provider, {
      name: `outbox-nudge-${provider}`,
      env: { OUTBOX_POLL_MS: '60000' },
    });
    await seedSite(t.parley, { slug: 'hooked' });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  test('when a comment queues a webhook, then it is delivered at once, not at the next poll', async () => {
    const added = await admin.post('/api/admin/sites/hooked/webhooks', {
      url: `${receiver.url}/hooked`,
      events: ['comment.created'],
    });
    expect(added.status).toBe(201);
    const posted = await t.post('/api/sites/hooked/posts/hello/comments').send(aComment());
    expect(posted.status).toBe(201);
    const end = Date.now() + 10_000;
    while (!receiver.requests.some((r) => r.body.includes(posted.body.comment.id))) {
      expect(Date.now()).toBeLessThan(end);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
