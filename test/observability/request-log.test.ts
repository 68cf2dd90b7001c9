// Request logs, request ids and moderator-action lines, captured from the real logger.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment, signInAs } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('request logs on %s', (provider) => {
  let t: TestParley;
  const lines: string[] = [];
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const requestLines = () => records().filter((r) => r.msg === 'request');

  beforeAll(async () => {
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestParley(provider, {
      log: createLogger('info', sink),
      name: `log-${provider}`,
    });
    await seedSite(t.parley);
  });
  afterAll(() => t.close());

  test('when a reader posts a comment, then one info line has method, route pattern, status, duration and request id, and nothing private', async () => {
    lines.length = 0;
    const comment = aComment({
      email: 'private.reader@example.com',
      body: 'My secret body text here.',
    });
    const res = await t
      .post('/api/sites/blog/posts/hello/comments?utm=secretquery', { ip: '198.51.100.77' })
      .send(comment);
    expect([201, 202]).toContain(res.status);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const line = requestLines().find((r) => r.requestId === id);
    expect(line).toMatchObject({
      level: 30,
      method: 'POST',
      route: '/api/sites/:site/posts/:post/comments',
      status: res.status,
    });
    expect(typeof line!.ms).toBe('number');
    const all = lines.join('\n');
    for (const secret of [
      'private.reader@example.com',
      '198.51.100.77',
      'My secret body',
      'secretquery',
      res.body.editToken as string,
      '/api/sites/blog/posts/hello',
    ])
      expect(all, secret).not.toContain(secret);
  });

  test('when a request fails, then the error body carries the same request id as its header and log line', async () => {
    lines.length = 0;
    const res = await t.api().post('/api/sites/blog/posts/hello/comments').send({ body: '' });
    expect(res.status).toBe(400);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(requestLines().find((r) => r.requestId === res.body.requestId)).toMatchObject({
      route: '/api/sites/:site/posts/:post/comments',
      status: 400,
    });

    const missing = await t.api().get('/api/no/such/route');
    expect(missing.status).toBe(404);
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    expect(requestLines().find((r) => r.requestId === missing.body.requestId)?.route).toBe(
      '(unmatched)',
    );
  });

  test('when the proxy sends a sane X-Request-Id, then it is kept; when it sends junk, then a fresh one replaces it', async () => {
    const kept = await t.api().get('/api/health').set('X-Request-Id', 'edge-4f2a.9:17');
    expect(kept.headers['x-request-id']).toBe('edge-4f2a.9:17');
    for (const junk of ['has spaces', 'x'.repeat(200), 'new\\nline"quote']) {
      const res = await t.api().get('/api/health').set('X-Request-Id', junk);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('when a moderator approves a comment and bans its author, then one line per action names who, what and which comment, without emails', async () => {
    const mod = await signInAs(t, {
      name: 'Mara Moderator',
      sites: ['blog'],
      email: 'mara.mod@parley.test',
    });
    const commentId = await insertTestComment(t.parley, { email: 'held.author@example.com' });
    lines.length = 0;
    expect((await mod.post(`/api/moderation/comments/${commentId}/approve`)).status).toBe(200);
    const ban = await mod.post('/api/moderation/bans', { kind: 'email', commentId });
    expect(ban.status).toBe(201);

    const actions = records().filter((r) => r.msg === 'moderator action');
    expect(actions).toEqual([
      expect.objectContaining({
        actorId: mod.user.id,
        actorName: 'Mara Moderator',
        action: 'approve',
        commentId,
      }),
      expect.objectContaining({
        actorId: mod.user.id,
        action: 'ban.create',
        banId: ban.body.ban.id,
      }),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain('mara.mod@parley.test');
    expect(all).not.toContain('held.author@example.com');
    expect(all).not.toContain(mod.cookie.split('=')[1]!);
    expect(all).not.toContain(mod.csrfToken);
  });
});
