// What a blog owner does from the dashboard, over the API: sites (delete with what it
// removes), posts (list, search, activity), people (invitations, removal), their own account
// (password, sign out everywhere), API keys' last use, and the first-run set-up.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import {
  insertTestComment,
  sessionCookieOf,
  signIn,
  signInAs,
  STAFF_PASSWORD,
  type StaffClient,
} from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('owner API on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const db = () => t.parley.database.db;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `owner-${provider}` });
    await seedSite(t.parley, {
      slug: 'blog',
      allowedOrigins: ['https://blog.example'],
      posts: [
        { slug: 'hello', title: 'Hello world' },
        { slug: 'quiet', title: 'A quiet post' },
      ],
    });
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });
  });
  afterAll(async () => t?.close());

  test('when a new site gets a first comment on an unknown article from an allowed origin, then the post is created; from another origin, then 400 naming the url', async () => {
    const created = await admin.post('/api/admin/sites', {
      slug: 'fresh',
      name: 'Fresh Blog',
      allowedOrigins: ['https://fresh.example'],
    });
    expect(created.body.site.settings.autoCreatePosts).toBe(true);
    const first = await t
      .post('/api/sites/fresh/posts/hello-world/comments')
      .send(aComment({ title: 'Hello world', url: 'https://fresh.example/hello-world' }));
    expect([201, 202]).toContain(first.status);
    const foreign = await t
      .post('/api/sites/fresh/posts/other/comments')
      .send(aComment({ title: 'Other', url: 'https://evil.example/other' }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields.url).toMatch(/allowed origins/);
  });

  test('when posts are listed, then each has its comment counts and last activity, and a search narrows them', async () => {
    await insertTestComment(t.parley, { site: 'blog', post: 'hello', status: 'approved' });
    await insertTestComment(t.parley, { site: 'blog', post: 'hello', status: 'pending' });
    const all = await admin.get('/api/admin/sites/blog/posts');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const hello = all.body.posts.find((p: { slug: string }) => p.slug === 'hello');
    expect(hello).toMatchObject({ title: 'Hello world', totalComments: 2 });
    expect(typeof hello.lastCommentAt).toBe('string');
    const quiet = all.body.posts.find((p: { slug: string }) => p.slug === 'quiet');
    expect(quiet).toMatchObject({ totalComments: 0, lastCommentAt: null });
    const found = await admin.get('/api/admin/sites/blog/posts?q=QUIET');
    expect(found.body.posts.map((p: { slug: string }) => p.slug)).toEqual(['quiet']);
    expect((await admin.get('/api/admin/sites/blog/posts?page=zero')).status).toBe(400);
  });

  test('when a site is deleted, then the answer says what went with it and its public API is gone', async () => {
    await seedSite(t.parley, { slug: 'doomed', posts: [{ slug: 'p' }] });
    await insertTestComment(t.parley, { site: 'doomed', post: 'p', status: 'approved' });
    await admin.post('/api/admin/sites/doomed/api-keys', { label: 'CMS' });
    const contents = await admin.get('/api/admin/sites/doomed/contents');
    expect(contents.body.contents).toEqual({ posts: 1, comments: 1, bans: 0, apiKeys: 1 });
    const removed = await admin.delete('/api/admin/sites/doomed');
    expect(removed.status).toBe(200);
    expect(removed.body.removed).toEqual({ posts: 1, comments: 1, bans: 0, apiKeys: 1 });
    expect((await t.api().get('/api/sites/doomed/posts')).status).toBe(404);
    expect(await db().apiKey.count({ where: { label: 'CMS' } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: 'site.delete' } })).toBe(1);
    expect((await admin.delete('/api/admin/sites/doomed')).status).toBe(404);
  });

  test('when an admin invites a moderator, then the one-time link creates the account once, with its sites, and signs them in', async () => {
    const invited = await admin.post('/api/admin/invitations', {
      email: 'Mo@Example.com',
      sites: ['blog'],
    });
    expect(invited.status).toBe(201);
    const link = invited.body.link as string;
    expect(link).toMatch(/^http:\/\/parley\.test\/moderate\/invite#[\w-]{20,}$/);
    const token = link.split('#')[1]!;
    expect(await db().invitation.count({ where: { tokenHash: token } })).toBe(0); // hashed only
    expect((await admin.get('/api/admin/invitations')).body.invitations).toMatchObject([
      { email: 'mo@example.com', role: 'moderator', sites: ['blog'] },
    ]);
    const peek = await t.api().get(`/api/auth/invitations/${token}`);
    expect(peek.body.invitation).toEqual({ email: 'mo@example.com', role: 'moderator' });
    const short = await t
      .api()
      .post(`/api/auth/invitations/${token}`)
      .send({ name: 'Mo', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toBeDefined();
    const accepted = await t
      .api()
      .post(`/api/auth/invitations/${token}`)
      .send({ name: 'Mo', password: STAFF_PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'mo@example.com', sites: ['blog'] });
    const me = await t
      .api()
      .get('/api/auth/me')
      .set('Cookie', sessionCookieOf(accepted.headers['set-cookie']));
    expect(me.body.user.name).toBe('Mo');
    const again = await t
      .api()
      .post(`/api/auth/invitations/${token}`)
      .send({ name: 'Mo again', password: STAFF_PASSWORD });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('INVITATION_INVALID');
    expect((await admin.get('/api/admin/invitations')).body.invitations).toEqual([]);
  });

  test('when an admin removes a moderator, then their sessions end; removing oneself is refused', async () => {
    const mo = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    expect((await mo.get('/api/auth/me')).status).toBe(200);
    expect((await admin.delete(`/api/admin/users/${mo.user.id}`)).status).toBe(204);
    expect((await mo.get('/api/auth/me')).status).toBe(401);
    expect((await admin.delete(`/api/admin/users/${admin.user.id}`)).body.error.code).toBe(
      'CANNOT_REMOVE_SELF',
    );
    expect(await db().auditLog.count({ where: { action: 'user.delete' } })).toBe(1);
  });

  test('when a user changes their own password, then the old one stops working, other sessions end and this one stays', async () => {
    const me = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    const other = await signIn(t, me.user.email);
    const wrong = await me.post('/api/auth/password', {
      current: 'nope',
      password: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.current).toBeDefined();
    const ok = await me.post('/api/auth/password', {
      current: STAFF_PASSWORD,
      password: 'a brand new passphrase',
    });
    expect(ok.status).toBe(204);
    expect((await me.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    await expect(signIn(t, me.user.email)).rejects.toThrow(/401/);
    await signIn(t, me.user.email, 'a brand new passphrase');
  });

  test('when a user renames themselves, then /me and the audit log show the new name, also on older entries', async () => {
    const me = await signInAs(t, { role: 'admin', name: 'Old Name' });
    await me.patch('/api/admin/sites/blog', { settings: { linkLimit: 4 } });
    const renamed = await me.patch('/api/auth/me', { name: 'Ada Lovelace' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user.name).toBe('Ada Lovelace');
    expect((await me.get('/api/auth/me')).body.user.name).toBe('Ada Lovelace');
    expect((await me.patch('/api/auth/me', { name: ' ' })).body.error.fields.name).toBeDefined();
    const audit = await me.get('/api/moderation/audit?site=blog');
    const entry = audit.body.entries.find(
      (e: { actor: { id: string } }) => e.actor.id === me.user.id,
    );
    expect(entry.actor.name).toBe('Ada Lovelace');
    expect(entry.before.settings.linkLimit).toBeUndefined();
    expect(entry.after.settings.linkLimit).toBe(4);
  });

  test('when a user signs out everywhere, then every one of their sessions ends', async () => {
    const a = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    const b = await signIn(t, a.user.email);
    expect((await a.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/auth/me')).status).toBe(401);
  });

  test('when an API key is used, then the key list shows when it was last used', async () => {
    const made = await admin.post('/api/admin/sites/blog/api-keys', { label: 'Plugin' });
    const before = await admin.get('/api/admin/sites/blog/api-keys');
    expect(
      before.body.apiKeys.find((k: { id: string }) => k.id === made.body.id).lastUsedAt,
    ).toBeNull();
    const used = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${made.body.key}`)
      .send({ comment: { text: 'Thanks, this helped.' }, requestedAttributes: { TOXICITY: {} } });
    expect(used.status).toBe(200);
    const after = await admin.get('/api/admin/sites/blog/api-keys');
    const key = after.body.apiKeys.find((k: { id: string }) => k.id === made.body.id);
    expect(Date.now() - Date.parse(key.lastUsedAt)).toBeLessThan(60_000);
  });

  test('when a key has used its quota, then a second key parameter beside it does not open a new one', async () => {
    const made = await admin.post('/api/admin/sites/blog/api-keys', { label: 'Quota' });
    const analyze = (query: string) =>
      t
        .api()
        .post(`/v1alpha1/comments:analyze${query}`)
        .set('x-goog-api-key', made.body.key)
        .send({ comment: { text: 'ok' }, requestedAttributes: { TOXICITY: {} } });
    let status = 0;
    for (let i = 0; i < 601 && status !== 429; i++) status = (await analyze('')).status;
    expect(status).toBe(429);
    // ?key=a&key=b is no key in the query: the header's key is used, and counted
    for (const query of ['?key=x&key=bypass1', '?key=x&key=bypass2'])
      expect((await analyze(query)).status).toBe(429);
  });

  test('when a Perspective request holds a NUL or half an emoji, then it is refused naming the field', async () => {
    const made = await admin.post('/api/admin/sites/blog/api-keys', { label: 'Text rule' });
    const res = await t
      .api()
      .post(`/v1alpha1/comments:analyze?key=${made.body.key}`)
      .send({ comment: { text: 'hi\u0000there' }, requestedAttributes: { TOXICITY: {} } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    expect(res.body.error.message).toContain('comment.text');
  });

  test('when accounts exist, then the first-run set-up is closed', async () => {
    expect((await t.api().get('/api/auth/setup')).body).toEqual({ needed: false });
    const res = await t
      .api()
      .post('/api/auth/setup')
      .send({ email: 'x@example.com', name: 'X', password: STAFF_PASSWORD });
    expect(res.status).toBe(403); // no set-up cookie; with one it would be 409 SETUP_DONE
  });
});

describe('first run on a database without accounts', () => {
  let t: TestParley;
  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'first-run' });
  });
  afterAll(async () => t?.close());

  test('when the first visitor sets up Parley, then the CSRF cookie is required, the admin is created and signed in, and a second set-up is refused', async () => {
    const start = await t.api().get('/api/auth/setup');
    expect(start.body.needed).toBe(true);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('parley_setup='),
    )!;
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = { email: 'owner@example.com', name: 'Olive Owner', password: STAFF_PASSWORD };
    const noToken = await t
      .api()
      .post('/api/auth/setup')
      .set('Cookie', cookie.split(';')[0]!)
      .send(body);
    expect(noToken.status).toBe(403);
    const bad = await t
      .api()
      .post('/api/auth/setup')
      .set('Cookie', cookie.split(';')[0]!)
      .set('X-CSRF-Token', start.body.csrfToken)
      .send({ ...body, password: 'short' });
    expect(bad.status).toBe(400);
    const ok = await t
      .api()
      .post('/api/auth/setup')
      .set('Cookie', cookie.split(';')[0]!)
      .set('X-CSRF-Token', start.body.csrfToken)
      .send(body);
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({
      email: 'owner@example.com',
      name: 'Olive Owner',
      role: 'admin',
    });
    const again = await t
      .api()
      .post('/api/auth/setup')
      .set('Cookie', cookie.split(';')[0]!)
      .set('X-CSRF-Token', start.body.csrfToken)
      .send({ ...body, email: 'second@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETUP_DONE');
    expect(await t.parley.database.db.user.count()).toBe(1);
  });

  test('when set-up is tried over and over from one address, then it is rate limited', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (await t.api().post('/api/auth/setup').send({})).status;
    }
    expect(last).toBe(429);
  });
});
