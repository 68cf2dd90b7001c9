// PostgreSQL behind a TCP proxy that goes silent (no reset), refuses, and comes back: health
// says so within a second, requests fail with 503 instead of hanging, and service returns
// within seconds of the database.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import { recordFigure } from '../helpers/figures.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL faults', () => {
  let proxy: TcpProxy;
  let t: TestParley;
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    t = await createTestParley('postgresql', {
      name: 'db-faults',
      connectVia: (u) => viaProxy(u, proxy),
    });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => {
    proxy?.setMode('pass');
    await t?.close();
    await proxy?.close();
  });

  /** Time until `probe` first answers `status`, polling every 100 ms. */
  async function timeUntil(
    probe: () => Promise<number>,
    status: number,
    limitMs: number,
  ): Promise<number> {
    const start = Date.now();
    while (Date.now() - start < limitMs) {
      if ((await probe().catch(() => 0)) === status) return Date.now() - start;
      await sleep(100);
    }
    return Infinity;
  }

  test('when connections go silent for 5 s, then health answers 503 within 1 s, requests fail fast, and service is back within 5 s', async () => {
    for (let i = 0; i < 5; i++) expect((await t.post(url).send(aComment())).status).toBe(201);
    proxy.setMode('silent');

    const started = Date.now();
    const health = await t.api().get('/api/health');
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(health.body.error.code).toBe('DATABASE_UNAVAILABLE');

    // A write during the outage is refused with 503 and Retry-After, never left hanging.
    const during = Date.now();
    const write = await t.post(url).send(aComment());
    expect(write.status).toBe(503);
    expect(write.headers['retry-after']).toBeDefined();
    expect(Date.now() - during).toBeLessThan(10_000);
    await sleep(Math.max(0, 5_000 - (Date.now() - started)));

    proxy.setMode('pass');
    const back = await timeUntil(
      async () => (await t.api().get('/api/health')).status,
      200,
      15_000,
    );
    expect(back).toBeLessThan(5_000);
    const writeBack = await timeUntil(
      async () => (await t.post(url).send(aComment())).status,
      201,
      15_000,
    );
    expect(writeBack).toBeLessThan(5_000);
    recordFigure('pg-silent-5s: ms from database back to health 200 / first stored POST', {
      health: back,
      post: back + writeBack,
    });
    const read = await t.api().get(url).query({ limit: 5, sort: 'newest' });
    expect(read.status).toBe(200);
  }, 60_000);

  test('when the database refuses connections, then requests answer 503 with Retry-After, and 200 once it is back', async () => {
    proxy.setMode('refuse');
    const res = await t.post(url).send(aComment());
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.api().get('/api/health')).status).toBe(503);
    proxy.setMode('pass');
    expect(
      await timeUntil(async () => (await t.post(url).send(aComment())).status, 201, 15_000),
    ).toBeLessThan(5_000);
  }, 60_000);
});
