// When Redis goes away, a process keeps serving REST and its own sockets, and says so.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { aComment, nextIp } from '../helpers/parley.js';
import { freePort, startChildServer, type ChildServer } from '../helpers/process.js';
import { connect, connected, join, next, waitFor } from '../helpers/sockets.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

let redis: ChildProcess;
let server: ChildServer;
let database: TestDatabase;
const sockets: Socket[] = [];

beforeAll(async () => {
  const port = await freePort();
  // A Redis of this test's own, so stopping it disturbs nothing else.
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 300));
  database = await createTestDatabase('sqlite');
  server = await startChildServer({
    DATABASE_URL: database.url,
    REDIS_URL: `redis://127.0.0.1:${port}`,
    PARLEY_SECRET: 'redis-outage-secret-1234',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'info',
  });
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  redis?.kill('SIGKILL');
  await database?.drop();
});

test('when Redis stops, then REST and local sockets keep working and the log says so', async () => {
  const slug = 'xz-style-backdoor-tarballs';
  const reader = connect(server.url);
  sockets.push(reader);
  await connected(reader);
  expect((await join(reader, 'demo', slug)).ok).toBe(true);

  redis.kill('SIGKILL');
  await waitFor(() => server.output().includes('Redis is unreachable'), 10_000);

  const { token } = (await (
    await fetch(`${server.url}/api/sites/demo/posts/${slug}/form-token`)
  ).json()) as { token: string };
  await new Promise((r) => setTimeout(r, 3_100)); // the demo site's minimum submit time
  const created = next<{ id: string }>(reader, 'comment:created', 10_000);
  const res = await fetch(`${server.url}/api/sites/demo/posts/${slug}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextIp() },
    body: JSON.stringify({
      ...aComment({ body: 'Posted while Redis is down, and still delivered here.' }),
      formToken: token,
    }),
  });
  expect(res.status).toBe(201);
  const { comment } = (await res.json()) as { comment: { id: string } };
  expect((await created).id).toBe(comment.id);
  const thread = (await (
    await fetch(`${server.url}/api/sites/demo/posts/${slug}/comments?sort=newest&limit=1`)
  ).json()) as { comments: { id: string }[] };
  expect(thread.comments[0]!.id).toBe(comment.id);
}, 60_000);
