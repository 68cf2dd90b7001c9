// Metrics of a listening server: live sockets and rooms from realtime, and thread pages the
// fast path answers before express still counted, logged and given a request id.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedSite, startTestServer } from '../helpers/parley.js';
import { connect, connected, join } from '../helpers/sockets.js';

const TOKEN = 'metrics-token-0123456789';
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer('sqlite', { METRICS_TOKEN: TOKEN });
  await seedSite(server.parley);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const scrape = async () => {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
};
const value = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? Number.NaN);

test('when two readers join a thread, then the sockets and rooms gauges count them', async () => {
  expect(value(await scrape(), /^parley_realtime_sockets (\S+)$/m)).toBe(0);
  for (let i = 0; i < 2; i++) {
    const reader = connect(server.url);
    sockets.push(reader);
    await connected(reader);
    expect((await join(reader, 'blog', 'hello')).ok).toBe(true);
  }
  const text = await scrape();
  expect(value(text, /^parley_realtime_sockets (\S+)$/m)).toBe(2);
  expect(value(text, /^parley_realtime_rooms (\S+)$/m)).toBe(1);
});

test('when a cached thread page is answered by the fast path, then it has a request id and is counted under its route pattern', async () => {
  const url = `${server.url}/api/sites/blog/posts/hello/comments`;
  const first = await fetch(url); // express: loads and caches the page
  const second = await fetch(url); // the fast path: from the cache, before express
  expect([first.status, second.status]).toEqual([200, 200]);
  expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  const text = await scrape();
  expect(
    value(
      text,
      /^parley_http_request_duration_seconds_count\{method="GET",route="\/api\/sites\/:site\/posts\/:post\/comments",status="200"\} (\S+)$/m,
    ),
  ).toBe(2);
});
