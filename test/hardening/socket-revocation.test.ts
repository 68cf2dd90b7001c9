// Revoking a session or a right takes effect at once on the moderator's sockets too: sign-out,
// a new password and losing a site each close them, and nothing more reaches them.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn, TEST_ADMIN } from '../helpers/auth.js';
import { aComment, seedSite, startTestServer } from '../helpers/parley.js';
import { connect, connected, next } from '../helpers/sockets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('moderator sockets lose what their session loses', () => {
  let server: Server;
  let admin: { cookie: string; csrfToken: string };
  const sockets: Socket[] = [];
  let formToken: () => string;

  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      PARLEY_ADMIN_EMAIL: TEST_ADMIN.email,
      PARLEY_ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    const site = await seedSite(server.parley, { posts: [{ slug: 'hello' }] });
    formToken = () => server.parley.formTokens.issue(site.id, 'hello', Date.now() - 60_000);
    admin = await signIn(server.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  const adminCall = (method: string, path: string, body?: object) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        cookie: admin.cookie,
        'X-CSRF-Token': admin.csrfToken,
      },
      ...(body && { body: JSON.stringify(body) }),
    });

  let n = 0;
  /** A moderator with a socket; `reconnectAfterMs`: it reconnects by itself after a drop. */
  async function moderator(reconnectAfterMs?: number): Promise<{
    email: string;
    password: string;
    id: string;
    session: { cookie: string; csrfToken: string };
    socket: Socket;
  }> {
    n += 1;
    const email = `mod${n}-${Date.now()}@parley.test`;
    const password = 'a long moderator passphrase';
    const created = await adminCall('POST', '/api/admin/users', {
      email,
      name: `Mod ${n}`,
      password,
      role: 'moderator',
      sites: ['blog'],
    });
    expect(created.status).toBe(201);
    const session = await signIn(server.url, { email, password });
    const socket = connect(server.url, { namespace: '/moderation', cookie: session.cookie });
    if (reconnectAfterMs === undefined) socket.io.reconnection(false);
    else socket.io.reconnectionDelay(reconnectAfterMs).reconnectionDelayMax(reconnectAfterMs);
    sockets.push(socket);
    await connected(socket);
    const { user } = (await created.json()) as { user: { id: string } };
    return { email, password, id: user.id, session, socket };
  }

  const held = () =>
    fetch(`${server.url}/api/sites/blog/posts/hello/comments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 250)}`,
      },
      body: JSON.stringify({
        formToken: formToken(),
        ...aComment({ body: 'You are a pathetic idiot, frankly.' }),
      }),
    });

  async function expectClosedAndDeaf(socket: Socket, act: () => Promise<Response>): Promise<void> {
    const gone = next(socket, 'disconnect', 2_000);
    const added: unknown[] = [];
    socket.on('queue:added', (e) => added.push(e));
    expect((await act()).status).toBeLessThan(300);
    expect(await gone).toBe('io server disconnect');
    expect((await held()).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(added).toEqual([]);
  }

  test('when the moderator signs out, then their socket closes at once', async () => {
    const m = await moderator();
    await expectClosedAndDeaf(m.socket, () =>
      fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: m.session.cookie, 'X-CSRF-Token': m.session.csrfToken },
      }),
    );
  });

  test("when an admin changes the moderator's password, then their socket closes and cannot reconnect", async () => {
    const m = await moderator();
    await expectClosedAndDeaf(m.socket, () =>
      adminCall('PATCH', `/api/admin/users/${m.id}`, { password: 'another long passphrase' }),
    );
    const again = connect(server.url, { namespace: '/moderation', cookie: m.session.cookie });
    sockets.push(again);
    await expect(connected(again)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  test('when the moderator loses the site, then their socket closes, and a new one hears nothing of that site', async () => {
    const m = await moderator();
    await expectClosedAndDeaf(m.socket, () =>
      adminCall('PATCH', `/api/admin/users/${m.id}`, { sites: [] }),
    );
    const again = connect(server.url, { namespace: '/moderation', cookie: m.session.cookie });
    sockets.push(again);
    await connected(again);
    const added: unknown[] = [];
    again.on('queue:added', (e) => added.push(e));
    expect((await held()).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(added).toEqual([]);
  });

  /**
   * A moderator whose connection has just dropped, with a session the server keeps for
   * recovery; the client reconnects by itself a second later, time enough to change rights.
   */
  async function droppedModerator() {
    const m = await moderator(1_000);
    // a broadcast received gives the client an offset to recover its session and rooms from
    const first = next(m.socket, 'queue:added');
    expect((await held()).status).toBe(202);
    await first;
    const dropped = next(m.socket, 'disconnect', 2_000);
    m.socket.io.engine.close(); // the network drops
    expect(await dropped).toBe('forced close');
    // the server notices the drop and keeps the session (rights changed before that close it for good)
    await new Promise((resolve) => setTimeout(resolve, 300));
    return m;
  }

  test('when the moderator loses the site while their connection is down, then the recovered socket hears nothing of it', async () => {
    const m = await droppedModerator();
    expect((await adminCall('PATCH', `/api/admin/users/${m.id}`, { sites: [] })).status).toBe(200);
    await next(m.socket, 'connect', 5_000);
    const added: unknown[] = [];
    m.socket.on('queue:added', (e) => added.push(e));
    expect((await held()).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(added).toEqual([]);
    m.socket.io.reconnection(false);
  });

  test('when the moderator signs out while their connection is down, then it does not come back by recovery', async () => {
    const m = await droppedModerator();
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: m.session.cookie, 'X-CSRF-Token': m.session.csrfToken },
    });
    expect(out.status).toBeLessThan(300);
    const answer = new Promise<string>((resolve) => {
      m.socket.once('connect', () => resolve(`connected, recovered: ${m.socket.recovered}`));
      m.socket.once('connect_error', (err) => resolve(err.message));
    });
    expect(await answer).toBe('UNAUTHENTICATED');
    m.socket.io.reconnection(false);
  });
});
