// Security headers on what Parley serves, and rate limits on the writes that lacked one.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { DRAFT_CHECKS_PER_MINUTE } from '../../src/comments/index.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe('security headers and limits', () => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'headers' });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => t?.close());

  test('when the dashboard is loaded, then no other page may frame it and only its own scripts run', async () => {
    const res = await t.api().get('/moderate/queue');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('when a blog loads embed.js, count.js or an avatar, then nothing stops it being embedded anywhere', async () => {
    for (const path of ['/embed.js', '/count.js', '/api/avatars/abc.svg']) {
      const res = await t.api().get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cross-origin-resource-policy'], path).toBe('cross-origin');
      expect(res.headers['x-frame-options'], path).toBeUndefined();
      expect(res.headers['content-security-policy'], path).toBeUndefined();
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('when API answers are read, then they carry nosniff, cached thread pages included', async () => {
    const url = '/api/sites/blog/posts/hello/comments';
    expect((await t.api().get(url)).headers['x-content-type-options']).toBe('nosniff');
    expect((await t.api().get('/api/sites/blog/posts')).headers['x-content-type-options']).toBe(
      'nosniff',
    );
  });

  test('when a draft is longer than the site allows, then the check refuses it as posting would', async () => {
    const res = await t
      .api()
      .post('/api/sites/blog/posts/hello/comments/check')
      .set('X-Forwarded-For', '198.18.0.10')
      .send({ body: 'x'.repeat(5_001) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'BODY_TOO_LONG',
      fields: { body: 'Please keep your comment under 5000 characters.' },
    });
  });

  test(`when one reader checks more than ${DRAFT_CHECKS_PER_MINUTE} drafts in a minute, then 429`, async () => {
    const check = () =>
      t
        .api()
        .post('/api/sites/blog/posts/hello/comments/check')
        .set('X-Forwarded-For', '198.18.0.9')
        // long, but within the site's 5,000 characters: longer drafts are refused unscreened
        .send({ body: 'A draft '.repeat(600) });
    for (let i = 0; i < DRAFT_CHECKS_PER_MINUTE; i++) expect((await check()).status).toBe(200);
    const over = await check();
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
  });
});

describe('trusting proxies', () => {
  test('when TRUST_PROXY trusts every hop, then start-up warns and names the safe settings', async () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }),
    );
    const t = await createTestParley('sqlite', {
      name: 'trust-all',
      env: { TRUST_PROXY: 'true' },
      log,
    });
    await t.close();
    expect(lines.join('')).toMatch(/TRUST_PROXY=true trusts every X-Forwarded-For hop/);
    const quiet: string[] = [];
    const t2 = await createTestParley('sqlite', {
      name: 'trust-one',
      env: { TRUST_PROXY: 'loopback' },
      log: createLogger(
        'info',
        new Writable({ write: (c, _e, done) => (quiet.push(String(c)), done()) }),
      ),
    });
    await t2.close();
    expect(quiet.join('')).not.toMatch(/TRUST_PROXY/);
  });
});
