import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256Hex } from '../../src/privacy/hashing.js';
import { PROVIDERS } from '../helpers/databases.js';
import { signIn, signInAs, STAFF_PASSWORD, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('admin API on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const db = () => t.parley.database.db;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `admin-${provider}` });
    // "blog" starts without posts created by their first comment; a test turns it on.
    await seedSite(t.parley, { slug: 'blog', settings: { maxDepth: 3, autoCreatePosts: false } });
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });
  });
  afterAll(async () => t?.close());

  test('when an admin registers and then closes a post, then the public API shows it and comments are refused', async () => {
    const created = await admin.put('/api/admin/sites/blog/posts/launch', {
      title: 'Launch day',
      url: 'https://blog.example/launch',
    });
    expect(created.status).toBe(201);
    expect(created.body.post).toEqual({
      slug: 'launch',
      title: 'Launch day',
      url: 'https://blog.example/launch',
      commentCount: 0,
      closed: false,
    });
    expect((await t.api().get('/api/sites/blog/posts/launch')).body.post.title).toBe('Launch day');
    expect((await t.post('/api/sites/blog/posts/launch/comments').send(aComment())).status).toBe(
      201,
    ); // the post is now cached
    const closed = await admin.put('/api/admin/sites/blog/posts/launch', {
      title: 'Launch day',
      closed: true,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.post.closed).toBe(true);
    expect((await t.api().get('/api/sites/blog/posts/launch')).body.post.closed).toBe(true);
    expect((await t.post('/api/sites/blog/posts/launch/comments').send(aComment())).status).toBe(
      409,
    );
    expect(
      (await admin.put('/api/admin/sites/blog/posts/launch', { title: '' })).body.error.fields
        .title,
    ).toBeDefined();
    expect(
      await db().auditLog.count({ where: { action: { in: ['post.create', 'post.update'] } } }),
    ).toBe(2);
  });

  test('when an admin creates a site, then it is listed with defaults filled in and audited', async () => {
    const res = await admin.post('/api/admin/sites', {
      slug: 'shop',
      name: 'The Shop',
      allowedOrigins: ['https://shop.example/'],
      settings: { premoderation: 'first-time' },
    });
    expect(res.status).toBe(201);
    expect(res.body.site).toMatchObject({
      slug: 'shop',
      name: 'The Shop',
      allowedOrigins: ['https://shop.example'],
    });
    expect(res.body.site.settings).toMatchObject({
      premoderation: 'first-time',
      maxDepth: 5,
      reportThreshold: 3,
      autoCreatePosts: true, // a new site's posts are created by their first comment
    });
    const list = await admin.get('/api/admin/sites');
    expect(list.body.sites.map((s: { slug: string }) => s.slug)).toEqual(['blog', 'shop']);
    expect((await admin.post('/api/admin/sites', { slug: 'shop', name: 'Again' })).status).toBe(
      409,
    );
    expect(
      await db().auditLog.count({ where: { action: 'site.create', targetId: res.body.site.id } }),
    ).toBe(1);
  });

  test('when settings are patched, then they merge with the stored ones and the public API sees them at once', async () => {
    expect((await t.api().get('/api/sites/blog/posts')).status).toBe(200); // warms the site cache
    const refused = await t
      .post('/api/sites/blog/posts/fresh/comments')
      .send(aComment({ title: 'Fresh', url: 'https://blog.test/fresh' }));
    expect(refused.status).toBe(404); // autoCreatePosts is off on "blog" so far
    const res = await admin.patch('/api/admin/sites/blog', {
      name: 'Renamed Blog',
      settings: {
        autoCreatePosts: true,
        moderationWords: ['casino'],
        toxicity: { INSULT: { threshold: 0.6 } },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.site.name).toBe('Renamed Blog');
    expect(res.body.site.settings).toMatchObject({
      maxDepth: 3,
      autoCreatePosts: true,
      moderationWords: ['casino'],
    });
    expect(res.body.site.settings.toxicity.INSULT).toEqual({ threshold: 0.6, action: 'hold' });
    const stored = await db().site.findUniqueOrThrow({ where: { slug: 'blog' } });
    expect(stored.settings).toEqual({
      maxDepth: 3,
      autoCreatePosts: true,
      moderationWords: ['casino'],
      toxicity: { INSULT: { threshold: 0.6 } },
    });
    // The cache was invalidated: a first comment may now create a post.
    const created = await t
      .post('/api/sites/blog/posts/fresh/comments')
      .send(aComment({ title: 'Fresh', url: 'https://blog.test/fresh' }));
    expect([201, 202]).toContain(created.status);

    const second = await admin.patch('/api/admin/sites/blog', {
      settings: { toxicity: { INSULT: { action: 'reject' } } },
    });
    expect(second.body.site.settings.toxicity.INSULT).toEqual({ threshold: 0.6, action: 'reject' });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'site.update' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.before).toMatchObject({
      name: 'Test Blog',
      settings: { maxDepth: 3, autoCreatePosts: false },
    });
    expect(audit.after).toMatchObject({ name: 'Renamed Blog' });
  });

  test('when settings are invalid, then 400 names each field and nothing is stored', async () => {
    const before = await db().site.findUniqueOrThrow({ where: { slug: 'blog' } });
    const res = await admin.patch('/api/admin/sites/blog', {
      allowedOrigins: ['https://ok.example', 'not an origin', 'https://x.example/path'],
      settings: {
        maxDepth: 99,
        premoderation: 'sometimes',
        toxicity: { THREAT: { threshold: 2 } },
        typoSetting: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['allowedOrigins.1', 'allowedOrigins.2']),
    );
    const settings = await admin.patch('/api/admin/sites/blog', {
      settings: {
        maxDepth: 99,
        premoderation: 'sometimes',
        toxicity: { THREAT: { threshold: 2 } },
        typoSetting: true,
      },
    });
    expect(Object.keys(settings.body.error.fields).sort()).toEqual([
      'settings.maxDepth',
      'settings.premoderation',
      'settings.toxicity.THREAT.threshold',
      'settings.typoSetting',
    ]);
    expect(settings.body.error.fields['settings.maxDepth']).toEqual(expect.any(String));
    const after = await db().site.findUniqueOrThrow({ where: { slug: 'blog' } });
    expect(after.settings).toEqual(before.settings);
    expect((await admin.patch('/api/admin/sites/nope', { name: 'x' })).status).toBe(404);
  });

  test('when an API key is created, then it is shown once and only its hash is stored', async () => {
    const res = await admin.post('/api/admin/sites/blog/api-keys', { label: 'CMS plugin' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      key: expect.stringMatching(/^pk_/),
      label: 'CMS plugin',
    });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.keyHash).toBe(sha256Hex(res.body.key));
    const list = await admin.get('/api/admin/sites/blog/api-keys');
    expect(list.body.apiKeys).toEqual([
      { id: res.body.id, label: 'CMS plugin', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.key);
    expect((await admin.delete(`/api/admin/sites/blog/api-keys/${res.body.id}`)).status).toBe(204);
    expect((await admin.get('/api/admin/sites/blog/api-keys')).body.apiKeys).toEqual([]);
    expect((await admin.delete(`/api/admin/sites/blog/api-keys/${res.body.id}`)).status).toBe(404);
  });

  test("when an admin creates and changes a moderator, then the moderator's sites and role follow", async () => {
    const created = await admin.post('/api/admin/users', {
      email: 'New.Mod@Parley.test',
      name: 'New Mod',
      password: STAFF_PASSWORD,
      role: 'moderator',
      sites: ['blog'],
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'new.mod@parley.test',
      role: 'moderator',
      sites: ['blog'],
      locked: false,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/argon2|passwordHash/);
    const dup = await admin.post('/api/admin/users', {
      email: 'new.mod@parley.test',
      name: 'Again',
      password: STAFF_PASSWORD,
    });
    expect(dup.status).toBe(409);
    const badSite = await admin.post('/api/admin/users', {
      email: 'x@parley.test',
      name: 'X',
      password: STAFF_PASSWORD,
      sites: ['nope'],
    });
    expect(badSite.body.error.fields.sites).toMatch(/nope/);
    const shortPw = await admin.post('/api/admin/users', {
      email: 'y@parley.test',
      name: 'Y',
      password: 'short',
    });
    expect(shortPw.body.error.fields.password).toMatch(/10/);

    const mod = await signIn(t, 'new.mod@parley.test');
    expect(mod.user.sites).toEqual(['blog']);
    expect((await mod.get('/api/moderation/comments?site=shop')).status).toBe(403);

    const patched = await admin.patch(`/api/admin/users/${created.body.user.id}`, {
      sites: ['blog', 'shop'],
      name: 'Renamed Mod',
    });
    expect(patched.body.user).toMatchObject({ name: 'Renamed Mod', sites: ['blog', 'shop'] });
    expect((await mod.get('/api/moderation/comments?site=shop')).status).toBe(200);

    const users = await admin.get('/api/admin/users');
    expect(users.body.users.map((u: { email: string }) => u.email)).toContain(
      'new.mod@parley.test',
    );
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'user.update', targetId: created.body.user.id },
    });
    expect(audit.before).toMatchObject({ name: 'New Mod', sites: ['blog'] });
    expect(audit.after).toMatchObject({ name: 'Renamed Mod', sites: ['blog', 'shop'] });
  });

  test('when a password is reset, then old sessions end and a lock-out is lifted', async () => {
    const created = await admin.post('/api/admin/users', {
      email: 'reset@parley.test',
      name: 'Reset',
      password: STAFF_PASSWORD,
    });
    const session = await signIn(t, 'reset@parley.test');
    await db().user.update({
      where: { id: created.body.user.id },
      data: { lockedUntil: new Date(Date.now() + 600_000) },
    });
    const res = await admin.patch(`/api/admin/users/${created.body.user.id}`, {
      password: 'a brand new password',
    });
    expect(res.body.user.locked).toBe(false);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(t, 'reset@parley.test', 'a brand new password')).user.email).toBe(
      'reset@parley.test',
    );
  });

  test('when the last admin would be demoted, then 409', async () => {
    const admins = await db().user.count({ where: { role: 'admin' } });
    expect(admins).toBe(1);
    const res = await admin.patch(`/api/admin/users/${admin.user.id}`, { role: 'moderator' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
  });
});
