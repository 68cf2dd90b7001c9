// Site exports over the admin API, on real databases: the Parley JSON lines read back with
// readParleyExport and compared with the rows, the WXR read back with readWxr.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ParleyRecord,
  readParleyExport,
  readWxr,
  type ImportRecord,
} from '../../src/import-export/formats/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe.each(PROVIDERS)('site export on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestParley(provider);
    await seedSite(t.parley, {
      slug: 'blog',
      allowedOrigins: ['https://blog.test'],
      settings: { premodAll: false },
      posts: [{ slug: 'hello', title: 'Hello <world> & "friends"' }, { slug: 'second' }],
    });
    await seedSite(t.parley, { slug: 'other', posts: [{ slug: 'elsewhere' }] });
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });
    // A real comment through the public API (screened, hashed), then a thread of every status.
    const posted = await t
      .post('/api/sites/blog/posts/hello/comments')
      .send({ name: 'Poster', email: 'poster@example.com', body: 'Posted for real, **bold**.' });
    expect([201, 202]).toContain(posted.status);
    ids.posted = posted.body.comment.id;
    ids.root = await insertTestComment(t.parley, { status: 'approved', body: 'Root ]]> cdata' });
    ids.reply = await insertTestComment(t.parley, { status: 'pending', parentId: ids.root });
    ids.deep = await insertTestComment(t.parley, { status: 'spam', parentId: ids.reply });
    ids.deleted = await insertTestComment(t.parley, { status: 'deleted', post: 'second' });
    ids.rejected = await insertTestComment(t.parley, { status: 'rejected', post: 'second' });
    await insertTestComment(t.parley, { site: 'other', post: 'elsewhere', status: 'approved' });
    // A moderator decision and an email ban: audit entries with snapshots.
    expect((await admin.post(`/api/moderation/comments/${ids.reply}/approve`)).status).toBe(200);
    const ban = await admin.post('/api/moderation/bans', { kind: 'email', commentId: ids.deep });
    expect(ban.status).toBe(201);
    await t.api().post(`/api/comments/${ids.root}/reports`).send({ reason: 'spam' });
  });
  afterAll(async () => {
    await t.close();
  });

  test('when an admin downloads the Parley export, then readParleyExport reads back the site as stored', async () => {
    const res = await admin.get('/api/admin/sites/blog/export?format=parley').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="parley-blog-\d{4}-\d\d-\d\d\.jsonl"$/,
    );
    const records = await collect(readParleyExport(Readable.from([res.text])));
    expect(records[0]).toMatchObject({ type: 'header', format: 'parley-export', version: 1 });
    const byType = <K extends ParleyRecord['type']>(type: K) =>
      records.filter((r): r is Extract<ParleyRecord, { type: K }> => r.type === type);
    expect(records.filter((r) => r.type === 'skipped')).toEqual([]);

    const db = t.parley.database.db;
    const site = await db.site.findUniqueOrThrow({ where: { slug: 'blog' } });
    expect(byType('site')).toEqual([
      {
        type: 'site',
        id: site.id,
        slug: 'blog',
        name: site.name,
        allowedOrigins: ['https://blog.test'],
        createdAt: site.createdAt,
      },
    ]);
    expect(byType('settings')).toEqual([
      { type: 'settings', siteId: site.id, settings: { premodAll: false } },
    ]);
    const posts = await db.post.findMany({ where: { siteId: site.id }, orderBy: { id: 'asc' } });
    expect(byType('post').map((p) => p.id)).toEqual(posts.map((p) => p.id));

    const comments = await db.comment.findMany({ where: { siteId: site.id } });
    const exported = byType('comment');
    expect(exported).toHaveLength(comments.length);
    for (const row of comments) {
      const record = exported.find((c) => c.id === row.id);
      expect(record).toEqual({
        type: 'comment',
        id: row.id,
        siteId: row.siteId,
        postId: row.postId,
        parentId: row.parentId,
        replyToId: row.replyToId,
        replyToName: row.replyToName,
        authorName: row.authorName,
        authorEmail: row.authorEmail,
        authorWebsite: row.authorWebsite,
        body: row.body,
        html: row.html,
        status: row.status,
        screening: row.screening,
        toxic: row.toxic,
        toxicityScore: row.toxicityScore,
        spamScore: row.spamScore,
        reportCount: row.reportCount,
        reportedAt: row.reportedAt,
        ipHash: row.ipHash,
        authorHash: row.authorHash,
        userAgent: row.userAgent,
        referrer: row.referrer,
        akismetParams: row.akismetParams,
        createdAt: row.createdAt,
        editedAt: row.editedAt,
        decidedAt: row.decidedAt,
      });
    }
    // Every record comes after what it references: posts before comments, parents before replies.
    const seen = new Set<string>();
    for (const r of records) {
      if (r.type === 'comment') {
        expect(seen.has(r.postId)).toBe(true);
        if (r.parentId) expect(seen.has(r.parentId)).toBe(true);
      }
      if ('id' in r && typeof r.id === 'string') seen.add(r.id);
    }
    for (const status of ['approved', 'deleted', 'rejected', 'spam'])
      expect(exported.some((c) => c.status === status)).toBe(true);
    expect(byType('ban')).toHaveLength(1);
    expect(byType('report')).toHaveLength(1);
    const audit = await db.auditLog.findMany({ where: { siteId: site.id } });
    expect(
      byType('audit')
        .map((a) => a.id)
        .sort(),
    ).toEqual(audit.map((a) => a.id).sort());
    // The other site's comment stays out.
    expect(exported.every((c) => c.siteId === site.id)).toBe(true);
  });

  test('when an admin downloads the WXR export, then readWxr reads posts and comments with WordPress statuses and parents', async () => {
    const res = await admin.get('/api/admin/sites/blog/export?format=wxr').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.headers['content-disposition']).toContain('.xml"');
    expect(res.text).toContain('<wp:comment_approved>spam</wp:comment_approved>');
    expect(res.text).toContain('<wp:comment_approved>trash</wp:comment_approved>');
    const records: ImportRecord[] = await collect(readWxr(Readable.from([res.text])));
    expect(records.filter((r) => r.type === 'skipped')).toEqual([]);
    const threads = records.filter((r) => r.type === 'thread');
    expect(threads.map((th) => th.identifier).sort()).toEqual(['hello', 'second']);
    expect(threads.find((th) => th.identifier === 'hello')?.title).toBe(
      'Hello <world> & "friends"',
    );
    const comments = records.filter((r) => r.type === 'comment');
    const db = t.parley.database.db;
    const rows = await db.comment.findMany({ where: { site: { slug: 'blog' } } });
    expect(comments).toHaveLength(rows.length);
    const bodyOf = (id: string) => rows.find((r) => r.id === id)!;
    // The WXR ids are WordPress numbers: match each comment to its row by its (unique) author;
    // WordPress dates keep whole seconds.
    const match = (id: string) => {
      const row = bodyOf(id);
      const found = comments.find((c) => c.authorName === row.authorName);
      expect(found?.createdAt.getTime()).toBe(Math.floor(row.createdAt.getTime() / 1000) * 1000);
      return found!;
    };
    expect(match(ids.root!).status).toBe('approved');
    expect(match(ids.root!).body).toContain('Root ]]&gt; cdata');
    expect(match(ids.reply!).status).toBe('approved');
    expect(match(ids.reply!).parentSourceId).toBe(match(ids.root!).sourceId);
    expect(match(ids.deep!).status).toBe('spam');
    expect(match(ids.deep!).parentSourceId).toBe(match(ids.reply!).sourceId);
    expect(match(ids.deleted!).status).toBe('deleted');
    expect(match(ids.rejected!).status).toBe('deleted');
    expect(match(ids.posted!).authorEmail).toBe('poster@example.com');
  });

  test('when the format or the site is wrong, or a moderator asks, then 400, 404 and 403 with codes', async () => {
    const bad = await admin.get('/api/admin/sites/blog/export?format=csv');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.body.error.fields.format).toBeTruthy();
    const missing = await admin.get('/api/admin/sites/nope/export?format=wxr');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('SITE_NOT_FOUND');
    const mod = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    const forbidden = await mod.get('/api/admin/sites/blog/export');
    expect(forbidden.status).toBe(403);
    const anonymous = await t.api().get('/api/admin/sites/blog/export');
    expect(anonymous.status).toBe(401);
  });
});
