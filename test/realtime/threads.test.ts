import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setCommentStatus } from '../../src/comments/comment-status.js';
import { aComment, seedSite, startTestServer } from '../helpers/parley.js';
import {
  assertNoEmailsInPayloads,
  collect,
  connect,
  connected,
  join,
  next,
  waitFor,
} from '../helpers/sockets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('live thread rooms', () => {
  let server: Server;
  const sockets: Socket[] = [];
  const emails = new Set<string>();
  const url = '/api/sites/blog/posts/hello/comments';
  let token: () => string;

  const open = async (opts: Parameters<typeof connect>[1] = {}) => {
    const s = connect(server.url, opts);
    sockets.push(s);
    await connected(s);
    return s;
  };
  let ipCounter = 0;
  const post = async (body: Record<string, unknown>, path = url) => {
    const input = aComment(body);
    emails.add(String(input.email));
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${++ipCounter}` },
      body: JSON.stringify({ formToken: token(), ...input }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { status: string; comment: { id: string }; editToken: string },
    };
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const site = await seedSite(server.parley, {
      posts: [{ slug: 'hello' }, { slug: 'other' }],
      allowedOrigins: ['https://allowed.example'],
      // Unknown posts must stay unknown here (new sites create posts on first comment).
      settings: { autoCreatePosts: false },
    });
    token = () => server.parley.formTokens.issue(site.id, 'hello', Date.now() - 60_000);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    assertNoEmailsInPayloads(emails);
    await server?.stop();
  });

  test('when a reader joins and a comment is approved at submit, then comment:created carries the REST shape and post:count follows', async () => {
    const reader = await open();
    expect(await join(reader, 'blog', 'hello')).toEqual({ ok: true, room: 'thread:blog:hello' });
    const created = next(reader, 'comment:created');
    const count = next<{ count: number }>(reader, 'post:count');
    const res = await post({});
    expect(res.status).toBe(201);
    expect(await created).toEqual(res.body.comment);
    expect(await count).toEqual({ site: 'blog', post: 'hello', count: 1 });
  });

  test('when a comment is held, then no public room hears of it', async () => {
    const reader = await open();
    await join(reader, 'blog', 'hello');
    const seen = collect<{ id: string }>(reader, 'comment:created');
    const held = await post({ body: 'You are a pathetic idiot and a liar.' });
    expect(held.status).toBe(202);
    // A later visible comment arrives, so the held one had every chance to arrive first.
    const visible = await post({});
    await waitFor(() => seen.length > 0);
    expect(seen.map((c) => c.id)).toEqual([visible.body.comment.id]);
  });

  test('when a held comment is approved later, then it arrives; when a visible one is rejected, then comment:removed', async () => {
    const reader = await open();
    await join(reader, 'blog', 'hello');
    const held = await post({ body: 'You are a pathetic idiot and a liar, honestly.' });
    const created = next<{ id: string }>(reader, 'comment:created');
    await setCommentStatus(
      { db: server.parley.database.db, events: server.parley.events },
      held.body.comment.id,
      'approved',
    );
    expect((await created).id).toBe(held.body.comment.id);
    const removed = next(reader, 'comment:removed');
    await setCommentStatus(
      { db: server.parley.database.db, events: server.parley.events },
      held.body.comment.id,
      'rejected',
    );
    expect(await removed).toEqual({ id: held.body.comment.id });
  });

  test('when the author edits a visible comment, then comment:updated carries the new html', async () => {
    const reader = await open();
    await join(reader, 'blog', 'hello');
    const posted = await post({ body: 'First version of a careful comment about signing keys.' });
    const updated = next<{ id: string; html: string; editedAt: string }>(reader, 'comment:updated');
    const res = await fetch(`${server.url}/api/comments/${posted.body.comment.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        body: 'Second version of a careful comment about signing keys.',
        editToken: posted.body.editToken,
      }),
    });
    expect(res.status).toBe(200);
    const event = await updated;
    expect(event.id).toBe(posted.body.comment.id);
    expect(event.html).toContain('Second version');
    expect(event.editedAt).not.toBeNull();
  });

  test('when a reader watches another post, then it hears nothing of this one', async () => {
    const reader = await open();
    await join(reader, 'blog', 'other');
    const seen = collect(reader, 'comment:created');
    const watcher = await open();
    await join(watcher, 'blog', 'hello');
    const arrived = next(watcher, 'comment:created');
    await post({});
    await arrived;
    expect(seen).toEqual([]);
  });

  test('when join is malformed or names an unknown thread, then an error event, not a crash', async () => {
    const reader = await open();
    const errors = collect<{ code: string }>(reader, 'join:error');
    expect(await join(reader, 'blog', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'POST_NOT_FOUND' },
    });
    expect(await join(reader, 'nope', 'hello')).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    });
    expect(await join(reader, '../../etc', { evil: true } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_JOIN' },
    });
    reader.emit('join', 'not an object'); // no ack at all
    await waitFor(() => errors.length === 4);
    expect(reader.connected).toBe(true);
  });

  test('when a socket joins more rooms than the cap, then the extra join is refused', async () => {
    const reader = await open();
    for (let i = 0; i < 20; i++) await join(reader, 'blog', i % 2 === 0 ? 'hello' : 'other');
    const siteRow = await server.parley.sites.get('blog');
    for (let i = 0; i < 20; i++) {
      await server.parley.database.db.post.create({
        data: { siteId: siteRow.id, slug: `cap-${i}`, title: 'x' },
      });
    }
    for (let i = 0; i < 18; i++) expect((await join(reader, 'blog', `cap-${i}`)).ok).toBe(true);
    expect(await join(reader, 'blog', 'cap-19')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ROOMS' },
    });
  });

  test('when a browser connects from an origin the site allows, then it may join; from another origin, it is refused', async () => {
    const allowed = await open({ origin: 'https://allowed.example', auth: { site: 'blog' } });
    expect((await join(allowed, 'blog', 'hello')).ok).toBe(true);
    const stranger = connect(server.url, {
      origin: 'https://evil.example',
      auth: { site: 'blog' },
    });
    sockets.push(stranger);
    await expect(connected(stranger)).rejects.toThrow(/ORIGIN_NOT_ALLOWED/);
    stranger.disconnect();
  });

  test('when a handshake names its site with something other than a slug, then it is refused and the server keeps serving', async () => {
    // an object whose String() throws once ended the process from the handshake middleware
    for (const site of [{ toString: 1 }, ['blog'], 42, null]) {
      const odd = connect(server.url, { origin: 'https://allowed.example', auth: { site } });
      sockets.push(odd);
      await expect(connected(odd)).rejects.toThrow(/ORIGIN_NOT_ALLOWED/);
      odd.disconnect();
    }
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  test('when a reader loses its connection while comments are posted, then it receives them on reconnect', async () => {
    const reader = await open();
    await join(reader, 'blog', 'hello');
    const seen = collect<{ id: string }>(reader, 'comment:created');
    await post({});
    await waitFor(() => seen.length === 1);

    const reconnected = next(reader, 'connect');
    reader.io.engine.close(); // the network drops, not a voluntary disconnect
    const missed = [await post({}), await post({}), await post({})].map((r) => r.body.comment.id);
    await reconnected;
    expect(reader.recovered).toBe(true);
    await waitFor(() => seen.length === 4);
    expect(seen.slice(1).map((c) => c.id)).toEqual(missed);
  });
});
