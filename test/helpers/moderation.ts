// Staff accounts, signed-in clients and comments in any state, for moderation/auth/admin tests.
import { postKey } from '../../src/comments/thread-cache.js';
import type request from 'supertest';
import { createUserAccount } from '../../src/auth/users.service.js';
import { renderCommentBody } from '../../src/comments/render.js';
import { uuidv7 } from '../../src/ids.js';
import type { Parley } from '../../src/server.js';
import type { TestParley } from './parley.js';

export const STAFF_PASSWORD = 'correct horse battery staple';

let staffCounter = 0;

/** Creates an account; `sites` are slugs (ignored for admins). */
export async function createStaff(
  t: TestParley,
  opts: {
    email?: string;
    name?: string;
    password?: string;
    role?: 'admin' | 'moderator';
    sites?: string[];
  } = {},
) {
  staffCounter += 1;
  const email = opts.email ?? `staff${staffCounter}-${Date.now()}@parley.test`;
  const password = opts.password ?? STAFF_PASSWORD;
  const user = await createUserAccount(t.parley.database.db, {
    email,
    name: opts.name ?? `Staff ${staffCounter}`,
    password,
    role: opts.role ?? 'moderator',
    sites: opts.sites ?? [],
  });
  return { ...user, password };
}

export interface StaffClient {
  csrfToken: string;
  cookie: string;
  user: { id: string; email: string; name: string; role: string; sites: string[] };
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body: object): request.Test;
  put(path: string, body: object): request.Test;
  delete(path: string): request.Test;
}

/** Signs in and returns a client that sends the session cookie and CSRF header. */
export async function signIn(
  t: TestParley,
  email: string,
  password = STAFF_PASSWORD,
): Promise<StaffClient> {
  const res = await t.api().post('/api/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = sessionCookieOf(res.headers['set-cookie']);
  const csrfToken = res.body.csrfToken as string;
  const withAuth = (r: request.Test) => r.set('Cookie', cookie).set('X-CSRF-Token', csrfToken);
  return {
    csrfToken,
    cookie,
    user: res.body.user,
    get: (path) => withAuth(t.api().get(path)),
    post: (path, body) => withAuth(t.api().post(path)).send(body ?? {}),
    patch: (path, body) => withAuth(t.api().patch(path)).send(body),
    put: (path, body) => withAuth(t.api().put(path)).send(body),
    delete: (path) => withAuth(t.api().delete(path)),
  };
}

export async function signInAs(t: TestParley, opts: Parameters<typeof createStaff>[1] = {}) {
  const user = await createStaff(t, opts);
  return signIn(t, user.email, user.password);
}

export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = list.find((c) => c.startsWith('parley_session='));
  if (!line) throw new Error('no parley_session cookie');
  return line.split(';')[0]!;
}

let commentCounter = 0;

export interface TestCommentOptions {
  site?: string;
  post?: string;
  status?: 'pending' | 'approved' | 'spam' | 'rejected' | 'deleted';
  email?: string;
  name?: string;
  body?: string;
  toxic?: boolean;
  toxicityScore?: number | null;
  spamScore?: number | null;
  reportCount?: number;
  reportedAt?: Date | null;
  ip?: string;
  createdAt?: Date;
  parentId?: string;
}

/** Stores a comment directly (bypassing screening), keeping the post's approved count right. */
export async function insertTestComment(
  parley: Parley,
  opts: TestCommentOptions = {},
): Promise<string> {
  commentCounter += 1;
  const db = parley.database.db;
  const site = await parley.sites.get(opts.site ?? 'blog');
  const post = await db.post.findUniqueOrThrow({
    where: { siteId_slug: { siteId: site.id, slug: opts.post ?? 'hello' } },
  });
  const createdAt = opts.createdAt ?? new Date(Date.now() - 60_000 + commentCounter);
  const id = uuidv7(createdAt.getTime());
  const email = opts.email ?? `reader${commentCounter}@example.com`;
  const body = opts.body ?? `Test comment number ${commentCounter}.`;
  const status = opts.status ?? 'pending';
  const parent = opts.parentId
    ? await db.comment.findUniqueOrThrow({ where: { id: opts.parentId } })
    : null;
  await db.comment.create({
    data: {
      id,
      siteId: site.id,
      postId: post.id,
      parentId: parent?.id ?? null,
      rootId: parent?.rootId ?? id,
      depth: parent ? parent.depth + 1 : 0,
      authorName: opts.name ?? `Reader ${commentCounter}`,
      authorEmail: email,
      authorHash: parley.hasher.author(email),
      body,
      html: renderCommentBody(body),
      status,
      screening: {
        decision: status === 'approved' ? 'approve' : 'hold',
        reasons: [{ code: 'TEST', message: 'inserted by a test' }],
      },
      toxic: opts.toxic ?? false,
      toxicityScore: opts.toxicityScore ?? null,
      spamScore: opts.spamScore ?? null,
      reportCount: opts.reportCount ?? 0,
      reportedAt: opts.reportedAt ?? null,
      ipHash: parley.hasher.ip(opts.ip ?? '203.0.113.7'),
      contentHash: parley.hasher.content(body),
      createdAt,
      decidedAt: status === 'pending' ? null : createdAt,
    },
  });
  if (status === 'approved')
    await db.post.update({ where: { id: post.id }, data: { commentCount: { increment: 1 } } });
  // Written behind the services' back, so no event told the thread cache: tell it here.
  parley.threadCacheSync.invalidate(postKey(site.slug, post.slug));
  return id;
}

/** Ids of every comment shown in a post's public thread (all levels). */
export async function publicThreadIds(
  t: TestParley,
  site = 'blog',
  post = 'hello',
): Promise<string[]> {
  const res = await t.api().get(`/api/sites/${site}/posts/${post}/comments`).query({ limit: 100 });
  const ids: string[] = [];
  const walk = (nodes: { id: string; replies: unknown[] }[]) => {
    for (const n of nodes) {
      ids.push(n.id);
      walk(n.replies as { id: string; replies: unknown[] }[]);
    }
  };
  walk(res.body.comments);
  return ids;
}

export async function publicCommentCount(
  t: TestParley,
  site = 'blog',
  post = 'hello',
): Promise<number> {
  return (await t.api().get(`/api/sites/${site}/posts/${post}`)).body.post.commentCount;
}
