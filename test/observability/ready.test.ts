// /api/ready against real PostgreSQL and Redis behind TCP proxies that can cut them off:
// readiness names the dependency that is gone, liveness stays about the process and its store.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestParley, type TestParley } from '../helpers/parley.js';
import { waitFor } from '../helpers/sockets.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

let pg: TcpProxy;
let redis: TcpProxy;
let t: TestParley;

beforeAll(async () => {
  pg = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
  redis = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
  t = await createTestParley('postgresql', {
    name: 'ready',
    connectVia: (u) => viaProxy(u, pg),
    env: { REDIS_URL: `redis://127.0.0.1:${redis.port}`, REDIS_PREFIX: `ready-${process.pid}` },
  });
}, 60_000);

afterAll(async () => {
  pg?.setMode('pass');
  redis?.setMode('pass');
  await t?.close();
  await pg?.close();
  await redis?.close();
});

const ready = () => t.api().get('/api/ready');

test('when the database and Redis answer, then ready is 200 and names both checks', async () => {
  const res = await ready();
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ ok: true, checks: { database: 'ok', redis: 'ok' } });
});

test('when Redis is cut off, then ready answers 503 naming redis while health stays 200, and ready recovers when Redis is back', async () => {
  redis.setMode('refuse');
  const started = Date.now();
  const res = await ready();
  expect(res.status).toBe(503);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(res.body.error.code).toBe('NOT_READY');
  expect(Object.keys(res.body.error.fields)).toEqual(['redis']);
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  expect((await t.api().get('/api/health')).status).toBe(200);

  redis.setMode('pass');
  await waitFor(async () => (await ready()).status === 200, 15_000);
}, 30_000);

test('when PostgreSQL is cut off, then ready answers 503 naming the database', async () => {
  pg.setMode('refuse');
  const res = await ready();
  expect(res.status).toBe(503);
  expect(res.body.error.fields).toHaveProperty('database');
  expect(res.body.error.fields).not.toHaveProperty('redis');
  pg.setMode('pass');
  await waitFor(async () => (await ready()).status === 200, 15_000);
}, 30_000);
