import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface RouteCase {
  method: Method;
  path: string;
  body?: object;
}

describe.each(PROVIDERS)('moderation access control on %s', (provider) => {
  let t: TestParley;
  let outsider: StaffClient;
  let insider: StaffClient;
  let otherCommentId: string;
  let otherBanId: string;
  let otherAuditId: string;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `mod-access-${provider}` });
    await seedSite(t.parley, { slug: 'blog' });
    await seedSite(t.parley, { slug: 'news' });
    otherCommentId = await insertTestComment(t.parley, { site: 'news', status: 'pending' });
    insider = await signInAs(t, { role: 'moderator', sites: ['news'] });
    outsider = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    const ban = await insider.post('/api/moderation/bans', {
      site: 'news',
      kind: 'email',
      value: 'troll@example.com',
    });
    otherBanId = ban.body.ban.id;
    await insider.post(`/api/moderation/comments/${otherCommentId}/reject`);
    const audit = await insider.get('/api/moderation/audit?site=news');
    otherAuditId = audit.body.entries.find((e: { action: string }) => e.action === 'reject').id;
  });
  afterAll(async () => t?.close());

  /** Every moderation route, aimed at the "news" site that `outsider` does not moderate. */
  const routes = (): RouteCase[] => [
    { method: 'get', path: '/api/moderation/comments?site=news' },
    { method: 'post', path: `/api/moderation/comments/${otherCommentId}/approve` },
    {
      method: 'post',
      path: `/api/moderation/comments/${otherCommentId}/reject`,
      body: { reason: 'x' },
    },
    { method: 'post', path: `/api/moderation/comments/${otherCommentId}/spam` },
    { method: 'post', path: `/api/moderation/comments/${otherCommentId}/not-spam` },
    { method: 'post', path: `/api/moderation/comments/${otherCommentId}/delete` },
    {
      method: 'patch',
      path: `/api/moderation/comments/${otherCommentId}`,
      body: { body: 'edited' },
    },
    {
      method: 'post',
      path: '/api/moderation/bans',
      body: { site: 'news', kind: 'email', value: 'x@example.com' },
    },
    { method: 'get', path: '/api/moderation/bans?site=news' },
    { method: 'delete', path: `/api/moderation/bans/${otherBanId}` },
    { method: 'get', path: '/api/moderation/audit?site=news' },
    { method: 'post', path: `/api/moderation/audit/${otherAuditId}/undo` },
    { method: 'get', path: '/api/moderation/stats?site=news' },
  ];

  test('when no session is sent, then every moderation route answers 401 UNAUTHENTICATED', async () => {
    const all = [
      ...routes(),
      {
        method: 'post',
        path: '/api/moderation/comments/bulk',
        body: { ids: [otherCommentId], action: 'approve' },
      } as RouteCase,
    ];
    for (const r of all) {
      const res = await t
        .api()
        [r.method](r.path)
        .send(r.body ?? {});
      expect([r.path, res.status, res.body.error?.code]).toEqual([r.path, 401, 'UNAUTHENTICATED']);
    }
  });

  test('when the session cookie is unknown, then 401', async () => {
    const res = await t
      .api()
      .get('/api/moderation/comments')
      .set('Cookie', 'parley_session=forged-token');
    expect(res.status).toBe(401);
  });

  test('when a moderator acts outside their sites, then every moderation route answers 403 FORBIDDEN', async () => {
    for (const r of routes()) {
      const req =
        r.method === 'get'
          ? outsider.get(r.path)
          : r.method === 'delete'
            ? outsider.delete(r.path)
            : outsider[r.method](r.path, r.body ?? {});
      const res = await req;
      expect([r.method, r.path, res.status, res.body.error?.code]).toEqual([
        r.method,
        r.path,
        403,
        'FORBIDDEN',
      ]);
    }
  });

  test('when a moderator bulk-acts outside their sites, then each item fails FORBIDDEN and nothing changes', async () => {
    const res = await outsider.post('/api/moderation/comments/bulk', {
      ids: [otherCommentId],
      action: 'approve',
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ id: otherCommentId, ok: false, error: 'FORBIDDEN' }]);
    const c = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: otherCommentId },
    });
    expect(c.status).toBe('rejected');
  });

  test('when a moderator lists without a site filter, then only their sites show', async () => {
    const res = await outsider.get('/api/moderation/comments?queue=rejected');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.counts.rejected).toBe(0);
    const mine = await insider.get('/api/moderation/comments?queue=rejected');
    expect(mine.body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([
      otherCommentId,
    ]);
  });

  test.each([
    ['missing', undefined],
    ['wrong', 'not-the-token'],
  ])(
    'when the CSRF token is %s, then state-changing requests answer 403 CSRF_FAILED',
    async (_label, token) => {
      const cases: RouteCase[] = [
        { method: 'post', path: `/api/moderation/comments/${otherCommentId}/approve` },
        {
          method: 'patch',
          path: `/api/moderation/comments/${otherCommentId}`,
          body: { body: 'x' },
        },
        { method: 'delete', path: `/api/moderation/bans/${otherBanId}` },
        {
          method: 'post',
          path: '/api/moderation/comments/bulk',
          body: { ids: [otherCommentId], action: 'approve' },
        },
        { method: 'post', path: '/api/auth/logout' },
      ];
      for (const r of cases) {
        let req = t.api()[r.method](r.path).set('Cookie', insider.cookie);
        if (token) req = req.set('X-CSRF-Token', token);
        const res = await req.send(r.body ?? {});
        expect([r.path, res.status, res.body.error?.code]).toEqual([r.path, 403, 'CSRF_FAILED']);
      }
      // Nothing happened: the comment is still rejected, the ban is still there and the session alive.
      expect(
        (await t.parley.database.db.comment.findUniqueOrThrow({ where: { id: otherCommentId } }))
          .status,
      ).toBe('rejected');
      expect(
        await t.parley.database.db.ban.findUnique({ where: { id: otherBanId } }),
      ).not.toBeNull();
      expect((await insider.get('/api/auth/me')).status).toBe(200);
    },
  );

  test('when a GET carries no CSRF token, then it still works (reads are safe)', async () => {
    const res = await t.api().get('/api/moderation/stats').set('Cookie', insider.cookie);
    expect(res.status).toBe(200);
  });

  test('when a moderator calls an admin route, then 403 FORBIDDEN', async () => {
    const cases: RouteCase[] = [
      { method: 'get', path: '/api/admin/sites' },
      { method: 'post', path: '/api/admin/sites', body: { slug: 'x', name: 'X' } },
      { method: 'get', path: '/api/admin/sites/news' },
      { method: 'patch', path: '/api/admin/sites/news', body: { name: 'Y' } },
      { method: 'post', path: '/api/admin/sites/news/api-keys', body: { label: 'k' } },
      { method: 'get', path: '/api/admin/sites/news/api-keys' },
      {
        method: 'delete',
        path: '/api/admin/sites/news/api-keys/0190a000-0000-7000-8000-000000000000',
      },
      { method: 'get', path: '/api/admin/users' },
      {
        method: 'post',
        path: '/api/admin/users',
        body: { email: 'a@b.test', name: 'A', password: 'long enough password', role: 'admin' },
      },
      { method: 'patch', path: `/api/admin/users/${insider.user.id}`, body: { role: 'admin' } },
    ];
    for (const r of cases) {
      const req =
        r.method === 'get'
          ? insider.get(r.path)
          : r.method === 'delete'
            ? insider.delete(r.path)
            : insider[r.method](r.path, r.body ?? {});
      const res = await req;
      expect([r.path, res.status, res.body.error?.code]).toEqual([r.path, 403, 'FORBIDDEN']);
      const anonymous = await t
        .api()
        [r.method](r.path)
        .send(r.body ?? {});
      expect([r.path, anonymous.status]).toEqual([r.path, 401]);
    }
  });
});
