// The cached public thread must never be stale: after every kind of change the next GET shows
// it, in the process that made the change and in another process sharing Redis.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ThreadCache } from '../../src/comments/thread-cache.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import {
  aComment,
  createTestParley,
  nextIp,
  seedSite,
  type TestParley,
} from '../helpers/parley.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';
import { signIn } from '../helpers/auth.js';

const ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };
const ids = (body: { comments: { id: string; replies: unknown[] }[] }) =>
  body.comments.map((c) => c.id);

describe('thread cache unit', () => {
  test('when a read raced with an invalidation, then its page is not stored', () => {
    const cache = new ThreadCache();
    const v = cache.version('p');
    cache.invalidate('p');
    cache.set('k', 'p', v, { stale: true });
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', 'p', cache.version('p'), { fresh: true });
    expect(JSON.parse(cache.get('k')!.body.toString())).toEqual({ fresh: true });
  });

  test('when the cache is over its byte budget, then the least recently used pages go', () => {
    const cache = new ThreadCache(100);
    cache.set('a', 'p1', 0, { pad: 'x'.repeat(40) });
    cache.set('b', 'p2', 0, { pad: 'y'.repeat(40) });
    cache.get('a');
    cache.set('c', 'p3', 0, { pad: 'z'.repeat(40) });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});

describe('thread cache in one process', () => {
  let t: TestParley;
  let agent: ReturnType<typeof request.agent>;
  let csrf: string;
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    t = await createTestParley('sqlite', {
      name: 'thread-cache',
      env: { PARLEY_ADMIN_EMAIL: ADMIN.email, PARLEY_ADMIN_PASSWORD: ADMIN.password },
    });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
    agent = request.agent(t.http);
    csrf = (await agent.post('/api/auth/login').send(ADMIN)).body.csrfToken;
  });
  afterAll(async () => t?.close());

  const thread = async () => (await t.api().get(url)).body;
  const act = (id: string, action: string) =>
    agent.post(`/api/moderation/comments/${id}/${action}`).set('X-CSRF-Token', csrf).send({});

  test('when the thread is unchanged, then a repeat GET with its ETag is a 304', async () => {
    const first = await t.api().get(url);
    expect(first.headers.etag).toMatch(/^"/);
    const again = await t.api().get(url).set('If-None-Match', String(first.headers.etag));
    expect(again.status).toBe(304);
  });

  test('when each kind of change happens, then the next GET shows it', async () => {
    await thread(); // warm the cache
    const a = (await t.post(url).send(aComment())).body.comment;
    expect(ids(await thread())).toContain(a.id); // new approved comment

    const held = (await t.post(url).send(aComment({ body: 'You are a pathetic idiot, honestly.' })))
      .body.comment;
    expect(ids(await thread())).not.toContain(held.id);
    expect((await act(held.id, 'approve')).status).toBe(200);
    expect(ids(await thread())).toContain(held.id); // approval

    expect((await act(held.id, 'reject')).status).toBe(200);
    expect(ids(await thread())).not.toContain(held.id); // rejection

    const edited = await agent
      .patch(`/api/moderation/comments/${a.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ body: 'Edited by a moderator for clarity.' });
    expect(edited.status).toBe(200);
    const afterEdit = await thread();
    expect(afterEdit.comments.find((c: { id: string }) => c.id === a.id).html).toContain(
      'Edited by a moderator',
    );

    expect((await act(a.id, 'delete')).status).toBe(200);
    const afterDelete = await thread();
    expect(ids(afterDelete)).not.toContain(a.id); // delete
    expect(afterDelete.total).toBe(0);
  });

  test("when a ban rejects the author's comments, then the next GET no longer shows them", async () => {
    const c = (await t.post(url).send(aComment({ email: 'troll@example.com' }))).body.comment;
    expect(ids(await thread())).toContain(c.id);
    const ban = await agent
      .post('/api/moderation/bans')
      .set('X-CSRF-Token', csrf)
      .send({ site: 'blog', kind: 'email', commentId: c.id, rejectExisting: true });
    expect(ban.status).toBe(201);
    expect(ids(await thread())).not.toContain(c.id);
  });
});

describe('thread cache across two processes with Redis', () => {
  let database: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  let admin: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `parley-cache-${process.pid}-${Date.now()}`,
      PARLEY_SECRET: 'cache-shared-secret-12345',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
    };
    a = await startChildServer({
      ...shared,
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    b = await startChildServer(shared);
    admin = await signIn(a.url, ADMIN);
    const res = await fetch(`${a.url}/api/admin/sites`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        cookie: admin.cookie,
        'X-CSRF-Token': admin.csrfToken,
      },
      body: JSON.stringify({ slug: 'news', name: 'News', settings: { autoCreatePosts: true } }),
    });
    expect(res.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const threadOn = async (s: ChildServer) =>
    (await (await fetch(`${s.url}/api/sites/news/posts/story/comments`)).json()) as {
      comments: { id: string; replies: unknown[] }[];
    };
  const postOn = async (s: ChildServer, body: string) => {
    const { token } = (await (
      await fetch(`${s.url}/api/sites/news/posts/story/form-token`)
    ).json()) as { token: string };
    await new Promise((r) => setTimeout(r, 3_100)); // minimum submit time on the real server
    const res = await fetch(`${s.url}/api/sites/news/posts/story/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextIp() },
      body: JSON.stringify({
        ...aComment({ body, url: 'https://news.example/story', title: 'Story' }),
        formToken: token,
      }),
    });
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const actOn = (s: ChildServer, id: string, action: string) =>
    fetch(`${s.url}/api/moderation/comments/${id}/${action}`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    });
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 40 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await check()).toBe(true);
  };

  test('when a change is made on process A, then process B stops serving its cached page', async () => {
    const first = await postOn(a, 'The first comment, so the post exists on both.');
    expect(ids(await threadOn(b))).toContain(first); // B caches the page now

    const second = await postOn(a, 'A second comment posted through A.');
    await eventually(async () => ids(await threadOn(b)).includes(second));

    expect((await actOn(a, second, 'reject')).status).toBe(200);
    await eventually(async () => !ids(await threadOn(b)).includes(second));

    expect((await actOn(a, second, 'approve')).status).toBe(200);
    await eventually(async () => ids(await threadOn(b)).includes(second));

    expect((await actOn(a, first, 'delete')).status).toBe(200);
    await eventually(async () => !ids(await threadOn(b)).includes(first));
  });
});

describe('cached thread pages answered before the router', () => {
  let server: Awaited<ReturnType<typeof import('../helpers/parley.js').startTestServer>>;
  const path = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    const { startTestServer } = await import('../helpers/parley.js');
    server = await startTestServer('sqlite');
    await seedSite(server.parley, {
      posts: [{ slug: 'hello' }],
      allowedOrigins: ['https://blog.example'],
    });
  });
  afterAll(async () => server?.stop());

  test('when a cached page is asked for again, then the same bytes, ETag, 304 and CORS rules apply', async () => {
    const first = await fetch(`${server.url}${path}`);
    const body = await first.text();
    const etag = first.headers.get('etag')!;
    expect(server.parley.threadCache.size).toBeGreaterThan(0);

    const second = await fetch(`${server.url}${path}`);
    expect(await second.text()).toBe(body);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(second.headers.get('etag')).toBe(etag);
    expect(
      (await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);

    const allowed = await fetch(`${server.url}${path}`, {
      headers: { Origin: 'https://blog.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://blog.example');
    const refused = await fetch(`${server.url}${path}`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    // What that origin may read is the refusal (so the widget can explain it), not the thread.
    const refusal = (await refused.json()) as { error: { code: string }; comments?: unknown };
    expect(refusal.error.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(refusal.comments).toBeUndefined();
    const invalid = await fetch(`${server.url}${path}?limit=1000`);
    expect(invalid.status).toBe(400);
  });
});
