import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparePriority } from '../../src/moderation/queue.service.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

type Item = { comment: { id: string } };
const idsOf = (body: { items: Item[] }) => body.items.map((i) => i.comment.id);

describe.each(PROVIDERS)('moderation queues on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const ids: Record<string, string> = {};
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `mod-queue-${provider}` });
    await seedSite(t.parley, { slug: 'blog', posts: [{ slug: 'hello' }, { slug: 'other' }] });
    await seedSite(t.parley, { slug: 'news' });
    const p = t.parley;
    ids.approvedOld = await insertTestComment(p, {
      status: 'approved',
      email: 'Regular@Example.com',
      name: 'Regular Rita',
      createdAt: minutesAgo(100),
    });
    ids.pendingOld = await insertTestComment(p, {
      status: 'pending',
      createdAt: minutesAgo(90),
      body: 'First pending words',
    });
    ids.pendingToxic = await insertTestComment(p, {
      status: 'pending',
      toxic: true,
      toxicityScore: 0.93,
      createdAt: minutesAgo(80),
      body: 'You are all IDIOTS',
    });
    ids.pendingRegular = await insertTestComment(p, {
      status: 'pending',
      email: 'regular@example.com',
      name: 'Regular Rita',
      createdAt: minutesAgo(70),
    });
    ids.pendingSpammy = await insertTestComment(p, {
      status: 'pending',
      spamScore: 0.7,
      createdAt: minutesAgo(60),
      post: 'other',
    });
    ids.spam = await insertTestComment(p, {
      status: 'spam',
      spamScore: 0.99,
      createdAt: minutesAgo(50),
    });
    ids.rejected = await insertTestComment(p, { status: 'rejected', createdAt: minutesAgo(40) });
    ids.reported = await insertTestComment(p, {
      status: 'approved',
      reportCount: 4,
      reportedAt: minutesAgo(5),
      createdAt: minutesAgo(30),
    });
    ids.reply = await insertTestComment(p, {
      status: 'pending',
      parentId: ids.approvedOld,
      createdAt: minutesAgo(20),
    });
    ids.news = await insertTestComment(p, {
      site: 'news',
      status: 'pending',
      createdAt: minutesAgo(10),
    });
    await p.database.db.report.create({
      data: {
        commentId: ids.reported,
        siteId: (await p.sites.get('blog')).id,
        reason: 'abuse',
        note: 'rude',
        ipHash: 'h1',
      },
    });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  test('when listing without a queue, then pending comments come oldest first with counts of every queue', async () => {
    const res = await admin.get('/api/moderation/comments?site=blog');
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual([
      ids.pendingOld,
      ids.pendingToxic,
      ids.pendingRegular,
      ids.pendingSpammy,
      ids.reply,
    ]);
    expect(res.body.counts).toEqual({
      pending: 5,
      toxic: 1,
      spam: 1,
      reported: 1,
      approved: 2,
      rejected: 1,
    });
    expect(res.body.nextCursor).toBeNull();
  });

  test.each([
    ['toxic', 'pendingToxic'],
    ['spam', 'spam'],
    ['reported', 'reported'],
    ['rejected', 'rejected'],
  ])('when listing the %s queue, then only its comments show', async (queue, key) => {
    const res = await admin.get(`/api/moderation/comments?site=blog&queue=${queue}`);
    expect(idsOf(res.body)).toEqual([ids[key]]);
    const alias = await admin.get(`/api/moderation/comments?site=blog&status=${queue}`);
    expect(idsOf(alias.body)).toEqual([ids[key]]);
  });

  test('when no site is named, then an admin sees every site', async () => {
    const res = await admin.get('/api/moderation/comments');
    expect(idsOf(res.body)).toContain(ids.news);
    expect(res.body.counts.pending).toBe(6);
  });

  test('when filtering by post, author email (any case) or text, then only matches show', async () => {
    expect(idsOf((await admin.get('/api/moderation/comments?site=blog&post=other')).body)).toEqual([
      ids.pendingSpammy,
    ]);
    const byAuthor = await admin.get(
      '/api/moderation/comments?site=blog&author=REGULAR@example.com',
    );
    expect(idsOf(byAuthor.body)).toEqual([ids.pendingRegular]);
    expect(byAuthor.body.counts.approved).toBe(1);
    expect(idsOf((await admin.get('/api/moderation/comments?site=blog&q=idiots')).body)).toEqual([
      ids.pendingToxic,
    ]);
    expect(
      idsOf((await admin.get('/api/moderation/comments?site=blog&q=pending WORDS')).body),
    ).toEqual([ids.pendingOld]);
    expect(idsOf((await admin.get('/api/moderation/comments?site=blog&q=rita')).body)).toEqual([
      ids.pendingRegular,
    ]);
  });

  test('when sorting newest first and paging, then the cursor walks the queue', async () => {
    const page1 = await admin.get('/api/moderation/comments?site=blog&sort=newest&limit=2');
    expect(idsOf(page1.body)).toEqual([ids.reply, ids.pendingSpammy]);
    const page2 = await admin.get(
      `/api/moderation/comments?site=blog&sort=newest&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(idsOf(page2.body)).toEqual([ids.pendingRegular, ids.pendingToxic]);
    const page3 = await admin.get(
      `/api/moderation/comments?site=blog&sort=newest&limit=2&cursor=${page2.body.nextCursor}`,
    );
    expect(idsOf(page3.body)).toEqual([ids.pendingOld]);
    expect(page3.body.nextCursor).toBeNull();
  });

  test('when sorting by priority, then the riskiest, then first-time authors, then oldest come first', async () => {
    const res = await admin.get('/api/moderation/comments?site=blog&sort=priority&limit=3');
    // toxic 0.93 > spammy 0.7 > first-time authors (oldest first) > Rita, who has an approved comment.
    expect(idsOf(res.body)).toEqual([ids.pendingToxic, ids.pendingSpammy, ids.pendingOld]);
    const rest = await admin.get(
      `/api/moderation/comments?site=blog&sort=priority&limit=3&cursor=${res.body.nextCursor}`,
    );
    expect(idsOf(rest.body)).toEqual([ids.reply, ids.pendingRegular]);
    expect(rest.body.nextCursor).toBeNull();
  });

  test('when ranking, then reports outweigh scores', () => {
    const base = { firstTime: false, createdAt: new Date(0), toxicityScore: null, spamScore: null };
    const reported = { ...base, id: 'a', reportCount: 2 };
    const toxic = { ...base, id: 'b', reportCount: 0, toxicityScore: 0.99 };
    expect([toxic, reported].sort(comparePriority).map((c) => c.id)).toEqual(['a', 'b']);
  });

  test('when an item is listed, then it carries the comment, post, parent, reports and author history', async () => {
    const reported = (await admin.get('/api/moderation/comments?site=blog&queue=reported')).body
      .items[0];
    expect(reported.reports).toEqual([
      { reason: 'abuse', note: 'rude', createdAt: expect.any(String) },
    ]);
    expect(reported.comment).toMatchObject({
      id: ids.reported,
      status: 'approved',
      reportCount: 4,
      authorEmail: expect.stringContaining('@'),
      ipHash: expect.any(String),
    });
    expect(reported.comment.screening).toEqual({
      decision: 'approve',
      reasons: [{ code: 'TEST', message: 'inserted by a test' }],
      scores: null,
      drivers: {},
    });
    expect(reported.post).toEqual({
      slug: 'hello',
      title: 'Post hello',
      url: 'https://blog.test/hello',
      site: 'blog',
    });

    const reply = (await admin.get('/api/moderation/comments?site=blog&q=rita&queue=approved')).body
      .items[0];
    expect(reply.history).toEqual({ approved: 1, rejected: 0, spam: 0, pending: 1 });
    const items = (await admin.get('/api/moderation/comments?site=blog')).body.items as {
      comment: { id: string };
      parent: unknown;
    }[];
    expect(items.find((i) => i.comment.id === ids.reply)!.parent).toEqual({
      id: ids.approvedOld,
      authorName: 'Regular Rita',
      html: expect.stringContaining('<p>'),
    });
    expect(items.find((i) => i.comment.id === ids.pendingOld)!.parent).toBeNull();
  });

  test('when the query is invalid, then 400 names the field; an unknown site is 404', async () => {
    const bad = await admin.get('/api/moderation/comments?queue=nope&limit=1000&cursor=garbage');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['limit', 'queue']);
    const cursor = await admin.get('/api/moderation/comments?cursor=garbage');
    expect(cursor.body.error.fields.cursor).toBeDefined();
    expect((await admin.get('/api/moderation/comments?site=nope')).status).toBe(404);
  });
});
