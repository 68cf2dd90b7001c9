import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertBan } from '../../src/moderation/bans.repo.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

const TOXIC = 'You are a pathetic idiot and everyone here knows it.';

describe('screening through the public API', () => {
  let t: TestParley;
  const url = '/api/sites/blog/posts/hello/comments';
  const thread = async () =>
    (await t.api().get(url).query({ limit: 100 })).body.comments.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'screening-api' });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
    await seedSite(t.parley, {
      slug: 'strict',
      settings: { bannedAction: 'refuse', premoderation: 'first-time' },
      posts: [{ slug: 'p' }],
    });
    await seedSite(t.parley, {
      slug: 'quiet',
      settings: { bannedAction: 'hold' },
      posts: [{ slug: 'p' }],
    });
  });
  afterAll(async () => t?.close());

  test('when a comment is toxic, then it is answered 202 pending and kept out of the thread', async () => {
    const res = await t.post(url).send(aComment({ body: TOXIC }));
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('pending');
    expect(await thread()).not.toContain(res.body.comment.id);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(stored.status).toBe('pending');
    expect(stored.toxic).toBe(true);
    const reasons = (stored.screening as { reasons: { message: string }[] }).reasons
      .map((r) => r.message)
      .join(' | ');
    expect(reasons).toMatch(/idiot/);
    // Never a hint in the public answer that it was caught.
    expect(Object.keys(res.body).sort()).toEqual([
      'comment',
      'editToken',
      'editableUntil',
      'status',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/toxic|reason|screening|score/i);
  });

  test('when civil disagreement is posted, then it is published', async () => {
    const res = await t.post(url).send(
      aComment({
        body: 'I strongly disagree: this policy is a disaster and the minister should resign over it.',
      }),
    );
    expect(res.status).toBe(201);
    expect(await thread()).toContain(res.body.comment.id);
  });

  test.each([
    ['missing', null],
    ['forged', 'v1.abc.forgedforgedforgedforgedforgedforgedforgedf'],
  ])('when the form token is %s, then the comment is held, not refused', async (_kind, token) => {
    const res = await t.post(url, { formToken: token }).send(aComment());
    expect(res.status).toBe(202);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(stored.status).toBe('pending');
  });

  test('when the form is submitted faster than a person types, then the comment is held', async () => {
    const site = await t.parley.sites.get('blog');
    const fresh = t.parley.formTokens.issue(site.id, 'hello'); // issued just now
    const res = await t.post(url, { formToken: fresh }).send(aComment());
    expect(res.status).toBe(202);
  });

  test('when a token was issued for another post, then it does not count as valid', async () => {
    const site = await t.parley.sites.get('blog');
    const other = t.parley.formTokens.issue(site.id, 'another-post', Date.now() - 60_000);
    expect((await t.post(url, { formToken: other }).send(aComment())).status).toBe(202);
  });

  test('when the form token endpoint is called, then it answers a token', async () => {
    const res = await t.api().get('/api/sites/blog/posts/hello/form-token');
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^v2\./);
  });

  test('when the honeypot is filled, then the comment is stored as spam and answered pending', async () => {
    const res = await t.post(url).send(aComment({ homepage: 'http://spam.example' }));
    expect(res.status).toBe(202);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(stored.status).toBe('spam');
  });

  test('when the same body comes from the same IP on the same post, then the repeat is spam', async () => {
    const body = 'Check out my amazing offer today, best prices anywhere on the web.';
    const ip = '203.0.113.77';
    await t.post(url, { ip }).send(aComment({ body }));
    const repeat = await t.post(url, { ip }).send(aComment({ body }));
    expect(repeat.status).toBe(202);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: repeat.body.comment.id },
    });
    expect(['spam', 'pending']).toContain(stored.status);
    expect(JSON.stringify(stored.screening)).toMatch(/DUPLICATE/);
  });

  test('when an author is banned and the site refuses, then 403 with a clear error', async () => {
    const site = await t.parley.sites.get('strict');
    await insertBan(t.parley.database.db, {
      siteId: site.id,
      kind: 'email',
      value: 'banned@example.com',
      reason: null,
      expiresAt: null,
      createdById: null,
    });
    const res = await t
      .post('/api/sites/strict/posts/p/comments')
      .send(aComment({ email: 'Banned@Example.com' }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTHOR_BANNED');
    await insertBan(t.parley.database.db, {
      siteId: site.id,
      kind: 'domain',
      value: 'spam-domain.test',
      reason: null,
      expiresAt: null,
      createdById: null,
    });
    expect(
      (
        await t
          .post('/api/sites/strict/posts/p/comments')
          .send(aComment({ email: 'x@spam-domain.test' }))
      ).status,
    ).toBe(403);
  });

  test('when a ban has expired, then the author may comment again', async () => {
    const site = await t.parley.sites.get('strict');
    await insertBan(t.parley.database.db, {
      siteId: site.id,
      kind: 'email',
      value: 'was-banned@example.com',
      reason: null,
      expiresAt: new Date(Date.now() - 1000),
      createdById: null,
    });
    const res = await t
      .post('/api/sites/strict/posts/p/comments')
      .send(aComment({ email: 'was-banned@example.com' }));
    expect(res.status).toBe(202); // held only because strict pre-moderates first-time authors
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(JSON.stringify(stored.screening)).toMatch(/PREMOD_NEW_AUTHOR/);
  });

  test('when an author is banned and the site holds silently, then the comment is stored as spam', async () => {
    const site = await t.parley.sites.get('quiet');
    const ip = '203.0.113.99';
    await insertBan(t.parley.database.db, {
      siteId: site.id,
      kind: 'ip',
      value: t.parley.hasher.ip(ip),
      reason: null,
      expiresAt: null,
      createdById: null,
    });
    const res = await t.post('/api/sites/quiet/posts/p/comments', { ip }).send(aComment());
    expect(res.status).toBe(202);
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: res.body.comment.id },
    });
    expect(stored.status).toBe('spam');
  });

  test('when a draft is checked, then toxicity comes back without storing anything', async () => {
    const before = await t.parley.database.db.comment.count();
    const toxic = await t
      .api()
      .post('/api/sites/blog/posts/hello/comments/check')
      .send({ body: TOXIC });
    expect(toxic.status).toBe(200);
    expect(toxic.body.decision).toBe('hold');
    expect(toxic.body.reasons.length).toBeGreaterThan(0);
    expect(toxic.body.scores.INSULT).toBeGreaterThan(0.8);
    const civil = await t
      .api()
      .post('/api/sites/blog/posts/hello/comments/check')
      .send({ body: 'Thanks for the clear write-up.' });
    expect(civil.body.decision).toBe('approve');
    expect(await t.parley.database.db.comment.count()).toBe(before);
    expect((await t.api().post('/api/sites/blog/posts/hello/comments/check').send({})).status).toBe(
      400,
    );
  });

  test('when an author edits links into an approved comment, then it is screened again and leaves the thread', async () => {
    const posted = await t
      .post(url)
      .send(aComment({ body: 'A perfectly reasonable first comment about release engineering.' }));
    expect(posted.status).toBe(201);
    const { id } = posted.body.comment;
    const spammy =
      'Buy cheap viagra https://pills.example/a https://pills.example/b https://pills.example/c https://casino.example';
    const edited = await t
      .api()
      .patch(`/api/comments/${id}`)
      .send({ body: spammy, editToken: posted.body.editToken });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('pending');
    expect(await thread()).not.toContain(id);

    const civil = await t
      .post(url)
      .send(aComment({ body: 'Another thoughtful note on reproducible builds and signing.' }));
    const fixed = await t.api().patch(`/api/comments/${civil.body.comment.id}`).send({
      body: 'Another thoughtful note on reproducible builds, signing and review.',
      editToken: civil.body.editToken,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.status).toBe('approved');
    expect(fixed.body.comment.editedAt).not.toBeNull();
  });

  test('when an edit token is forged or belongs to another comment, then 403', async () => {
    const a = await t.post(url).send(aComment());
    const b = await t.post(url).send(aComment());
    const res = await t
      .api()
      .patch(`/api/comments/${a.body.comment.id}`)
      .send({ body: 'x changed', editToken: b.body.editToken });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('EDIT_NOT_ALLOWED');
  });
});
