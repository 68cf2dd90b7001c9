import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('public comments API on %s', (provider) => {
  let t: TestParley;
  const base = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `comments-${provider}` });
    // "blog" opts out of posts created by their first comment (the default), so unknown posts
    // answer 404; "open" keeps the default.
    await seedSite(t.parley, {
      settings: { autoCreatePosts: false },
      posts: [
        { slug: 'hello' },
        { slug: 'other' },
        { slug: 'closed', closed: true },
        { slug: 'old', publishedAt: new Date('2020-01-01') },
        { slug: 'deep' },
        { slug: 'paged' },
      ],
    });
    await seedSite(t.parley, {
      slug: 'flat',
      settings: { maxDepth: 2, closeAfterDays: 30 },
      posts: [{ slug: 'old', publishedAt: new Date('2020-01-01') }, { slug: 'p' }],
    });
    await seedSite(t.parley, { slug: 'open', posts: [] });
  });
  afterAll(async () => t?.close());

  test('when the database is reachable, then health answers ok', async () => {
    const res = await t.api().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  test('when a valid comment is posted, then it is stored, approved and shown in the thread', async () => {
    const input = aComment({
      website: 'https://ada.example',
      body: 'I disagree with the *world* view in the second paragraph; the vendor advisory at https://example.org explains the timeline differently.',
    });
    const res = await t.post(base).send(input);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('approved');
    const c = res.body.comment;
    expect(c).toMatchObject({
      parentId: null,
      author: { name: 'Ada Reader', website: 'https://ada.example' },
    });
    expect(c.author.avatar).toMatch(/^http:\/\/parley\.test\/api\/avatars\/[\w-]+\.svg$/);
    expect(c.html).toContain('<em>world</em>');
    expect(c.html).toContain(
      '<a href="https://example.org" rel="nofollow ugc noopener" target="_blank">',
    );
    expect(Object.keys(c).sort()).toEqual([
      'author',
      'createdAt',
      'editedAt',
      'html',
      'id',
      'parentId',
    ]);

    const thread = await t.api().get(base);
    expect(thread.status).toBe(200);
    expect(thread.body.comments.map((x: { id: string }) => x.id)).toContain(c.id);
    const post = await t.api().get('/api/sites/blog/posts/hello');
    expect(post.body.post).toEqual({
      slug: 'hello',
      title: 'Post hello',
      url: 'https://blog.test/hello',
      commentCount: thread.body.total,
      closed: false,
    });
  });

  test('when a body holds a script tag, then it is shown as text, never as markup', async () => {
    const res = await t.post(base).send(
      aComment({
        body: '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.comment.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(res.body.comment.html).toContain('&lt;script&gt;');
  });

  test('when replies are posted, then the thread is a tree', async () => {
    const root = (await t.post(base).send(aComment())).body.comment;
    const child = (await t.post(base).send(aComment({ parentId: root.id }))).body.comment;
    const grandchild = (await t.post(base).send(aComment({ parentId: child.id }))).body.comment;
    expect(child.parentId).toBe(root.id);
    const thread = await t.api().get(base).query({ limit: 100 });
    const node = thread.body.comments.find((x: { id: string }) => x.id === root.id);
    expect(node.replies[0].id).toBe(child.id);
    expect(node.replies[0].replies[0].id).toBe(grandchild.id);
  });

  test('when replies go deeper than the limit, then they attach to the deepest allowed ancestor and say whom they answer', async () => {
    const url = '/api/sites/blog/posts/deep/comments';
    let parent = (await t.post(url).send(aComment({ name: 'Level 0' }))).body.comment;
    const chain = [parent];
    for (let level = 1; level <= 4; level++) {
      parent = (await t.post(url).send(aComment({ name: `Level ${level}`, parentId: parent.id })))
        .body.comment;
      chain.push(parent);
    }
    // Level 4 is the fifth level: a reply to it sits beside it, under level 3.
    const deeper = await t.post(url).send(aComment({ parentId: chain[4].id }));
    expect(deeper.status).toBe(201);
    expect(deeper.body.comment.parentId).toBe(chain[3].id);
    expect(deeper.body.comment.replyTo).toEqual({ id: chain[4].id, name: 'Level 4' });

    const flat = '/api/sites/flat/posts/p/comments';
    const a = (await t.post(flat).send(aComment())).body.comment;
    const b = (await t.post(flat).send(aComment({ parentId: a.id }))).body.comment;
    const c = (await t.post(flat).send(aComment({ parentId: b.id, name: 'Third' }))).body.comment;
    expect(b.parentId).toBe(a.id);
    expect(c.parentId).toBe(a.id);
    expect(c.replyTo.id).toBe(b.id);
  });

  test('when a thread has more top-level comments than the limit, then it pages by top-level comment', async () => {
    const url = '/api/sites/blog/posts/paged/comments';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = (await t.post(url).send(aComment())).body.comment;
      ids.push(c.id);
      await t.post(url).send(aComment({ parentId: c.id }));
    }
    const page1 = await t.api().get(url).query({ limit: 2 });
    expect(page1.body.total).toBe(10);
    expect(page1.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    expect(page1.body.comments[0].replies).toHaveLength(1);
    const page2 = await t.api().get(url).query({ limit: 2, cursor: page1.body.nextCursor });
    expect(page2.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
    const page3 = await t.api().get(url).query({ limit: 2, cursor: page2.body.nextCursor });
    expect(page3.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(4));
    expect(page3.body.nextCursor).toBeNull();
    const newest = await t.api().get(url).query({ sort: 'newest', limit: 3 });
    expect(newest.body.comments.map((c: { id: string }) => c.id)).toEqual(ids.slice(2).reverse());
  });

  test.each([
    [{ ...aComment(), name: '' }, 'name'],
    [{ ...aComment(), name: undefined }, 'name'],
    [{ ...aComment(), email: 'not-an-email' }, 'email'],
    [{ ...aComment(), email: undefined }, 'email'],
    [{ ...aComment(), website: 'javascript:alert(1)' }, 'website'],
    [{ ...aComment(), website: 'ftp://files.example' }, 'website'],
    [{ ...aComment(), body: '   ' }, 'body'],
    [{ ...aComment(), body: 42 }, 'body'],
    [{ ...aComment(), parentId: 'nope' }, 'parentId'],
    [{ ...aComment(), name: 'x'.repeat(81) }, 'name'],
  ])('when a field is invalid (%#), then 400 names the field', async (input, field) => {
    const res = await t.post(base).send(input);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields[field]).toEqual(expect.any(String));
  });

  test('when every required field is missing, then each gets its own message', async () => {
    const res = await t.post(base).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      name: 'Please enter your name.',
      email: 'Please enter your email address.',
      body: 'Please write a comment.',
    });
  });

  test('when the body is longer than the site allows, then 413 with a field message', async () => {
    const res = await t.post(base).send(aComment({ body: 'a'.repeat(5001) }));
    expect(res.status).toBe(413);
    expect(res.body.error.fields.body).toMatch(/5000/);
  });

  test('when the request body is larger than the server accepts, then 413', async () => {
    const res = await t
      .api()
      .post(base)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(aComment({ body: 'a'.repeat(200_000) })));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('when the JSON is malformed, then 400, not 500', async () => {
    const res = await t
      .api()
      .post(base)
      .set('Content-Type', 'application/json')
      .send('{"name": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  test('when the body is not JSON, then 415', async () => {
    const res = await t.api().post(base).set('Content-Type', 'text/plain').send('hello');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('when the parent belongs to another post, then 400 on parentId', async () => {
    const other = (await t.post('/api/sites/blog/posts/other/comments').send(aComment())).body
      .comment;
    const res = await t.post(base).send(aComment({ parentId: other.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.parentId).toMatch(/not on this post/);
  });

  test('when the post is closed, by flag or by age, then 409', async () => {
    for (const url of [
      '/api/sites/blog/posts/closed/comments',
      '/api/sites/flat/posts/old/comments',
    ]) {
      const res = await t.post(url).send(aComment());
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('POST_CLOSED');
    }
    expect((await t.api().get('/api/sites/flat/posts/old')).body.post.closed).toBe(true);
    // A site without close-after-days keeps old posts open.
    expect((await t.post('/api/sites/blog/posts/old/comments').send(aComment())).status).toBe(201);
  });

  test('when the site or post is unknown, then 404 with a clear error', async () => {
    const site = await t.api().get('/api/sites/nope/posts');
    expect(site.status).toBe(404);
    expect(site.body.error.code).toBe('SITE_NOT_FOUND');
    const post = await t.api().get('/api/sites/blog/posts/nope');
    expect(post.status).toBe(404);
    expect(post.body.error).toEqual({
      code: 'POST_NOT_FOUND',
      message: 'No post called "nope" on this site.',
    });
    expect((await t.api().get('/api/sites/blog/posts/nope/comments')).status).toBe(404);
    expect((await t.post('/api/sites/blog/posts/nope/comments').send(aComment())).status).toBe(404);
    expect((await t.api().get('/api/nothing-here')).status).toBe(404);
  });

  test('when nobody has commented yet on a site that creates posts on first comment, then the post reads as null and its thread as empty, not 404', async () => {
    const post = await t.api().get('/api/sites/open/posts/not-yet');
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ post: null });
    for (const sort of ['oldest', 'newest']) {
      const thread = await t.api().get(`/api/sites/open/posts/not-yet/comments?sort=${sort}`);
      expect(thread.status).toBe(200);
      expect(thread.body).toEqual({ comments: [], total: 0, nextCursor: null });
    }
    // Bad input is still refused, and no post was created by reading.
    expect((await t.api().get('/api/sites/open/posts/not-yet/comments?limit=0')).status).toBe(400);
    const site = await t.parley.sites.get('open');
    expect(
      await t.parley.database.db.post.count({ where: { siteId: site.id, slug: 'not-yet' } }),
    ).toBe(0);
    // The first comment then shows up in that thread (no stale empty page is cached).
    const created = await t
      .post('/api/sites/open/posts/not-yet/comments')
      .send(aComment({ title: 'Not yet', url: 'https://open.example/not-yet' }));
    expect(created.status).toBe(201);
    const after = await t.api().get('/api/sites/open/posts/not-yet/comments?sort=oldest');
    expect(after.body.comments.map((c: { id: string }) => c.id)).toEqual([created.body.comment.id]);
    expect((await t.api().get('/api/sites/open/posts/not-yet')).body.post.commentCount).toBe(1);
  });

  test('when the site allows it, then the first comment creates the post from url and title', async () => {
    const url = '/api/sites/open/posts/brand-new/comments';
    const missingTitle = await t.post(url).send(aComment());
    expect(missingTitle.status).toBe(400);
    expect(missingTitle.body.error.fields.title).toBeDefined();
    const res = await t
      .post(url)
      .send(aComment({ url: 'https://open.example/brand-new', title: 'Brand new' }));
    expect(res.status).toBe(201);
    const post = await t.api().get('/api/sites/open/posts/brand-new');
    expect(post.body.post).toMatchObject({
      title: 'Brand new',
      url: 'https://open.example/brand-new',
      commentCount: 1,
    });
  });

  test('when the same comment is submitted twice, then it is stored once', async () => {
    const input = aComment({ idempotencyKey: 'draft-key-123456' });
    const [a, b] = await Promise.all([t.post(base).send(input), t.post(base).send(input)]);
    expect(a.body.comment.id).toBe(b.body.comment.id);
    const plain = aComment();
    const first = await t.post(base).send(plain);
    const second = await t.post(base).send(plain);
    expect(second.body.comment.id).toBe(first.body.comment.id);
    const count = await t.parley.database.db.comment.count({ where: { body: input.body } });
    expect(count).toBe(1);
  });

  test('when posts are listed, then newest first with counts', async () => {
    const res = await t.api().get('/api/sites/blog/posts');
    expect(res.status).toBe(200);
    expect(res.body.posts[0]).toEqual({
      slug: expect.any(String),
      title: expect.any(String),
      url: expect.any(String),
      commentCount: expect.any(Number),
      closed: expect.any(Boolean),
    });
    expect(res.body.posts.at(-1).slug).toBe('old');
    const counts = await t.api().get('/api/sites/blog/counts').query({ posts: 'hello,nope' });
    expect(counts.body.counts.nope).toBe(0);
    expect(counts.body.counts.hello).toBeGreaterThan(0);
  });

  test('when the query is invalid, then 400 names the parameter', async () => {
    const res = await t.api().get(base).query({ sort: 'sideways', limit: 1000 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['limit', 'sort']);
    expect(
      (await t.api().get(base).query({ cursor: 'garbage' })).body.error.fields.cursor,
    ).toBeDefined();
  });
});
