// A commenter's data requests over the admin API, on real databases: the access export holds
// exactly that email's comments, and erasure leaves no trace of the email (nor of its hashes
// or the erased text) in any column of any table, while every thread keeps its shape.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { ERASED_BODY, ERASED_NAME } from '../../src/import-export/index.js';
import { PROVIDERS, type Provider } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

/** Every row of every table as JSON text (lower-case), to search for a value anywhere. */
async function everyRowText(db: Db, provider: Provider): Promise<Map<string, string[]>> {
  const tables =
    provider === 'sqlite'
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'`,
        );
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    // PostgreSQL turns each row to JSON itself (enums and all); SQLite's rows are plain values.
    const rows =
      provider === 'sqlite'
        ? await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`)
        : (
            await db.$queryRawUnsafe<{ j: string }[]>(
              `SELECT row_to_json(t)::text AS j FROM "${name}" t`,
            )
          ).map((r) => r.j);
    out.set(
      name,
      rows.map((r) =>
        (typeof r === 'string'
          ? r
          : JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))
        ).toLowerCase(),
      ),
    );
  }
  return out;
}

async function tracesOf(db: Db, provider: Provider, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [table, rows] of await everyRowText(db, provider)) {
    for (const needle of needles) {
      const n = needle.toLowerCase();
      const hits = rows.filter((r) => r.includes(n)).length;
      if (hits > 0) found.push(`${table}: ${hits} row(s) contain "${needle}"`);
    }
  }
  return found;
}

describe.each(PROVIDERS)('commenter data requests on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  const ERIN = 'erin.target@example.com';
  const ERIN_IP = '198.18.7.77';
  const erin: string[] = [];
  const others: string[] = [];
  let editAuditId: string;

  beforeAll(async () => {
    t = await createTestParley(provider);
    await seedSite(t.parley, { slug: 'blog', posts: [{ slug: 'hello' }] });
    await seedSite(t.parley, { slug: 'news', posts: [{ slug: 'today' }] });
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });
    const say = async (body: string, email: string, parentId?: string) => {
      const isErin = email.toLowerCase() === ERIN;
      const res = await t
        .post('/api/sites/blog/posts/hello/comments', { ip: isErin ? ERIN_IP : undefined })
        .send({ name: isErin ? 'Erin Target' : 'Otto Other', email, body, parentId });
      expect([201, 202]).toContain(res.status);
      return res.body.comment.id as string;
    };
    // Erin writes with capitals in her address; the request below uses lower case.
    erin.push(await say('Erin secret words number one.', 'Erin.Target@Example.com'));
    others.push(await say('A reply from someone else.', 'otto@example.com', erin[0]));
    erin.push(await say('Erin secret words number two.', ERIN, others[0]));
    others.push(await say('Otto answers again.', 'otto@example.com', erin[1]));
    erin.push(
      await insertTestComment(t.parley, {
        site: 'news',
        post: 'today',
        email: ERIN,
        name: 'Erin Target',
        body: 'Erin secret words on the news.',
        status: 'approved',
        ip: ERIN_IP,
      }),
    );
    others.push(await insertTestComment(t.parley, { site: 'news', post: 'today' }));
    // A reply attached higher than the comment it answers names Erin.
    await t.parley.database.db.comment.update({
      where: { id: others[1]! },
      data: { replyToId: erin[1]!, replyToName: 'Erin Target' },
    });
    // A moderator edit (the old body in the audit), a spam decision (a screening lesson), an
    // email ban (the address in the ban and its audit snapshot).
    for (const id of erin.slice(0, 2)) await admin.post(`/api/moderation/comments/${id}/approve`);
    const edit = await admin.patch(`/api/moderation/comments/${erin[0]}`, {
      body: 'Erin secret words, edited by a moderator.',
    });
    expect(edit.status).toBe(200);
    const audit = await t.parley.database.db.auditLog.findFirstOrThrow({
      where: { targetId: erin[0]!, action: { contains: 'edit' } },
    });
    editAuditId = audit.id;
    expect((await admin.post(`/api/moderation/comments/${erin[1]}/spam`)).status).toBe(200);
    const ban = await admin.post('/api/moderation/bans', { kind: 'email', commentId: erin[0] });
    expect(ban.status).toBe(201);
    // A record of an unfinished import, staged with her address.
    await t.parley.database.db.importStaged.create({
      data: {
        jobId: 'unfinished-job',
        seq: 1,
        kind: 'skipped',
        data: JSON.stringify({ type: 'comment', authorEmail: 'Erin.Target@Example.com' }),
        reason: `no thread for ${ERIN}`,
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('when an admin exports a commenter, then the file holds exactly that email’s comments on every site', async () => {
    const res = await admin.post('/api/admin/commenters/export', { email: ERIN }).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="parley-commenter/);
    const data = JSON.parse(res.text);
    expect(data.email).toBe(ERIN);
    expect(data.comments.map((c: { id: string }) => c.id).sort()).toEqual([...erin].sort());
    expect(new Set(data.comments.map((c: { site: string }) => c.site))).toEqual(
      new Set(['blog', 'news']),
    );
    expect(data.comments.find((c: { id: string }) => c.id === erin[0])).toMatchObject({
      site: 'blog',
      authorName: 'Erin Target',
      post: { slug: 'hello' },
    });
    expect(data.bans).toHaveLength(1);
    expect(res.text).not.toContain('otto@example.com');
  });

  test('when the request is malformed, then 400 with per-field messages and nothing is erased', async () => {
    const noConfirm = await admin.post('/api/admin/commenters/erase', {
      email: ERIN,
      removeBodies: true,
    });
    expect(noConfirm.status).toBe(400);
    expect(noConfirm.body.error.fields.confirm).toBeTruthy();
    const badEmail = await admin.post('/api/admin/commenters/export', { email: 'nobody' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.fields.email).toBeTruthy();
    const mod = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    expect(
      (
        await mod.post('/api/admin/commenters/erase', {
          email: ERIN,
          removeBodies: true,
          confirm: true,
        })
      ).status,
    ).toBe(403);
    const db = t.parley.database.db;
    const names = await db.comment.findMany({
      where: { id: { in: erin } },
      select: { authorName: true },
    });
    expect(names.map((n) => n.authorName)).toEqual(['Erin Target', 'Erin Target', 'Erin Target']);
  });

  test('when an admin erases a commenter with their bodies, then no trace of the email, its hashes or the text is left in any table and threads keep their shape', async () => {
    const db = t.parley.database.db;
    const erinHash = t.parley.hasher.author(ERIN);
    const erinIpHash = t.parley.hasher.ip(ERIN_IP);
    const needles = [ERIN, erinHash, erinIpHash, 'Erin secret', 'Erin Target'];
    // Meaningful only if the data really was there before.
    const before = await tracesOf(db, provider, needles);
    for (const table of ['Comment', 'AuditLog', 'Ban', 'ScreeningLesson', 'ImportStaged'])
      expect(before.some((line) => line.startsWith(`${table}:`))).toBe(true);
    const shape = async () =>
      (await db.comment.findMany({ orderBy: { id: 'asc' } })).map((c) => ({
        id: c.id,
        postId: c.postId,
        parentId: c.parentId,
        rootId: c.rootId,
        depth: c.depth,
        status: c.status,
      }));
    const shapeBefore = await shape();
    // Warm the thread cache: the erasure must not leave a stale page behind.
    expect((await t.api().get('/api/sites/blog/posts/hello/comments')).text).toContain('Erin');

    const res = await admin.post('/api/admin/commenters/erase', {
      email: ERIN,
      removeBodies: true,
      confirm: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.erased).toMatchObject({
      comments: 3,
      sites: ['blog', 'news'],
      bansLifted: 1,
      bodies: 'removed',
    });
    expect(res.body.erased.lessonsDeleted).toBeGreaterThanOrEqual(1);

    expect(await tracesOf(db, provider, needles)).toEqual([]);
    expect(await shape()).toEqual(shapeBefore);
    for (const id of erin) {
      const c = await db.comment.findUniqueOrThrow({ where: { id } });
      expect(c).toMatchObject({ authorName: ERASED_NAME, authorEmail: '', body: ERASED_BODY });
    }
    const renamed = await db.comment.findUniqueOrThrow({ where: { id: others[1]! } });
    expect(renamed.replyToName).toBe(ERASED_NAME);
    const others0 = await db.comment.findUniqueOrThrow({ where: { id: others[0]! } });
    expect(others0).toMatchObject({ authorName: 'Otto Other', authorEmail: 'otto@example.com' });

    const entries = await db.auditLog.findMany({ where: { action: 'commenter.erase' } });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ targetType: 'commenter', actorName: 'Ada Admin' });

    const thread = await t.api().get('/api/sites/blog/posts/hello/comments');
    expect(thread.text).not.toContain('Erin');
    expect(thread.text).toContain(ERASED_NAME);
    // Undo of the moderator's edit cannot bring the old body back.
    await admin.post(`/api/moderation/audit/${editAuditId}/undo`);
    expect(await tracesOf(db, provider, ['Erin secret'])).toEqual([]);
    // Nor can the erasure itself be undone.
    const undoErase = await admin.post(`/api/moderation/audit/${entries[0]!.id}/undo`);
    expect(undoErase.status).toBeGreaterThanOrEqual(400);
    expect(undoErase.status).toBeLessThan(500);
  });

  test('when an admin erases a commenter but keeps bodies, then the text stays signed "Deleted user" and the email is gone', async () => {
    const db = t.parley.database.db;
    const res = await admin.post('/api/admin/commenters/erase', {
      email: 'OTTO@example.com',
      removeBodies: false,
      confirm: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.erased).toMatchObject({ comments: 2, bodies: 'kept' });
    const c = await db.comment.findUniqueOrThrow({ where: { id: others[0]! } });
    expect(c).toMatchObject({ authorName: ERASED_NAME, body: 'A reply from someone else.' });
    expect(await tracesOf(db, provider, ['otto@example.com'])).toEqual([]);
  });
});
