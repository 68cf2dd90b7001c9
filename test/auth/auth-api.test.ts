import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureFirstAdmin } from '../../src/auth/bootstrap.js';
import { sessionIdOf } from '../../src/auth/session-token.js';
import { createLogger } from '../../src/logger.js';
import { PROVIDERS } from '../helpers/databases.js';
import { createStaff, sessionCookieOf, signIn, STAFF_PASSWORD } from '../helpers/moderation.js';
import { createTestParley, nextIp, seedSite, type TestParley } from '../helpers/parley.js';
import { LOGIN_FAILURES_PER_IP } from '../../src/auth/auth.routes.js';

const withoutRequestId = ({ requestId: _, ...body }: Record<string, unknown>) => body;

describe.each(PROVIDERS)('auth API on %s', (provider) => {
  let t: TestParley;
  // A fresh client address per attempt keeps the per-IP limit out of the account lock-out tests.
  const login = (email: string, password: string, ip = nextIp()) =>
    t.api().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `auth-${provider}` });
    await seedSite(t.parley, { slug: 'blog' });
    await seedSite(t.parley, { slug: 'news' });
  });
  afterAll(async () => t?.close());

  test('when a user is created, then an argon2id hash is stored, never the password', async () => {
    const user = await createStaff(t, { email: 'Hash.Check@Parley.test' });
    const row = await t.parley.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe('hash.check@parley.test');
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.passwordHash).not.toContain(STAFF_PASSWORD);
  });

  test('when the right password is sent, then 200 with the user, a CSRF token and a session cookie', async () => {
    const user = await createStaff(t, { role: 'moderator', sites: ['news'], name: 'Mia Mod' });
    const res = await login(user.email.toUpperCase(), STAFF_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: user.id,
      email: user.email,
      name: 'Mia Mod',
      role: 'moderator',
      sites: ['news'],
    });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('parley_session='),
    )!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // PUBLIC_URL is http in tests
    const expires = new Date(/Expires=([^;]+)/i.exec(setCookie)![1]!).getTime();
    expect(expires - Date.now()).toBeGreaterThan(13.9 * 86_400_000);

    // The database keeps the token's SHA-256, not the token.
    const token = sessionCookieOf([setCookie]).split('=')[1]!;
    const db = t.parley.database.db;
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sessionIdOf(token) } })).not.toBeNull();
  });

  test('when signed in, then /me answers the user and the same CSRF token', async () => {
    const admin = await createStaff(t, { role: 'admin' });
    const client = await signIn(t, admin.email);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: admin.id, role: 'admin', sites: ['blog', 'news'] });
    expect(me.body.csrfToken).toBe(client.csrfToken);
    expect((await t.api().get('/api/auth/me')).status).toBe(401);
  });

  test('when the email is unknown or the password wrong, then the same 401 INVALID_CREDENTIALS', async () => {
    const user = await createStaff(t);
    const unknown = await login('nobody@parley.test', STAFF_PASSWORD);
    const wrong = await login(user.email, 'wrong password here');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    // Each answer has its own request id; everything else is the same.
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  test('when the body is incomplete, then 400 names the field', async () => {
    const res = await t.api().post('/api/auth/login').send({ email: 'a@b.test' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.password).toEqual(expect.any(String));
  });

  test('when 5 sign-ins fail in a row, then the account is locked for 15 minutes, even with the right password, answering as for an unknown email', async () => {
    const user = await createStaff(t);
    for (let i = 0; i < 5; i++) expect((await login(user.email, `wrong-${i}`)).status).toBe(401);
    const locked = await login(user.email, STAFF_PASSWORD);
    const unknown = await login('nobody-at-all@parley.test', STAFF_PASSWORD);
    expect(locked.status).toBe(401);
    expect(withoutRequestId(locked.body)).toEqual(withoutRequestId(unknown.body));
    expect(locked.body.error.message).toMatch(/pauses for 15 minutes/);
    const row = await t.parley.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);

    // Once the lock has passed, the right password works again.
    await t.parley.database.db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(200);
  });

  test('when 40 guesses arrive at once, then at most 5 are checked: the right password among the last of them does not get in', async () => {
    const user = await createStaff(t);
    const guesses = Array.from({ length: 39 }, (_, i) => login(user.email, `parallel-wrong-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const right = login(user.email, STAFF_PASSWORD);
    const results = await Promise.all([...guesses, right]);
    expect(results.every((r) => r.status === 401)).toBe(true);
    const row = await t.parley.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  test('when a locked account and an unknown email are tried, then the answers take the same time', async () => {
    const user = await createStaff(t);
    for (let i = 0; i < 5; i++) await login(user.email, `wrong-${i}`);
    const time = async (email: string) => {
      const started = performance.now();
      await login(email, 'some password');
      return performance.now() - started;
    };
    const locked: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 21; i++) {
      locked.push(await time(user.email));
      unknown.push(await time(`nobody-${i}@parley.test`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [a, b] = [median(locked), median(unknown)];
    // Before, a locked account answered about 3 times faster than an unknown email.
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(1.6);
  });

  test('when a sign-in succeeds, then the failure counter starts again', async () => {
    const user = await createStaff(t);
    for (let i = 0; i < 4; i++) await login(user.email, `wrong-${i}`);
    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) await login(user.email, `wrong-again-${i}`);
    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(200);
    const row = await t.parley.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLogins).toBe(0);
  });

  test('when one address fails too many sign-ins, then it gets 429 even for other accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++)
      expect((await login(`nobody${i}@parley.test`, 'wrong', ip)).status).toBe(401);
    const user = await createStaff(t);
    const limited = await login(user.email, STAFF_PASSWORD, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await login(user.email, STAFF_PASSWORD)).status).toBe(200);
  });

  test('when signing out with the CSRF token, then the session ends and the cookie is cleared', async () => {
    const user = await createStaff(t);
    const client = await signIn(t, user.email);
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(
      /parley_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  test('when a session has expired, then it no longer signs in; a used one slides forward', async () => {
    const user = await createStaff(t);
    const client = await signIn(t, user.email);
    const db = t.parley.database.db;
    const sessionId = sessionIdOf(client.cookie.split('=')[1]!);
    // Last seen two days ago: the next request pushes the expiry to 14 days from now.
    await db.session.update({
      where: { id: sessionId },
      data: {
        lastSeenAt: new Date(Date.now() - 2 * 86_400_000),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const slid = await client.get('/api/auth/me');
    expect(slid.status).toBe(200);
    expect(slid.headers['set-cookie']).toBeDefined();
    const after = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);

    await db.session.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await db.session.findUnique({ where: { id: sessionId } })).toBeNull();
  });

  test('when PARLEY_ADMIN_* is set, then the first admin is created once and an existing password is never overwritten', async () => {
    const log = createLogger('silent');
    const db = t.parley.database.db;
    const admin = { email: 'First.Admin@Parley.test', password: 'first-admin-password' };
    expect(await ensureFirstAdmin(db, admin, log)).toBe('created');
    expect((await login('first.admin@parley.test', admin.password)).status).toBe(200);
    expect(await ensureFirstAdmin(db, { ...admin, password: 'a-different-password' }, log)).toBe(
      'exists',
    );
    expect((await login(admin.email, 'a-different-password')).status).toBe(401);
    expect((await login(admin.email, admin.password)).status).toBe(200);
    expect(await ensureFirstAdmin(db, undefined, log)).toBe('skipped');
    const row = await db.user.findUniqueOrThrow({ where: { email: 'first.admin@parley.test' } });
    expect(row.role).toBe('admin');
  });
});

describe('first admin at start-up', () => {
  test('when the server starts with PARLEY_ADMIN_EMAIL and PASSWORD, then that admin can sign in', async () => {
    const t = await createTestParley('sqlite', {
      name: 'auth-bootstrap',
      env: { PARLEY_ADMIN_EMAIL: 'boot@parley.test', PARLEY_ADMIN_PASSWORD: 'bootstrap-password' },
    });
    try {
      const res = await t
        .api()
        .post('/api/auth/login')
        .send({ email: 'boot@parley.test', password: 'bootstrap-password' });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe('admin');
    } finally {
      await t.close();
    }
  });

  test('when PUBLIC_URL is https, then the session cookie is Secure', async () => {
    const t = await createTestParley('sqlite', {
      name: 'auth-secure',
      env: { PUBLIC_URL: 'https://comments.example.com' },
    });
    try {
      const user = await createStaff(t);
      const res = await t
        .api()
        .post('/api/auth/login')
        .send({ email: user.email, password: STAFF_PASSWORD });
      expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure/);
    } finally {
      await t.close();
    }
  });
});
