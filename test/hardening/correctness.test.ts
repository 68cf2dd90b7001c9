// Correctness holes found by reading the code: report counts, hidden reports, stale site
// settings, edits that skipped checks, lost lessons, half-written moderator actions, bans on
// subdomains.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import {
  insertTestComment,
  publicThreadIds,
  signInAs,
  type StaffClient,
} from '../helpers/moderation.js';
import {
  aComment,
  createTestParley,
  nextIp,
  seedSite,
  type TestParley,
} from '../helpers/parley.js';

describe.each(PROVIDERS)('correctness on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const db = () => t.parley.database.db;
  const report = (id: string) =>
    t
      .api()
      .post(`/api/comments/${id}/reports`)
      .set('X-Forwarded-For', nextIp())
      .send({ reason: 'abuse' });

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `correctness-${provider}` });
    await seedSite(t.parley, {
      slug: 'blog',
      settings: { reportThreshold: 2 },
      posts: [{ slug: 'hello' }, { slug: 'shut', closed: false }],
    });
    await seedSite(t.parley, {
      slug: 'later',
      settings: { reportThreshold: 1 },
      posts: [{ slug: 'hello' }],
    });
    await seedSite(t.parley, {
      slug: 'quiet',
      settings: { bannedAction: 'hold' },
      posts: [{ slug: 'hello' }],
    });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  test('when a moderator approved a comment after reports, then one new report does not flag it again', async () => {
    const id = await insertTestComment(t.parley, { status: 'approved' });
    await report(id);
    await report(id);
    expect((await db().comment.findUniqueOrThrow({ where: { id } })).reportedAt).not.toBeNull();
    expect((await admin.post(`/api/moderation/comments/${id}/approve`)).status).toBe(200);
    await report(id);
    expect((await db().comment.findUniqueOrThrow({ where: { id } })).reportedAt).toBeNull();
    await report(id);
    expect((await db().comment.findUniqueOrThrow({ where: { id } })).reportedAt).not.toBeNull();
  });

  test('when a site switches hideReported on, then comments already in the reported queue leave the thread', async () => {
    const id = await insertTestComment(t.parley, { site: 'later', status: 'approved' });
    await report(id);
    expect(await publicThreadIds(t, 'later')).toContain(id);
    expect(
      (await admin.patch('/api/admin/sites/later', { settings: { hideReported: true } })).status,
    ).toBe(200);
    expect(await publicThreadIds(t, 'later')).not.toContain(id);
  });

  test('when a site changes in the database, then lookups by id see it after the cache time, not never', async () => {
    const site = await t.parley.sites.get('blog');
    expect((await t.parley.sites.getById(site.id)).name).toBe('Test Blog');
    await db().site.update({ where: { id: site.id }, data: { name: 'Renamed elsewhere' } });
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    expect((await t.parley.sites.getById(site.id)).name).toBe('Renamed elsewhere');
  }, 10_000);

  test('when the post was closed after a comment, then its author can no longer edit it', async () => {
    const posted = await t.post('/api/sites/blog/posts/shut/comments').send(aComment());
    expect(posted.status).toBe(201);
    await db().post.update({
      where: {
        id: (await db().comment.findUniqueOrThrow({ where: { id: posted.body.comment.id } }))
          .postId,
      },
      data: { closed: true },
    });
    t.parley.sites.invalidate();
    const res = await t
      .api()
      .patch(`/api/comments/${posted.body.comment.id}`)
      .send({ body: 'An edit after closing.', editToken: posted.body.editToken });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POST_CLOSED');
  });

  test('when the author was banned after commenting, then their edit is refused (or held, as the site chose)', async () => {
    const input = aComment();
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(input);
    expect(
      (
        await admin.post('/api/moderation/bans', {
          site: 'blog',
          kind: 'email',
          value: input.email,
        })
      ).status,
    ).toBe(201);
    const res = await t
      .api()
      .patch(`/api/comments/${posted.body.comment.id}`)
      .send({ body: 'Edited after the ban.', editToken: posted.body.editToken });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTHOR_BANNED');

    const quiet = aComment();
    const q = await t.post('/api/sites/quiet/posts/hello/comments').send(quiet);
    expect(
      (
        await admin.post('/api/moderation/bans', {
          site: 'quiet',
          kind: 'email',
          value: quiet.email,
        })
      ).status,
    ).toBe(201);
    const held = await t
      .api()
      .patch(`/api/comments/${q.body.comment.id}`)
      .send({ body: 'Edited after a quiet ban.', editToken: q.body.editToken });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('pending');
    expect(await publicThreadIds(t, 'quiet')).not.toContain(q.body.comment.id);
  });

  test('when a toxic edit is edited back to civil, then the toxic flag clears', async () => {
    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(aComment());
    const id = posted.body.comment.id;
    await t
      .api()
      .patch(`/api/comments/${id}`)
      .send({ body: 'You are a pathetic idiot and a liar.', editToken: posted.body.editToken });
    expect((await db().comment.findUniqueOrThrow({ where: { id } })).toxic).toBe(true);
    await t.api().patch(`/api/comments/${id}`).send({
      body: 'I overreacted; the article makes a fair point.',
      editToken: posted.body.editToken,
    });
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.toxic).toBe(false);
    expect(row.status).toBe('pending'); // an edit never releases a held comment
  });

  test('when many moderators mark comments spam at once, then every lesson is kept', async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        insertTestComment(t.parley, {
          body: `Concurrent spam lesson ${i}: cheap pills at pills.example`,
        }),
      ),
    );
    const results = await Promise.all(
      ids.map((id) => admin.post(`/api/moderation/comments/${id}/spam`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const site = await t.parley.sites.get('blog');
    expect(
      await db().screeningLesson.count({
        where: { siteId: site.id, task: 'spam', commentId: { in: ids } },
      }),
    ).toBe(12);
  });

  test('when the audit row of a moderator action cannot be written, then the status change is rolled back too', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending' });
    await breakAuditInserts(true);
    try {
      const res = await admin.post(`/api/moderation/comments/${id}/approve`);
      expect(res.status).toBe(500);
    } finally {
      await breakAuditInserts(false);
    }
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('pending');
    expect(await db().auditLog.count({ where: { targetId: id } })).toBe(0);
  });

  test('when a domain is banned, then its subdomains are banned too, and look-alike domains are not', async () => {
    expect(
      (
        await admin.post('/api/moderation/bans', {
          site: 'blog',
          kind: 'domain',
          value: 'spam.example',
        })
      ).status,
    ).toBe(201);
    const sub = await t
      .post('/api/sites/blog/posts/hello/comments')
      .send(aComment({ email: 'bob@mail.spam.example' }));
    expect(sub.status).toBe(403);
    const lookalike = await t
      .post('/api/sites/blog/posts/hello/comments')
      .send(aComment({ email: 'ann@notspam.example' }));
    expect(lookalike.status).toBe(201);
  });

  /** A trigger that makes every audit insert fail, on either store. */
  async function breakAuditInserts(on: boolean): Promise<void> {
    if (provider === 'sqlite') {
      await db().$executeRawUnsafe(
        on
          ? `CREATE TRIGGER audit_fails BEFORE INSERT ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`
          : 'DROP TRIGGER audit_fails',
      );
      return;
    }
    if (on) {
      await db().$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION audit_fails() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$ LANGUAGE plpgsql`,
      );
      await db().$executeRawUnsafe(
        'CREATE TRIGGER audit_fails BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_fails()',
      );
    } else {
      await db().$executeRawUnsafe('DROP TRIGGER audit_fails ON "AuditLog"');
    }
  }
});
