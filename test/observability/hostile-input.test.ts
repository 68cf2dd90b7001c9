// The operations routes under hostile input: odd paths, queries, methods and headers get a
// 4xx (or their normal answer), never a 5xx, and never leak a file outside swagger-ui's folder.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestParley, type TestParley } from '../helpers/parley.js';

const TOKEN = 'metrics-token-0123456789';
let t: TestParley;

beforeAll(async () => {
  t = await createTestParley('sqlite', { name: 'ops-hostile', env: { METRICS_TOKEN: TOKEN } });
});
afterAll(() => t.close());

test('when hostile requests hit /metrics, /api/ready, /api/openapi.json and /api/docs, then none is answered 5xx and no file outside the renderer is served', async () => {
  const paths = [
    '/api/ready?x=%00',
    '/api/ready?x[]=1&x[y]=2',
    '/api/openapi.json?%ZZ',
    '/api/openapi.json/..%2F..%2Fpackage.json',
    '/api/docs/assets/..%2F..%2F..%2Fpackage.json',
    '/api/docs/assets/%2e%2e/%2e%2e/package.json',
    '/api/docs/assets/swagger-ui.css%00.js',
    '/api/docs/init.js?callback=alert(1)',
    '/api/docs%ZZ',
    '/metrics?x=%ED%A0%80',
  ];
  const auth = [
    undefined,
    'Bearer',
    'Bearer ',
    `Bearer ${TOKEN} extra`,
    `bearer ${'x'.repeat(10_000)}`,
    `Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}`,
    `Bearer ${TOKEN}\u00e9`,
  ];
  const statuses: number[] = [];
  for (const path of paths)
    for (const method of ['get', 'post', 'delete'] as const) {
      const res = await t.api()[method](path);
      statuses.push(res.status);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(res.text, `${method} ${path}`).not.toContain('"name": "parley"');
    }
  for (const header of auth) {
    const req = t.api().get('/metrics');
    const res = await (header ? req.set('Authorization', header) : req).catch(() => null);
    if (!res) continue; // a header the HTTP client itself refuses to send
    statuses.push(res.status);
    expect(res.status, String(header).slice(0, 40)).toBe(401);
  }
  const ok = await t.api().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(ok.status).toBe(200);
  expect(statuses.length).toBeGreaterThan(30);
});
