import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aComment, seedSite, startTestServer } from '../helpers/parley.js';
import { connect, connected, next, waitFor } from '../helpers/sockets.js';
import { signIn, TEST_ADMIN } from '../helpers/auth.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const ADMIN = TEST_ADMIN;

describe('moderation namespace', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let token: () => string;

  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    const site = await seedSite(server.parley, { posts: [{ slug: 'hello' }] });
    token = () => server.parley.formTokens.issue(site.id, 'hello', Date.now() - 60_000);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  let heldPosts = 0;
  const postHeld = async () => {
    const res = await fetch(`${server.url}/api/sites/blog/posts/hello/comments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        // a fresh address each time, never one another test posts from: two comments from one
        // address within 15 s are held as a flood (a random one once hit 192.0.2.200 below)
        'X-Forwarded-For': `203.0.113.${++heldPosts}`,
      },
      body: JSON.stringify({
        formToken: token(),
        ...aComment({ body: 'You are a pathetic idiot, frankly.' }),
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };

  test('when a socket has no session, then the namespace refuses it', async () => {
    const anon = connect(server.url, { namespace: '/moderation' });
    sockets.push(anon);
    await expect(connected(anon)).rejects.toThrow(/UNAUTHENTICATED/);
    const forged = connect(server.url, {
      namespace: '/moderation',
      cookie: 'parley_session=forged',
    });
    sockets.push(forged);
    await expect(connected(forged)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  test('when a comment is held, then a signed-in moderator gets queue:added and new counts', async () => {
    const { cookie } = await signIn(server.url);
    const mod = connect(server.url, { namespace: '/moderation', cookie });
    sockets.push(mod);
    const firstCounts = next<{ site: string; counts: Record<string, number> }>(mod, 'queue:counts');
    await connected(mod);
    const before = await firstCounts;
    expect(before.site).toBe('blog');
    const added = next<{
      queue: string;
      item: { comment: { id: string; authorEmail: string; screening: { reasons: unknown[] } } };
    }>(mod, 'queue:added');
    const counts = next<{ counts: Record<string, number> }>(mod, 'queue:counts');
    const id = await postHeld();
    const event = await added;
    expect(event.queue).toBe('toxic');
    expect(event.item.comment.id).toBe(id);
    expect(event.item.comment.screening.reasons.length).toBeGreaterThan(0);
    expect((await counts).counts.pending).toBe((before.counts.pending ?? 0) + 1);
  });

  test('when another moderator acts on an item, then everyone gets queue:removed', async () => {
    const first = await signIn(server.url);
    const second = await signIn(server.url);
    const watcher = connect(server.url, { namespace: '/moderation', cookie: first.cookie });
    sockets.push(watcher);
    await connected(watcher);
    const id = await postHeld();
    const removed = next<{ id: string; from: string; to: string }>(watcher, 'queue:removed');
    const res = await fetch(`${server.url}/api/moderation/comments/${id}/approve`, {
      method: 'POST',
      headers: { cookie: second.cookie, 'X-CSRF-Token': second.csrfToken },
    });
    expect(res.status).toBe(200);
    expect(await removed).toEqual({ id, from: 'pending', to: 'approved' });
  });

  test('when a reader reports a comment past the threshold, then it enters the reported queue live', async () => {
    const { cookie } = await signIn(server.url);
    const mod = connect(server.url, { namespace: '/moderation', cookie });
    sockets.push(mod);
    await connected(mod);
    const res = await fetch(`${server.url}/api/sites/blog/posts/hello/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.200' },
      body: JSON.stringify({
        formToken: token(),
        ...aComment({ body: 'A perfectly fine comment that some readers dislike.' }),
      }),
    });
    const { comment } = (await res.json()) as { comment: { id: string } };
    const added: { queue: string; item: { comment: { id: string } } }[] = [];
    mod.on('queue:added', (e) => added.push(e));
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      const r = await fetch(`${server.url}/api/comments/${comment.id}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: JSON.stringify({ reason: 'abuse' }),
      });
      expect(r.status).toBe(202);
    }
    await waitFor(() =>
      added.some((e) => e.queue === 'reported' && e.item.comment.id === comment.id),
    );
  });
});
