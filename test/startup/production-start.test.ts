// `SEED_DEMO=false` as in production, on a fresh database, as a real process (dist/main.js):
// no demo article and no "(demo article)" line; the output and / point to the first-run page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/process.js';

let dir: string;
let server: ChildServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-prod-'));
  server = await startChildServer(
    {
      DATABASE_URL: `file:${join(dir, 'parley.db')}`,
      PARLEY_SECRET: 'production-start-secret-1',
      SEED_DEMO: 'false',
    },
    120_000,
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('when started with SEED_DEMO=false on a fresh database, then no demo is served or printed and the first-run page is announced', async () => {
  for (let i = 0; i < 100 && !server.output().includes('First run'); i++)
    await new Promise((r) => setTimeout(r, 50));
  expect(server.output()).not.toContain('demo article');
  expect(server.output()).not.toContain('seeded the demo');
  expect(server.output()).toContain(`First run: open ${server.url}/moderate`);
  const root = await fetch(`${server.url}/`, { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/moderate');
  expect((await fetch(`${server.url}/api/sites/demo/posts`)).status).toBe(404);
  expect(await (await fetch(`${server.url}/api/auth/setup`)).json()).toMatchObject({
    needed: true,
  });
});
