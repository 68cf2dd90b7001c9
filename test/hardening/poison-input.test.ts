// A NUL byte or a lone surrogate is a 400 naming the field, on every route; one row the
// database refuses fails alone, not the comments committed beside it; and no log line ever
// carries an email, an IP, a body or a query string.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CommentWriter } from '../../src/comments/comment-writer.js';
import type { NewCommentRow } from '../../src/comments/comments.repo.js';
import { uuidv7 } from '../../src/ids.js';
import { createLogger } from '../../src/logger.js';
import { PROVIDERS } from '../helpers/databases.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('poison input on %s', (provider) => {
  let t: TestParley;
  const lines: string[] = [];
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestParley(provider, {
      name: `poison-${provider}`,
      log: createLogger('debug', sink),
    });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => t?.close());

  test('when a NUL body or a cut emoji in the name is posted beside 150 ordinary comments, then only those get a 400 naming the field', async () => {
    const good = Array.from({ length: 150 }, () => aComment());
    const bad = [
      { input: aComment({ body: 'null\u0000byte in the middle' }), field: 'body' },
      { input: aComment({ name: 'Emoji cut \ud83d' }), field: 'name' },
      { input: aComment({ website: 'https://a.example/\udc00' }), field: 'website' },
      { input: aComment({ body: 'ok', title: 'x\u0000' }), field: 'title' },
    ];
    const requests = [...good.map((input) => ({ input, field: null as string | null })), ...bad];
    // Interleave the bad ones so they land in the same group-commit batches as good ones.
    requests.sort((a, b) => ((a.input.body.length * 7) % 11) - ((b.input.body.length * 7) % 11));
    const results = await Promise.all(
      requests.map(async (r) => ({ ...r, res: await t.post(url).send(r.input) })),
    );
    for (const r of results) {
      if (r.field) {
        expect(r.res.status, JSON.stringify(r.res.body)).toBe(400);
        expect(r.res.body.error.fields[r.field]).toMatch(/cannot be stored/);
      } else {
        expect(
          r.res.status,
          `${JSON.stringify(r.res.body)}\n${lines
            .filter((l) => /"level":(40|50)/.test(l))
            .slice(-5)
            .join('')}`,
        ).toBe(201);
      }
    }
    const stored = await t.parley.database.db.comment.count({
      where: { body: { in: good.map((g) => g.body) } },
    });
    expect(stored).toBe(150);
  }, 60_000);

  test('when a row the database refuses is in a batch, then the other rows of the batch are still stored', async () => {
    const db = t.parley.database.db;
    const site = await db.site.findUniqueOrThrow({ where: { slug: 'blog' } });
    const post = await db.post.findFirstOrThrow({ where: { siteId: site.id } });
    const writer = new CommentWriter(db, provider);
    const row = (body: string, extra: Partial<NewCommentRow> = {}): NewCommentRow => {
      const id = uuidv7();
      return {
        id,
        siteId: site.id,
        postId: post.id,
        parentId: null,
        rootId: id,
        depth: 0,
        replyToId: null,
        replyToName: null,
        authorName: 'Batch Writer',
        authorEmail: 'batch@example.com',
        authorHash: 'h',
        authorWebsite: null,
        body,
        html: `<p>${body}</p>`,
        status: 'approved',
        screening: {},
        toxicityScore: null,
        spamScore: null,
        toxic: false,
        akismetParams: null,
        ipHash: 'ip',
        userAgent: null,
        referrer: null,
        contentHash: id,
        idempotencyKey: id,
        createdAt: new Date(),
        decidedAt: new Date(),
        ...extra,
      };
    };
    // A parent that does not exist breaks the foreign key on both stores.
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => row(`batch row ${i}`)),
      row('orphan', { parentId: uuidv7() }),
      ...Array.from({ length: 10 }, (_, i) => row(`batch row b${i}`)),
    ];
    const outcomes = await Promise.allSettled(rows.map((r) => writer.write(r)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect(outcomes[10]!.status).toBe('rejected');
    expect(await db.comment.count({ where: { id: { in: rows.map((r) => r.id) } } })).toBe(20);
  });

  test('when hostile input hits every kind of route, then no log line carries an email, an IP, a body or a query', async () => {
    const email = `leak.check.${provider}@private.example`;
    const body = `Secret body text ${provider} that must never reach a log`;
    await t.post(url, { ip: '203.0.113.77' }).send(aComment({ email, body: `${body}\u0000` }));
    await t.post(url, { ip: '203.0.113.77' }).send(aComment({ email, name: 'cut \ud83d', body }));
    await t.api().get(`/api/sites/${encodeURIComponent(email)}/posts`);
    await t.api().get(`/api/sites/%ZZ/posts?email=${encodeURIComponent(email)}`);
    await t
      .api()
      .get(`${url}?cursor=${Buffer.from(`99999999999999.${uuidv7()}`).toString('base64url')}`);
    await t
      .api()
      .post(url)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(JSON.stringify(aComment({ email, body })));
    await t
      .api()
      .post(url)
      .set('Content-Type', 'application/json')
      .send(`{"email":"${email}","body":"${body}"`);
    const log = lines.join('');
    expect(log).not.toContain(email);
    expect(log).not.toContain('203.0.113.77');
    expect(log).not.toContain('Secret body text');
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
