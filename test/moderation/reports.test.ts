import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import {
  insertTestComment,
  publicCommentCount,
  publicThreadIds,
  signInAs,
  type StaffClient,
} from '../helpers/moderation.js';
import { createTestParley, nextIp, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('reader reports on %s', (provider) => {
  let t: TestParley;
  let mod: StaffClient;
  const report = (id: string, ip = nextIp(), body: object = { reason: 'abuse' }) =>
    t.api().post(`/api/comments/${id}/reports`).set('X-Forwarded-For', ip).send(body);
  const db = () => t.parley.database.db;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `mod-reports-${provider}` });
    await seedSite(t.parley, { slug: 'blog', allowedOrigins: ['https://blog.example'] });
    await seedSite(t.parley, {
      slug: 'hiding',
      settings: { hideReported: true, reportThreshold: 2 },
    });
    mod = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  test('when 3 readers report an approved comment, then it enters the reported queue once and stays visible', async () => {
    const reported = vi.fn();
    const off = t.parley.events.subscribe('comment.reported', reported);
    const id = await insertTestComment(t.parley, { status: 'approved' });
    const first = await report(id, nextIp(), { reason: 'spam', note: 'buy pills' });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ ok: true });
    await report(id);
    expect((await db().comment.findUniqueOrThrow({ where: { id } })).reportedAt).toBeNull();
    await report(id);
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.reportCount).toBe(3);
    expect(row.reportedAt).not.toBeNull();
    expect(reported).toHaveBeenCalledTimes(1);
    expect(reported.mock.calls[0]![0]).toMatchObject({
      commentId: id,
      siteSlug: 'blog',
      postSlug: 'hello',
      reportCount: 3,
    });

    const queue = await mod.get('/api/moderation/comments?site=blog&queue=reported');
    const item = queue.body.items.find((i: { comment: { id: string } }) => i.comment.id === id);
    expect(item.reports).toHaveLength(3);
    expect(item.reports[0]).toMatchObject({ reason: 'spam', note: 'buy pills' });
    expect(await publicThreadIds(t)).toContain(id);

    await report(id); // a fourth report does not flag it again
    expect(reported).toHaveBeenCalledTimes(1);
    off();
  });

  test('when the same reader reports twice, then it still answers 202 but counts once', async () => {
    const id = await insertTestComment(t.parley, { status: 'approved' });
    const ip = nextIp();
    expect((await report(id, ip)).status).toBe(202);
    expect((await report(id, ip, { reason: 'other' })).status).toBe(202);
    expect((await report(id, ip)).status).toBe(202);
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.reportCount).toBe(1);
    expect(row.reportedAt).toBeNull();
    expect(await db().report.count({ where: { commentId: id } })).toBe(1);
  });

  test('when the site hides reported comments, then reaching the threshold takes it out of the public thread', async () => {
    const id = await insertTestComment(t.parley, { site: 'hiding', status: 'approved' });
    const count = await publicCommentCount(t, 'hiding');
    await report(id);
    expect(await publicThreadIds(t, 'hiding')).toContain(id);
    await report(id);
    expect(await publicThreadIds(t, 'hiding')).not.toContain(id);
    expect(await publicCommentCount(t, 'hiding')).toBe(count - 1);
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('pending');
    expect(row.reportedAt).not.toBeNull();
    const queue = await mod.get('/api/moderation/comments?site=hiding&queue=reported');
    expect(queue.body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([id]);

    // A moderator approving it brings it back and settles the reports.
    await mod.post(`/api/moderation/comments/${id}/approve`);
    expect(await publicThreadIds(t, 'hiding')).toContain(id);
    expect(await db().report.count({ where: { commentId: id, resolvedAt: null } })).toBe(0);
    expect(
      (await mod.get('/api/moderation/comments?site=hiding&queue=reported')).body.items,
    ).toEqual([]);
  });

  test('when the comment is unknown or not approved, then 404', async () => {
    const pending = await insertTestComment(t.parley, { status: 'pending' });
    expect((await report(pending)).status).toBe(404);
    expect((await report('0190a000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await report('not-a-comment')).status).toBe(404);
  });

  test('when the report is invalid or not JSON, then 400 names the field / 415', async () => {
    const id = await insertTestComment(t.parley, { status: 'approved' });
    const bad = await report(id, nextIp(), { reason: 'boring', note: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['note', 'reason']);
    const form = await t
      .api()
      .post(`/api/comments/${id}/reports`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('reason=spam');
    expect(form.status).toBe(415);
  });

  test('when a browser reports from an origin the site does not allow, then 403; an allowed one gets CORS headers', async () => {
    const id = await insertTestComment(t.parley, { status: 'approved' });
    const denied = await report(id).set('Origin', 'https://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    const allowed = await t
      .api()
      .post(`/api/comments/${id}/reports`)
      .set('Origin', 'https://blog.example')
      .set('X-Forwarded-For', nextIp())
      .send({ reason: 'spam' });
    expect(allowed.status).toBe(202);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://blog.example');
    const preflight = await t
      .api()
      .options(`/api/comments/${id}/reports`)
      .set('Origin', 'https://blog.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
  });

  test('when one address sends more than 10 reports a minute, then 429', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await report(await insertTestComment(t.parley, { status: 'approved' }), ip)).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
