import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/process.js';

let dir: string;
let server: ChildServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  // A fresh, empty database directory: start must migrate and seed by itself.
  server = await startChildServer(
    {
      DATABASE_URL: `file:${join(dir, 'fresh/parley.db')}`,
      PARLEY_SECRET: 'startup-test-secret-123',
    },
    120_000,
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('when started on an empty database, then migrations run and the demo is seeded', () => {
  expect(server.output()).toContain('applied database migrations');
  expect(server.output()).toContain('seeded the demo site and article');
});

test('when the demo article is requested, then the page and its seven comments are served', async () => {
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('data-site="demo"');
  expect(html).toContain('/embed.js');

  const posts = (await (await fetch(`${server.url}/api/sites/demo/posts`)).json()) as {
    posts: { slug: string; commentCount: number }[];
  };
  expect(posts.posts[0]!.commentCount).toBe(7);
  const slug = posts.posts[0]!.slug;
  const thread = (await (
    await fetch(`${server.url}/api/sites/demo/posts/${slug}/comments`)
  ).json()) as {
    total: number;
    comments: { replies: { replies: unknown[] }[] }[];
  };
  expect(thread.total).toBe(7);
  // Replies two levels deep.
  expect(thread.comments.some((c) => c.replies.some((r) => r.replies.length > 0))).toBe(true);
  const embed = await fetch(`${server.url}/embed.js`);
  expect(embed.status).toBe(200);
});

test('when a reader posts from the demo, then the comment is accepted', async () => {
  const posts = (await (await fetch(`${server.url}/api/sites/demo/posts`)).json()) as {
    posts: { slug: string }[];
  };
  const res = await fetch(`${server.url}/api/sites/demo/posts/${posts.posts[0]!.slug}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Start Test',
      email: 'start@example.com',
      body: 'Checking the demo works end to end.',
    }),
  });
  expect([201, 202]).toContain(res.status);
});

test('when a fresh demo starts without an admin configured, then it prints a sign-in that works once', async () => {
  let match: RegExpExecArray | null = null;
  for (let i = 0; i < 100 && !match; i++) {
    match = /Sign in with (\S+) \/ (\S+)/.exec(server.output());
    if (!match) await new Promise((r) => setTimeout(r, 50));
  }
  expect(match).not.toBeNull();
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: match![1], password: match![2] }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin');
});
