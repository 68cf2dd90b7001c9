// Things that happen at the same moment: first comments on a new post, two processes starting
// on one fresh database. Both are "already exists, carry on", never a 500 or a crash.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import {
  aComment,
  createTestParley,
  seedSite,
  TEST_SECRET,
  type TestParley,
} from '../helpers/parley.js';
import { startChildServer } from '../helpers/process.js';

describe.each(PROVIDERS)('races on %s', (provider) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `races-${provider}` });
    await seedSite(t.parley, { slug: 'open', settings: { autoCreatePosts: true }, posts: [] });
  });
  afterAll(async () => t?.close());

  test('when 20 first comments on a new post arrive together, then all are stored under one post', async () => {
    const url = '/api/sites/open/posts/brand-new-article/comments';
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t
          .post(url)
          .send(
            aComment({ url: 'https://open.example/brand-new-article', title: 'Brand new article' }),
          ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const posts = await t.parley.database.db.post.findMany({
      where: { slug: 'brand-new-article' },
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.commentCount).toBe(20);
  });
});

describe('two processes starting on one fresh PostgreSQL database', () => {
  let database: TestDatabase;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
  });
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
    await database?.drop();
  });

  test('when both seed the demo at once, then both start and the demo exists once', async () => {
    const env = {
      DATABASE_URL: database.url,
      SEED_DEMO: 'true',
      PARLEY_SECRET: TEST_SECRET,
      LOG_LEVEL: 'info',
    };
    const servers = await Promise.all([startChildServer(env), startChildServer(env)]);
    stops.push(...servers.map((s) => s.stop));
    for (const s of servers) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    const posts = (await (await fetch(`${servers[0]!.url}/api/sites/demo/posts`)).json()) as {
      posts: { commentCount: number }[];
    };
    expect(posts.posts).toHaveLength(1);
    expect(posts.posts[0]!.commentCount).toBe(7);
  }, 90_000);
});
