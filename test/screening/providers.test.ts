import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { akismetClient } from '../../src/screening/providers/akismet.js';
import { perspectiveProvider } from '../../src/screening/providers/perspective.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

const require = createRequire(import.meta.url);

/** A real Perspective response (shape from the API docs), scoring everything `value`. */
function perspectiveAnswer(value: number, attributes: string[]) {
  return JSON.stringify({
    attributeScores: Object.fromEntries(
      attributes.map((a) => [
        a,
        {
          spanScores: [{ begin: 0, end: 10, score: { value, type: 'PROBABILITY' } }],
          summaryScore: { value, type: 'PROBABILITY' },
        },
      ]),
    ),
    languages: ['en'],
    detectedLanguages: ['en'],
  });
}

describe('Perspective provider (perspective-api-client, redirected to loopback)', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer();
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.requests.length = 0;
  });

  test('when the package is installed, then its axios is the patched 1.x from overrides, not 0.18', () => {
    const clientRequire = createRequire(require.resolve('perspective-api-client'));
    const version = clientRequire('axios/package.json').version as string;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(1);
  });

  test('when a comment is analysed, then the request has the text, attributes, language, doNotStore and key', async () => {
    fake.respond((req, res) => {
      const attrs = Object.keys(JSON.parse(req.body).requestedAttributes);
      res.setHeader('Content-Type', 'application/json');
      res.end(perspectiveAnswer(0.93, attrs));
    });
    const provider = perspectiveProvider({
      apiKey: 'k-123',
      endpoint: `${fake.url}/v1alpha1/comments:analyze`,
    });
    const verdict = await provider.check(input('You utter clown'), new AbortController().signal);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1alpha1/comments:analyze?key=k-123');
    const body = JSON.parse(req.body);
    expect(body.comment).toEqual({ text: 'You utter clown' });
    expect(body.doNotStore).toBe(true);
    expect(body.languages).toEqual(['en']);
    expect(Object.keys(body.requestedAttributes).sort()).toEqual([
      'IDENTITY_ATTACK',
      'INSULT',
      'PROFANITY',
      'SEVERE_TOXICITY',
      'THREAT',
      'TOXICITY',
    ]);
    expect(verdict.toxicity).toMatchObject({ TOXICITY: 0.93, INSULT: 0.93 });
  });

  test('when Perspective answers 429, then the provider fails with a rate error', async () => {
    fake.respond((_req, res) => {
      res.statusCode = 429;
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' },
        }),
      );
    });
    const provider = perspectiveProvider({
      apiKey: 'k',
      endpoint: `${fake.url}/v1alpha1/comments:analyze`,
    });
    await expect(provider.check(input('hello'), new AbortController().signal)).rejects.toThrow(
      /rate limited/,
    );
  });
});

describe('Akismet provider (@cedx/akismet against a fake Akismet on loopback)', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer();
  });
  afterAll(() => fake.close());

  test("when a comment is checked, then the form fields carry the commenter's IP, agent and referrer", async () => {
    fake.respond((_req, res) => res.end('false'));
    const client = akismetClient({
      apiKey: 'ak-1',
      blogUrl: 'https://blog.example',
      endpoint: fake.url,
    });
    const verdict = await client.provider.check(input('Nice post'), new AbortController().signal);
    expect(verdict.spam).toBe('ham');
    const req = fake.requests.at(-1)!;
    expect(req.url).toBe('/1.1/comment-check');
    const form = new URLSearchParams(req.body);
    expect(form.get('api_key')).toBe('ak-1');
    expect(form.get('blog')).toBe('https://blog.example/');
    expect(form.get('user_ip')).toBe('198.51.100.7');
    expect(form.get('user_agent')).toBe('Mozilla/5.0 test');
    expect(form.get('referrer')).toBe('https://blog.example/post');
    expect(form.get('comment_content')).toBe('Nice post');
    expect(form.get('comment_author_email')).toBe('reader@example.com');
    expect(form.get('comment_type')).toBe('comment');
  });

  test('when Akismet says true, or discard, then the verdict is spam', async () => {
    const client = akismetClient({
      apiKey: 'ak',
      blogUrl: 'https://blog.example',
      endpoint: fake.url,
    });
    fake.respond((_req, res) => res.end('true'));
    expect((await client.provider.check(input('x'), new AbortController().signal)).spam).toBe(
      'spam',
    );
    fake.respond((_req, res) => {
      res.setHeader('X-akismet-pro-tip', 'discard');
      res.end('true');
    });
    expect((await client.provider.check(input('x'), new AbortController().signal)).spam).toBe(
      'discard',
    );
  });
});

describe('Akismet that hangs or talks nonsense', () => {
  let fake: FakeServer;
  let t: TestParley;
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    fake = await startFakeServer();
    t = await createTestParley('sqlite', {
      name: 'akismet-faults',
      env: { AKISMET_KEY: 'ak', AKISMET_ENDPOINT: fake.url, SCREENING_BUDGET_MS: '300' },
    });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  test('when Akismet never answers, then comments are held within the budget and no connection is left open', async () => {
    const open = new Set<unknown>();
    fake.respond((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.post(url).send(aComment())),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(open.size).toBe(0);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: results[0]!.body.comment.id },
    });
    expect(stored.status).toBe('pending');
  });

  test('when Akismet answers 200 with something that is neither true nor false, then the comment is held, not marked spam', async () => {
    fake.respond((_req, res) => res.end('<html>Service temporarily unavailable</html>'));
    const res = await t.post(url).send(aComment());
    expect(res.status).toBe(202);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(stored.status).toBe('pending');
    expect(JSON.stringify(stored.screening)).toMatch(
      /Akismet failed: unexpected answer; held for a moderator/,
    );
  });
});

describe('remote providers inside the pipeline', () => {
  let fake: FakeServer;
  let slow: FakeServer;
  let t: TestParley;
  let akismetOnly: TestParley;
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    fake = await startFakeServer();
    slow = await startFakeServer();
    slow.respond(() => {}); // never answers
    t = await createTestParley('sqlite', {
      name: 'providers-pipeline',
      env: {
        PERSPECTIVE_API_KEY: 'pk',
        PERSPECTIVE_ENDPOINT: `${fake.url}/v1alpha1/comments:analyze`,
        SCREENING_BUDGET_MS: '400',
      },
    });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
    await seedSite(t.parley, {
      slug: 'open',
      settings: { failOpen: true },
      posts: [{ slug: 'hello' }],
    });
    akismetOnly = await createTestParley('sqlite', {
      name: 'providers-akismet',
      env: { AKISMET_KEY: 'ak', AKISMET_ENDPOINT: fake.url },
    });
    await seedSite(akismetOnly.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => {
    await t?.close();
    await akismetOnly?.close();
    await fake.close();
    await slow.close();
  });

  const stored = (p: TestParley, id: string) =>
    p.parley.database.db.comment.findUniqueOrThrow({ where: { id } });

  test('when Perspective scores a comment above the threshold, then it is held with the provider named', async () => {
    fake.respond((req, res) =>
      res.end(perspectiveAnswer(0.95, Object.keys(JSON.parse(req.body).requestedAttributes))),
    );
    const res = await t
      .post(url)
      .send(aComment({ body: 'A comment our built-in scorer thinks is fine.' }));
    expect(res.status).toBe(202);
    const c = await stored(t, res.body.comment.id);
    expect(c.toxic).toBe(true);
    expect(JSON.stringify(c.screening)).toMatch(/Perspective: toxicity \(0\.95\)/);
  });

  test('when Perspective fails, then the comment is stored and held, and the reason names Perspective', async () => {
    fake.respond((_req, res) => {
      res.statusCode = 500;
      res.end('{}');
    });
    const res = await t
      .post(url)
      .send(aComment({ body: 'Thoughtful, harmless and on topic, truly.' }));
    expect(res.status).toBe(202);
    const c = await stored(t, res.body.comment.id);
    expect(c.status).toBe('pending');
    expect(JSON.stringify(c.screening)).toMatch(/Perspective failed.*held for a moderator/);
  });

  test('when Perspective is slower than the budget, then the comment is held with a timeout reason', async () => {
    fake.respond((_req, _res) => {}); // hang
    const started = Date.now();
    const res = await t
      .post(url)
      .send(aComment({ body: 'Another harmless comment about supply chains.' }));
    expect(res.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5_000);
    const c = await stored(t, res.body.comment.id);
    expect(JSON.stringify(c.screening)).toMatch(/Perspective did not answer within 0\.4 s/);
  });

  test('when the site chose fail-open, then a provider failure publishes the comment', async () => {
    fake.respond((_req, res) => {
      res.statusCode = 503;
      res.end('{}');
    });
    const res = await t
      .post('/api/sites/open/posts/hello/comments')
      .send(aComment({ body: 'Fail-open sites publish when a provider is down.' }));
    expect(res.status).toBe(201);
  });

  test("when Akismet flags spam, then the comment is spam; a moderator's decision resends the original values", async () => {
    fake.respond((req, res) =>
      res.end(
        req.url === '/1.1/comment-check' ? 'true' : 'Thanks for making the web a better place.',
      ),
    );
    const ip = '192.0.2.44';
    const res = await akismetOnly
      .post(url, { ip })
      .send(aComment({ body: 'Totally normal words that Akismet dislikes.' }));
    expect(res.status).toBe(202);
    const c = await stored(akismetOnly, res.body.comment.id);
    expect(c.status).toBe('spam');
    const check = fake.requests.filter((r) => r.url === '/1.1/comment-check').at(-1)!;

    await akismetOnly.parley.screening.feedback.decided(c.id, 'not-spam');
    const ham = fake.requests.filter((r) => r.url === '/1.1/submit-ham').at(-1)!;
    const sent = new URLSearchParams(check.body);
    const resent = new URLSearchParams(ham.body);
    expect(resent.get('user_ip')).toBe(ip);
    for (const field of [
      'user_ip',
      'user_agent',
      'referrer',
      'comment_content',
      'comment_author',
      'comment_author_email',
      'comment_date_gmt',
    ]) {
      expect(resent.get(field), field).toBe(sent.get(field));
    }
  });
});

describe("Parley's Perspective-compatible API", () => {
  let t: TestParley;
  let server: Server;
  let endpoint: string;
  const key = randomBytes(16).toString('hex');

  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'perspective-api' });
    const site = await seedSite(t.parley);
    await t.parley.database.db.apiKey.create({
      data: {
        siteId: site.id,
        label: 'coral',
        keyHash: createHash('sha256').update(key).digest('hex'),
      },
    });
    server = createServer(t.http);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1alpha1/comments:analyze`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  test('when perspective-api-client itself points at Parley, then it gets Perspective-shaped scores', async () => {
    const provider = perspectiveProvider({ apiKey: key, endpoint });
    const insult = await provider.check(
      input('You are a worthless moron.'),
      new AbortController().signal,
    );
    expect(insult.toxicity!.INSULT).toBeGreaterThan(0.8);
    const civil = await provider.check(
      input('I think the committee made the wrong call on the budget.'),
      new AbortController().signal,
    );
    expect(civil.toxicity!.TOXICITY).toBeLessThan(0.5);
  });

  test("when a request asks for span annotations, then the response has Perspective's fields", async () => {
    const res = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${key}`)
      .send({
        comment: { text: 'Shut up, you idiot.' },
        requestedAttributes: { INSULT: {}, TOXICITY: {} },
        languages: ['en'],
        doNotStore: true,
        clientToken: 'abc',
      });
    expect(res.status).toBe(200);
    expect(res.body.clientToken).toBe('abc');
    expect(res.body.languages).toEqual(['en']);
    expect(res.body.attributeScores.INSULT.summaryScore).toEqual({
      value: expect.any(Number),
      type: 'PROBABILITY',
    });
    expect(res.body.attributeScores.INSULT.spanScores[0]).toEqual({
      begin: expect.any(Number),
      end: expect.any(Number),
      score: { value: expect.any(Number), type: 'PROBABILITY' },
    });
    expect(Object.keys(res.body.attributeScores).sort()).toEqual(['INSULT', 'TOXICITY']);
  });

  test('when the key is wrong or the request is malformed, then Perspective-style errors come back', async () => {
    const bad = await t
      .api()
      .post('/v1alpha1/comments:analyze?key=nope')
      .send({ comment: { text: 'x' }, requestedAttributes: { TOXICITY: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 400,
      message: expect.stringMatching(/API key not valid/),
      status: 'INVALID_ARGUMENT',
    });
    const unknown = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${key}`)
      .send({ comment: { text: 'x' }, requestedAttributes: { FLIRTATION: {} } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/FLIRTATION/);
    const lang = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${key}`)
      .send({ comment: { text: 'x' }, requestedAttributes: { TOXICITY: {} }, languages: ['ja'] });
    expect(lang.status).toBe(400);
    const json = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${key}`)
      .set('Content-Type', 'application/json')
      .send('{"comment":');
    expect(json.status).toBe(400);
  });
});

function input(text: string) {
  return {
    text,
    authorName: 'Reader',
    authorEmail: 'reader@example.com',
    authorWebsite: null,
    ip: '198.51.100.7',
    userAgent: 'Mozilla/5.0 test',
    referrer: 'https://blog.example/post',
    permalink: 'https://blog.example/post',
    isEdit: false,
    createdAt: new Date('2026-11-21T10:00:00Z'),
  };
}
