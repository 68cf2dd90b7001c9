// Two processes, and Redis goes away: the other process must not serve thread pages it can no
// longer hear invalidated, and when Redis returns its readers are told to catch up.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNewsSite } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { aComment } from '../helpers/parley.js';
import { freePort, startChildServer, type ChildServer } from '../helpers/process.js';
import { connect, connected, join, next, waitFor } from '../helpers/sockets.js';

const ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };

describe('Redis outage across two processes', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let database: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  const sockets: Socket[] = [];

  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, 300));
  };

  beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
    database = await createTestDatabase('postgresql');
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      PARLEY_SECRET: 'redis-catch-up-secret-42',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
    };
    a = await startChildServer({
      ...shared,
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    b = await startChildServer(shared);
    expect(await createNewsSite(a.url, ADMIN)).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    redis?.kill('SIGKILL');
    await database?.drop();
  });

  let n = 0;
  const post = async (server: ChildServer, body: string) => {
    n += 1;
    const { token } = (await (
      await fetch(`${server.url}/api/sites/news/posts/story/form-token`)
    ).json()) as { token: string };
    const res = await fetch(`${server.url}/api/sites/news/posts/story/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${n}` },
      body: JSON.stringify({
        ...aComment({ body, url: 'https://news.example/story', title: 'Story' }),
        formToken: token,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const threadIds = async (server: ChildServer) =>
    (
      (await (
        await fetch(`${server.url}/api/sites/news/posts/story/comments?limit=100`)
      ).json()) as { comments: { id: string }[] }
    ).comments.map((c) => c.id);

  test('when Redis dies, then the other process serves fresh threads, and when it returns its readers are told to resync', async () => {
    await post(a, 'The first comment, before any outage.');
    const reader = connect(b.url);
    sockets.push(reader);
    await connected(reader);
    expect((await join(reader, 'news', 'story')).ok).toBe(true);
    await threadIds(b);
    await threadIds(b); // now cached on B

    redis.kill('SIGKILL');
    await waitFor(
      () =>
        b.output().includes('Redis is unreachable') && a.output().includes('Redis is unreachable'),
      15_000,
    );
    const during = await post(a, 'Posted on A while Redis is down.');
    expect(await threadIds(b)).toContain(during);

    const resync = next(reader, 'thread:resync', 20_000);
    await startRedis();
    await resync;
    expect(await threadIds(b)).toContain(during);
  }, 90_000);
});
