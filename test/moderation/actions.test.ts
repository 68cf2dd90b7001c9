import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import {
  insertTestComment,
  publicCommentCount,
  publicThreadIds,
  signInAs,
  type StaffClient,
} from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('moderation actions on %s', (provider) => {
  let t: TestParley;
  let mod: StaffClient;
  let siteId: string;
  const db = () => t.parley.database.db;
  const counts = async () => (await mod.get('/api/moderation/comments?site=blog')).body.counts;
  const statusOf = async (id: string) =>
    (await db().comment.findUniqueOrThrow({ where: { id } })).status;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `mod-actions-${provider}` });
    siteId = (
      await seedSite(t.parley, {
        slug: 'blog',
        posts: [{ slug: 'hello' }, { slug: 'bulk' }, { slug: 'undo' }],
      })
    ).id;
    mod = await signInAs(t, { role: 'moderator', sites: ['blog'], name: 'Mo Derator' });
  });
  afterAll(async () => t?.close());

  test('when a decision answers its audit id, then undoing that entry restores the comment', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending' });
    const res = await mod.post(`/api/moderation/comments/${id}/approve`);
    expect(res.body.auditId).toEqual(expect.any(String));
    expect(await publicThreadIds(t)).toContain(id);
    expect((await mod.post(`/api/moderation/audit/${res.body.auditId}/undo`)).status).toBe(200);
    expect(await publicThreadIds(t)).not.toContain(id);
  });

  test('when a pending comment is approved, then it joins the public thread and the counts move', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending' });
    const before = await counts();
    const countBefore = await publicCommentCount(t);
    expect(await publicThreadIds(t)).not.toContain(id);

    const res = await mod.post(`/api/moderation/comments/${id}/approve`);
    expect(res.status).toBe(200);
    expect(res.body.comment.comment).toMatchObject({ id, status: 'approved' });
    expect(res.body.comment.post.slug).toBe('hello');
    expect(await publicThreadIds(t)).toContain(id);
    expect(await publicCommentCount(t)).toBe(countBefore + 1);
    const after = await counts();
    expect(after.pending).toBe(before.pending - 1);
    expect(after.approved).toBe(before.approved + 1);
  });

  test.each([
    ['reject', 'rejected'],
    ['spam', 'spam'],
    ['delete', 'deleted'],
  ] as const)(
    'when an approved comment gets %s, then it leaves the thread and the post count drops',
    async (action, status) => {
      const id = await insertTestComment(t.parley, { status: 'approved' });
      const countBefore = await publicCommentCount(t);
      const before = await counts();
      expect(await publicThreadIds(t)).toContain(id);

      const res = await mod.post(
        `/api/moderation/comments/${id}/${action}`,
        action === 'reject' ? { reason: 'off topic' } : {},
      );
      expect(res.status).toBe(200);
      expect(res.body.comment.comment.status).toBe(status);
      expect(await publicThreadIds(t)).not.toContain(id);
      expect(await publicCommentCount(t)).toBe(countBefore - 1);
      const after = await counts();
      expect(after.approved).toBe(before.approved - 1);
      if (status !== 'deleted') expect(after[status]).toBe(before[status] + 1);
    },
  );

  test('when a comment is marked spam and then not-spam, then screening is taught both ways', async () => {
    const decided = vi.spyOn(t.parley.screening.feedback, 'decided');
    const id = await insertTestComment(t.parley, { status: 'pending' });
    await mod.post(`/api/moderation/comments/${id}/spam`);
    expect(decided).toHaveBeenCalledWith(id, 'spam');
    expect(await statusOf(id)).toBe('spam');
    const res = await mod.post(`/api/moderation/comments/${id}/not-spam`);
    expect(res.body.comment.comment.status).toBe('approved');
    expect(decided).toHaveBeenCalledWith(id, 'not-spam');
    expect(await publicThreadIds(t)).toContain(id);
    const lesson = await t.parley.database.db.screeningLesson.findUniqueOrThrow({
      where: { commentId_task: { commentId: id, task: 'spam' } },
    });
    expect(lesson.label).toBe(0);
    decided.mockRestore();
  });

  test('when a comment is rejected, then screening learns it as toxic; a delete teaches nothing', async () => {
    const rejected = await insertTestComment(t.parley, { status: 'pending' });
    await mod.post(`/api/moderation/comments/${rejected}/reject`);
    const deleted = await insertTestComment(t.parley, { status: 'pending' });
    await mod.post(`/api/moderation/comments/${deleted}/delete`);
    const lessons = await t.parley.database.db.screeningLesson.findMany({
      where: { commentId: { in: [rejected, deleted] } },
      select: { commentId: true, task: true, label: true },
    });
    expect(lessons).toEqual([{ commentId: rejected, task: 'toxicity', label: 1 }]);
  });

  test('when the classifier cannot learn, then the spam decision still stands', async () => {
    const spam = vi
      .spyOn(t.parley.screening.feedback, 'decided')
      .mockRejectedValue(new Error('akismet down'));
    const id = await insertTestComment(t.parley, { status: 'pending' });
    const res = await mod.post(`/api/moderation/comments/${id}/spam`);
    expect(res.status).toBe(200);
    expect(await statusOf(id)).toBe('spam');
    spam.mockRestore();
  });

  test('when a reported comment is approved, then it leaves the reported queue and its reports are resolved', async () => {
    const id = await insertTestComment(t.parley, {
      status: 'approved',
      reportCount: 3,
      reportedAt: new Date(),
    });
    await db().report.create({ data: { commentId: id, siteId, reason: 'spam', ipHash: 'r1' } });
    expect((await counts()).reported).toBe(1);
    await mod.post(`/api/moderation/comments/${id}/approve`);
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.reportedAt).toBeNull();
    expect(
      (await db().report.findFirstOrThrow({ where: { commentId: id } })).resolvedAt,
    ).not.toBeNull();
    expect((await counts()).reported).toBe(0);
    expect(await publicThreadIds(t)).toContain(id);
  });

  test('when a moderator edits a body, then the thread shows the new html and the audit keeps both', async () => {
    const id = await insertTestComment(t.parley, { status: 'approved', body: 'Original text' });
    const res = await mod.patch(`/api/moderation/comments/${id}`, { body: 'Edited *text*' });
    expect(res.status).toBe(200);
    expect(res.body.comment.comment).toMatchObject({
      body: 'Edited *text*',
      html: '<p>Edited <em>text</em></p>',
      editedAt: expect.any(String),
    });
    const thread = await t.api().get('/api/sites/blog/posts/hello/comments').query({ limit: 100 });
    expect(thread.body.comments.find((c: { id: string }) => c.id === id).html).toBe(
      '<p>Edited <em>text</em></p>',
    );
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.contentHash).toBe(t.parley.hasher.content('Edited *text*'));
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: id, action: 'edit' } });
    expect(audit.before).toEqual({ body: 'Original text' });
    expect(audit.after).toEqual({ body: 'Edited *text*' });
    expect(
      (await mod.patch(`/api/moderation/comments/${id}`, { body: '  ' })).body.error.fields.body,
    ).toBeDefined();
  });

  test('when the comment is unknown, then 404', async () => {
    const res = await mod.post(
      '/api/moderation/comments/0190a000-0000-7000-8000-000000000000/approve',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('COMMENT_NOT_FOUND');
    expect((await mod.post('/api/moderation/comments/not-an-id/approve')).status).toBe(400);
  });

  test('when a bulk action runs, then each comment is handled and audited on its own', async () => {
    const a = await insertTestComment(t.parley, { status: 'pending', post: 'bulk' });
    const b = await insertTestComment(t.parley, { status: 'pending', post: 'bulk' });
    const missing = '0190a000-0000-7000-8000-000000000001';
    const res = await mod.post('/api/moderation/comments/bulk', {
      ids: [a, b, missing],
      action: 'approve',
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: a, ok: true, auditId: expect.any(String) },
      { id: b, ok: true, auditId: expect.any(String) },
      { id: missing, ok: false, error: 'COMMENT_NOT_FOUND' },
    ]);
    expect(await publicThreadIds(t, 'blog', 'bulk')).toEqual([a, b]);
    expect(await publicCommentCount(t, 'blog', 'bulk')).toBe(2);
    expect(
      await db().auditLog.count({ where: { targetId: { in: [a, b] }, action: 'approve' } }),
    ).toBe(2);
    const tooMany = await mod.post('/api/moderation/comments/bulk', {
      ids: Array.from({ length: 201 }, () => a),
      action: 'approve',
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.ids).toMatch(/200/);
  });

  test('when an approval is undone, then the comment is pending again and out of the thread', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending', post: 'undo' });
    await mod.post(`/api/moderation/comments/${id}/approve`);
    expect(await publicThreadIds(t, 'blog', 'undo')).toEqual([id]);
    const entry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    expect(entry).toMatchObject({
      action: 'approve',
      targetType: 'comment',
      targetId: id,
      actor: { id: mod.user.id, name: 'Mo Derator' },
      undoneAt: null,
    });

    const res = await mod.post(`/api/moderation/audit/${entry.id}/undo`);
    expect(res.status).toBe(200);
    expect(res.body.comment.comment).toMatchObject({ id, status: 'pending' });
    expect(await publicThreadIds(t, 'blog', 'undo')).toEqual([]);
    expect(await publicCommentCount(t, 'blog', 'undo')).toBe(0);

    const entries = (await mod.get('/api/moderation/audit?site=blog')).body.entries;
    expect(entries[0]).toMatchObject({
      action: 'undo',
      targetId: id,
      after: { status: 'pending', undoes: entry.id },
    });
    expect(entries[1]).toMatchObject({
      id: entry.id,
      undoneAt: expect.any(String),
      undoneById: entries[0].id,
    });
    const again = await mod.post(`/api/moderation/audit/${entry.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('UNDO_NOT_POSSIBLE');
  });

  test("when a reported comment's rejection is undone, then it is reported again with its reports open", async () => {
    const reportedAt = new Date(Date.now() - 60_000);
    const id = await insertTestComment(t.parley, {
      status: 'approved',
      post: 'undo',
      reportCount: 3,
      reportedAt,
    });
    await db().report.create({ data: { commentId: id, siteId, reason: 'abuse', ipHash: 'u1' } });
    await mod.post(`/api/moderation/comments/${id}/reject`, { reason: 'rude' });
    const entry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    expect(entry.after).toMatchObject({ status: 'rejected', reason: 'rude' });
    await mod.post(`/api/moderation/audit/${entry.id}/undo`);
    const row = await db().comment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('approved');
    expect(row.reportedAt?.toISOString()).toBe(reportedAt.toISOString());
    expect(
      (await db().report.findFirstOrThrow({ where: { commentId: id } })).resolvedAt,
    ).toBeNull();
    expect(await publicThreadIds(t, 'blog', 'undo')).toContain(id);
  });

  test('when the comment changed after the action, then undo refuses instead of clobbering', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending', post: 'undo' });
    await mod.post(`/api/moderation/comments/${id}/approve`);
    const approveEntry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    await mod.post(`/api/moderation/comments/${id}/spam`);
    const res = await mod.post(`/api/moderation/audit/${approveEntry.id}/undo`);
    expect(res.status).toBe(409);
    expect(await statusOf(id)).toBe('spam');
    // The refused undo left the entry undoable.
    expect(
      (await db().auditLog.findUniqueOrThrow({ where: { id: approveEntry.id } })).undoneAt,
    ).toBeNull();
  });

  test('when an edit is undone, then the original body returns', async () => {
    const id = await insertTestComment(t.parley, {
      status: 'approved',
      post: 'undo',
      body: 'Before edit',
    });
    await mod.patch(`/api/moderation/comments/${id}`, { body: 'After edit' });
    const entry = (await mod.get('/api/moderation/audit?site=blog')).body.entries[0];
    const res = await mod.post(`/api/moderation/audit/${entry.id}/undo`);
    expect(res.body.comment.comment).toMatchObject({
      body: 'Before edit',
      html: '<p>Before edit</p>',
    });
  });

  test('when actions happen, then the audit log records each with actor and before/after, newest first, paged', async () => {
    const id = await insertTestComment(t.parley, { status: 'pending' });
    for (const action of ['approve', 'reject', 'spam', 'not-spam', 'delete']) {
      expect((await mod.post(`/api/moderation/comments/${id}/${action}`)).status).toBe(200);
    }
    const res = await mod.get('/api/moderation/audit?site=blog&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'not-spam',
      'spam',
      'reject',
      'approve',
    ]);
    expect(res.body.entries[4]).toMatchObject({
      targetType: 'comment',
      targetId: id,
      site: 'blog',
      actor: { id: mod.user.id, name: 'Mo Derator' },
      before: { status: 'pending', reportedAt: null },
      after: { status: 'approved' },
      createdAt: expect.any(String),
      undoneAt: null,
    });
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const next = await mod.get(
      `/api/moderation/audit?site=blog&limit=5&cursor=${res.body.nextCursor}`,
    );
    expect(next.body.entries.length).toBeGreaterThan(0);
    expect(next.body.entries.map((e: { id: string }) => e.id)).not.toContain(
      res.body.entries[0].id,
    );
  });

  test('when stats are asked, then comments per day, by status and the median decision time come back', async () => {
    const createdAt = new Date(Date.now() - 3_600_000);
    const id = await insertTestComment(t.parley, { status: 'pending', createdAt, post: 'bulk' });
    await mod.post(`/api/moderation/comments/${id}/approve`);
    const res = await mod.get('/api/moderation/stats?site=blog&days=7');
    expect(res.status).toBe(200);
    expect(res.body.perDay).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    const last = res.body.perDay.at(-1);
    expect(last.date).toBe(today);
    const total = await db().comment.count({ where: { siteId } });
    const summed = res.body.perDay.reduce((n: number, d: { total: number }) => n + d.total, 0);
    expect(summed).toBe(total);
    expect(
      Object.values(res.body.byStatus).reduce((a, b) => (a as number) + (b as number), 0),
    ).toBe(total);
    expect(res.body.byStatus.deleted).toBeGreaterThan(0);
    expect(res.body.medianDecisionSeconds).toBeGreaterThan(0);
    expect((await mod.get('/api/moderation/stats?days=0')).status).toBe(400);
  });
});
