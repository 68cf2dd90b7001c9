import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findActiveBan } from '../../src/moderation/bans.repo.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('bans on %s', (provider) => {
  let t: TestParley;
  let mod: StaffClient;
  let siteId: string;
  const db = () => t.parley.database.db;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `mod-bans-${provider}` });
    siteId = (await seedSite(t.parley, { slug: 'blog' })).id;
    await seedSite(t.parley, { slug: 'news' });
    mod = await signInAs(t, { role: 'moderator', sites: ['blog'] });
  });
  afterAll(async () => t?.close());

  test('when banning from a comment, then the value is derived from it: email, IP hash or domain', async () => {
    const id = await insertTestComment(t.parley, {
      email: 'Spammer@Junk.Example',
      ip: '192.0.2.44',
    });
    const email = await mod.post('/api/moderation/bans', {
      kind: 'email',
      commentId: id,
      reason: 'spam run',
    });
    expect(email.status).toBe(201);
    expect(email.body.ban).toMatchObject({
      site: 'blog',
      kind: 'email',
      value: 'spammer@junk.example',
      reason: 'spam run',
      active: true,
      expiresAt: null,
    });
    const ip = await mod.post('/api/moderation/bans', { site: 'blog', kind: 'ip', commentId: id });
    expect(ip.body.ban.value).toBe(t.parley.hasher.ip('192.0.2.44'));
    const domain = await mod.post('/api/moderation/bans', { kind: 'domain', commentId: id });
    expect(domain.body.ban.value).toBe('junk.example');

    const again = await mod.post('/api/moderation/bans', { kind: 'email', commentId: id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BAN_EXISTS');
  });

  test('when banning by value, then emails and domains are lowercased and IPs stored hashed', async () => {
    const email = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: ' Troll@Example.COM ',
    });
    expect(email.body.ban.value).toBe('troll@example.com');
    const domain = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'domain',
      value: '@Mailinator.COM',
    });
    expect(domain.body.ban.value).toBe('mailinator.com');
    const ip = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'ip',
      value: '198.51.100.9',
    });
    expect(ip.body.ban.value).toBe(t.parley.hasher.ip('198.51.100.9'));
    expect(ip.body.ban.value).not.toContain('198.51');
  });

  test('when the ban request is invalid, then 400 names the field', async () => {
    const noValue = await mod.post('/api/moderation/bans', { site: 'blog', kind: 'email' });
    expect(noValue.body.error.fields.value).toBeDefined();
    const badKind = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'name',
      value: 'x',
    });
    expect(badKind.body.error.fields.kind).toBeDefined();
    const past = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: 'old@example.com',
      expiresAt: '2001-01-01T00:00:00Z',
    });
    expect(past.body.error.fields.expiresAt).toBeDefined();
    const notEmail = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: 'nope',
    });
    expect(notEmail.body.error.fields.value).toBeDefined();
  });

  test("when listing bans, then the site's bans show with whether they are still active", async () => {
    await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: 'temp@example.com',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await db().ban.create({
      data: {
        siteId,
        kind: 'email',
        value: 'expired@example.com',
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    const res = await mod.get('/api/moderation/bans?site=blog');
    expect(res.status).toBe(200);
    const byValue = Object.fromEntries(
      res.body.bans.map((b: { value: string; active: boolean }) => [b.value, b.active]),
    );
    expect(byValue['temp@example.com']).toBe(true);
    expect(byValue['expired@example.com']).toBe(false);
    expect((await mod.get('/api/moderation/bans')).body.bans.length).toBe(res.body.bans.length);
  });

  test('when findActiveBan looks up an author, then email, IP and domain bans match and expired ones do not', async () => {
    const other = (await t.parley.sites.get('news')).id;
    const ipHash = t.parley.hasher.ip('203.0.113.99');
    await db().ban.createMany({
      data: [
        { siteId, kind: 'email', value: 'banned@example.org' },
        { siteId, kind: 'ip', value: ipHash },
        { siteId, kind: 'domain', value: 'spam.example' },
        {
          siteId,
          kind: 'email',
          value: 'gone@example.org',
          expiresAt: new Date(Date.now() - 60_000),
        },
        {
          siteId,
          kind: 'email',
          value: 'later@example.org',
          expiresAt: new Date(Date.now() + 60_000),
        },
      ],
    });
    const clean = t.parley.hasher.ip('203.0.113.1');
    expect(
      await findActiveBan(db(), siteId, { email: ' Banned@Example.org', ipHash: clean }),
    ).toMatchObject({ kind: 'email' });
    expect(
      await findActiveBan(db(), siteId, { email: 'someone@ok.example', ipHash }),
    ).toMatchObject({ kind: 'ip' });
    expect(
      await findActiveBan(db(), siteId, { email: 'anyone@SPAM.example', ipHash: clean }),
    ).toMatchObject({ kind: 'domain' });
    expect(
      await findActiveBan(db(), siteId, { email: 'gone@example.org', ipHash: clean }),
    ).toBeNull();
    expect(
      await findActiveBan(db(), siteId, { email: 'later@example.org', ipHash: clean }),
    ).toMatchObject({ kind: 'email' });
    expect(await findActiveBan(db(), other, { email: 'banned@example.org', ipHash })).toBeNull();
  });

  test('when a ban is undone, then it is gone; when a lift is undone, then it is back', async () => {
    const created = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: 'undo-me@example.com',
    });
    const createEntry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    expect(createEntry).toMatchObject({
      action: 'ban.create',
      targetType: 'ban',
      targetId: created.body.ban.id,
    });
    const undone = await mod.post(`/api/moderation/audit/${createEntry.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ ban: null });
    expect(await db().ban.findUnique({ where: { id: created.body.ban.id } })).toBeNull();

    const lifted = await mod.post('/api/moderation/bans', {
      site: 'blog',
      kind: 'email',
      value: 'lift-me@example.com',
      reason: 'abuse',
    });
    expect((await mod.delete(`/api/moderation/bans/${lifted.body.ban.id}`)).status).toBe(204);
    expect(await db().ban.findUnique({ where: { id: lifted.body.ban.id } })).toBeNull();
    const deleteEntry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    expect(deleteEntry.action).toBe('ban.delete');
    const restored = await mod.post(`/api/moderation/audit/${deleteEntry.id}/undo`);
    expect(restored.body.ban).toMatchObject({
      id: lifted.body.ban.id,
      value: 'lift-me@example.com',
      reason: 'abuse',
    });
    expect(await db().ban.findUnique({ where: { id: lifted.body.ban.id } })).not.toBeNull();
    expect(
      (await mod.delete('/api/moderation/bans/0190a000-0000-7000-8000-000000000000')).status,
    ).toBe(404);
  });
});
