// Misses for names that do not exist must not grow the process: invalid names are never
// cached, valid-looking ones only up to the cache's bound.
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe('bounded caches', () => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'bounded-caches' });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => t?.close());

  test('when 2,000 random 1.5 KB site names are asked for, then none is cached and each is a 404', async () => {
    for (let i = 0; i < 2_000; i++) {
      const res = await t.api().get(`/api/sites/${randomBytes(768).toString('hex')}/posts`);
      expect(res.status).toBe(404);
    }
    expect(t.parley.sites.size).toBe(0);
  });

  test('when 5,000 different valid-looking site names are asked for, then the cache stays within its bound', async () => {
    for (let i = 0; i < 5_000; i++)
      await t.api().get(`/api/sites/s${i}-${randomBytes(6).toString('hex')}/posts`);
    expect(t.parley.sites.size).toBeLessThanOrEqual(4_000);
  }, 60_000);

  test('when 6,000 random names and Perspective keys are tried, then the heap does not grow with them', async () => {
    // A real collection before each sample (the test process has no --expose-gc): without it
    // heapUsed counts whatever garbage the requests left, and the figure is noise.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const sample = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = sample();
    for (let i = 0; i < 3_000; i++) {
      await t.api().get(`/api/sites/${randomBytes(700).toString('base64url')}/posts`);
      await t
        .api()
        .post(`/v1alpha1/comments:analyze?key=${randomBytes(24).toString('base64url')}`)
        .send({ comment: { text: 'x' }, requestedAttributes: { TOXICITY: {} } });
    }
    const grown = sample() - before;
    // Before the bound each miss kept about 7 KB: 6,000 misses would hold over 40 MB.
    expect(grown).toBeLessThan(20 * 1024 * 1024);
  }, 120_000);
});
