// Two Parley processes sharing one PostgreSQL database and one Redis, as behind a load
// balancer: what happens on A reaches sockets on B.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { aComment } from '../helpers/parley.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';
import { assertNoEmailsInPayloads, connect, connected, join, next } from '../helpers/sockets.js';
import { createNewsSite, signIn } from '../helpers/auth.js';

const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };

describe('two processes, one PostgreSQL, one Redis', () => {
  let database: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  const sockets: Socket[] = [];
  const emails = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: `parley-test-${process.pid}-${Date.now()}`,
      PARLEY_SECRET: 'scale-out-shared-secret-123',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
    };
    // Both start together: the migration lock must keep them from migrating twice.
    [a, b] = await Promise.all([
      startChildServer({
        ...shared,
        PARLEY_ADMIN_EMAIL: ADMIN.email,
        PARLEY_ADMIN_PASSWORD: ADMIN.password,
      }),
      startChildServer(shared),
    ]);
    expect(await createNewsSite(a.url, ADMIN)).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    assertNoEmailsInPayloads(emails);
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const postTo = async (server: ChildServer, body: string) => {
    const token = (await (
      await fetch(`${server.url}/api/sites/news/posts/story/form-token`)
    ).json()) as { token: string };
    const input = aComment({ body, url: 'https://news.example/story', title: 'Story' });
    emails.add(String(input.email));
    const res = await fetch(`${server.url}/api/sites/news/posts/story/comments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `203.0.113.${emails.size}`,
      },
      body: JSON.stringify({ ...input, formToken: token.token }),
    });
    return { status: res.status, body: (await res.json()) as { comment: { id: string } } };
  };

  test('when a comment is posted to process A, then a reader connected to process B receives it', async () => {
    const reader = connect(b.url);
    sockets.push(reader);
    await connected(reader);
    expect((await join(reader, 'news', 'story')).ok).toBe(true);
    const created = next<{ id: string }>(reader, 'comment:created');
    const res = await postTo(a, 'Posted on A, read on B: the fan-out works across processes.');
    expect(res.status).toBe(201);
    expect((await created).id).toBe(res.body.comment.id);
  });

  test('when a comment is held on process A, then a moderator on process B sees it arrive', async () => {
    const { cookie } = await signIn(b.url, ADMIN);
    const mod = connect(b.url, { namespace: '/moderation', cookie });
    sockets.push(mod);
    await connected(mod).catch((err) => {
      throw new Error(`${err.message}\n${b.output().slice(-3000)}`);
    });
    const added = next<{ item: { comment: { id: string } } }>(mod, 'queue:added');
    const res = await postTo(a, 'You are an absolute idiot and a pathetic liar.');
    expect(res.status).toBe(202);
    expect((await added).item.comment.id).toBe(res.body.comment.id);
  });

  test('when a moderator signs out on process A, then their socket on process B closes at once', async () => {
    const session = await signIn(a.url, ADMIN);
    const mod = connect(b.url, { namespace: '/moderation', cookie: session.cookie });
    mod.io.reconnection(false);
    sockets.push(mod);
    await connected(mod);
    const gone = next(mod, 'disconnect', 3_000);
    const out = await fetch(`${a.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
    });
    expect(out.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  test('when one client spreads comments over both processes, then it gets the comment rate limit once, not twice', async () => {
    const ip = '203.0.113.250';
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await fetch(`${server.url}/api/sites/news/posts/limits/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: JSON.stringify(
          aComment({
            body: `Rate limit probe ${i} on a shared budget.`,
            url: 'https://news.example/limits',
            title: 'Limits',
          }),
        ),
      });
      statuses.push(res.status);
    }
    // RATE_LIMIT_COMMENTS_PER_MINUTE defaults to 20 per client IP: 20 accepted across both.
    expect(statuses.filter((s) => s === 201 || s === 202)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  test('when both processes started at once, then each migration was applied once', () => {
    const applied = [a.output(), b.output()].filter((o) =>
      o.includes('applied database migrations'),
    );
    expect(applied).toHaveLength(1);
  });
});
