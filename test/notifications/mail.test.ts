// Email notifications against a real SMTP server on loopback, on SQLite and PostgreSQL: who
// receives what, the headers, the one-click links, the opt-in and unsubscribing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import {
  headerOf,
  linksOf,
  startTestSmtp,
  type ReceivedMail,
  type TestSmtp,
} from '../helpers/smtp.js';

const to = (address: string) => (m: ReceivedMail) => m.rcpt.includes(address);
const pathOf = (url: string) => new URL(url).pathname;

describe.each(PROVIDERS)('email notifications on %s', (provider) => {
  let t: TestParley;
  let smtp: TestSmtp;
  let admin: StaffClient;
  let blogMod: StaffClient;
  let otherMod: StaffClient;
  const commenterEmails = new Set<string>();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestParley(provider, {
      name: `mail-${provider}`,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@parley.test', MAIL_HOURLY_CAP: '5' },
    });
    await seedSite(t.parley, { slug: 'blog', settings: { premoderation: 'everyone' } });
    await seedSite(t.parley, { slug: 'open' });
    admin = await signInAs(t, { role: 'admin', email: `admin-${provider}@staff.test` });
    blogMod = await signInAs(t, { sites: ['blog'], email: `blogmod-${provider}@staff.test` });
    otherMod = await signInAs(t, { sites: ['open'], email: `othermod-${provider}@staff.test` });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** No mail may carry a commenter's address other than its own recipient's. */
  const assertNoForeignEmail = (mail: ReceivedMail) => {
    for (const email of commenterEmails)
      if (!mail.rcpt.includes(email)) expect(mail.raw.toLowerCase()).not.toContain(email);
  };

  const postHeld = async (site = 'blog', extra: Record<string, unknown> = {}) => {
    const body = aComment(extra);
    commenterEmails.add(body.email);
    const res = await t.post(`/api/sites/${site}/posts/hello/comments`).send(body);
    expect(res.status).toBe(202);
    return { id: res.body.comment.id as string, email: body.email };
  };

  test('when a comment is held, then the admin and that site’s moderator each get one mail with the comment, reasons and three links, and a moderator of another site gets none', async () => {
    const before = smtp.mails.length;
    const { id } = await postHeld();
    const [toAdmin] = await smtp.waitFor(1, to(admin.user.email));
    const [toMod] = await smtp.waitFor(1, to(blogMod.user.email));
    await new Promise((r) => setTimeout(r, 300));
    const fresh = smtp.mails.slice(before);
    expect(fresh.filter(to(otherMod.user.email))).toHaveLength(0);
    expect(fresh).toHaveLength(2);
    for (const mail of [toAdmin!, toMod!]) {
      expect(mail.rcpt).toHaveLength(1);
      expect(mail.parsed.from?.value[0]).toEqual({
        name: 'Test Blog',
        address: 'noreply@parley.test',
      });
      expect(mail.parsed.subject).toContain('waiting for moderation');
      expect(mail.parsed.messageId).toMatch(/^<[0-9a-f]{32}@parley\.test>$/);
      expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
        /^<http:\/\/parley\.test\/api\/mail\/unsubscribe\/[^>]+>$/,
      );
      expect(mail.parsed.text).toContain('A thoughtful comment number');
      expect(mail.parsed.html).toContain('A thoughtful comment number');
      const links = linksOf(mail).filter((l) => l.includes('/api/mail/moderate/'));
      expect(links).toHaveLength(3);
      assertNoForeignEmail(mail);
    }
    const row = await t.parley.database.db.comment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('pending');
  });

  test('when a moderator follows the approve link, then the GET only asks, the POST approves exactly once, and a replay or the reject link is refused', async () => {
    const mark = smtp.mails.length;
    const { id } = await postHeld();
    const [mail] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(blogMod.user.email)(m),
    );
    const links = linksOf(mail!).filter((l) => l.includes('/api/mail/moderate/'));
    const [approve, reject] = [links[0]!, links[1]!];

    const page = await t.api().get(pathOf(approve));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    const db = t.parley.database.db;
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('pending');

    const done = await t.api().post(pathOf(approve)).type('form').send('');
    expect(done.status).toBe(200);
    expect(done.text).toContain('approved');
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
    const audits = await db.auditLog.findMany({ where: { targetId: id } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([['approve', blogMod.user.id]]);

    const replay = await t.api().post(pathOf(approve));
    expect(replay.status).toBe(410);
    const other = await t.api().post(pathOf(reject));
    expect(other.status).toBe(410);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(1);

    const forged = await t.api().post(`${pathOf(approve).slice(0, -4)}AAAA`);
    expect(forged.status).toBe(404);
  });

  test('when a commenter asks for reply mail, then only a confirmation arrives until they confirm, and then replies by others arrive with one-click unsubscribe', async () => {
    const mark = smtp.mails.length;
    const body = aComment({ notifyReplies: true });
    commenterEmails.add(body.email);
    const res = await t.post('/api/sites/open/posts/hello/comments').send(body);
    expect(res.status).toBe(201);
    const parentId = res.body.comment.id as string;
    const [confirm] = await smtp.waitFor(1, to(body.email));
    expect(confirm!.parsed.subject).toContain('Confirm your email address');
    const confirmLink = linksOf(confirm!).find((l) => l.includes('/api/mail/confirm/'))!;

    // A reply before the address is confirmed: nothing but the one confirmation.
    const early = aComment({ parentId });
    commenterEmails.add(early.email);
    expect((await t.post('/api/sites/open/posts/hello/comments').send(early)).status).toBe(201);
    // The same author asking again gets no second confirmation.
    await t
      .post('/api/sites/open/posts/hello/comments')
      .send(aComment({ email: body.email, notifyReplies: true }));
    await new Promise((r) => setTimeout(r, 400));
    expect(smtp.mails.slice(mark).filter(to(body.email))).toHaveLength(1);

    expect((await t.api().get(pathOf(confirmLink))).text).toContain('<form method="post">');
    const db = t.parley.database.db;
    expect(
      (await db.mailAddress.findUniqueOrThrow({ where: { email: body.email } })).verifiedAt,
    ).toBeNull();
    expect((await t.api().post(pathOf(confirmLink))).status).toBe(200);
    expect(
      (await db.mailAddress.findUniqueOrThrow({ where: { email: body.email } })).verifiedAt,
    ).not.toBeNull();
    expect(await t.parley.notifications.isAuthorVerified(t.parley.hasher.author(body.email))).toBe(
      true,
    );

    // The author answering in their own thread is their own action: no mail.
    await t
      .post('/api/sites/open/posts/hello/comments')
      .send(aComment({ email: body.email, parentId }));
    const reply = aComment({ parentId, name: 'Grace Replier' });
    commenterEmails.add(reply.email);
    expect((await t.post('/api/sites/open/posts/hello/comments').send(reply)).status).toBe(201);
    const [mail] = await smtp.waitFor(
      1,
      (m) => to(body.email)(m) && m.parsed.subject!.includes('replied'),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.slice(mark).filter(to(body.email))).toHaveLength(2);
    expect(mail!.parsed.subject).toContain('Grace Replier replied');
    expect(mail!.parsed.text).toContain(reply.body);
    expect(headerOf(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    assertNoForeignEmail(mail!);
    const unsubThread = linksOf(mail!).find((l) => l.includes('/api/mail/unsubscribe/'))!;
    const listUnsub = /^<([^>]+)>$/.exec(headerOf(mail!, 'List-Unsubscribe')!)![1]!;
    // Both name the same address and thread (issued a moment apart, so signed apart).
    const scopeOf = (url: string) =>
      pathOf(url).split('/').at(-1)!.split('~').slice(0, 2).join('~');
    expect(scopeOf(listUnsub)).toBe(scopeOf(unsubThread));
    expect(scopeOf(listUnsub)).toContain(parentId);

    // RFC 8058 one-click: a POST with List-Unsubscribe=One-Click.
    const oneClick = await t
      .api()
      .post(pathOf(listUnsub))
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(200);
    const later = aComment({ parentId });
    commenterEmails.add(later.email);
    await t.post('/api/sites/open/posts/hello/comments').send(later);
    await new Promise((r) => setTimeout(r, 400));
    expect(smtp.mails.slice(mark).filter(to(body.email))).toHaveLength(2);
  });

  test('when a subscribed commenter’s held comment is approved, then they are told, and unsubscribing from everything stops all their mail', async () => {
    const db = t.parley.database.db;
    const body = aComment({ notifyReplies: true });
    commenterEmails.add(body.email);
    const res = await t.post('/api/sites/blog/posts/hello/comments').send(body);
    expect(res.status).toBe(202);
    const id = res.body.comment.id as string;
    const [confirm] = await smtp.waitFor(1, to(body.email));
    const item = () => t.parley.live.moderation.loadItem(id);
    expect((await item()).comment.authorVerified).toBe(false);
    await t.api().post(pathOf(linksOf(confirm!).find((l) => l.includes('/api/mail/confirm/'))!));
    // Moderators see the confirmed address as a badge in the queue item.
    expect((await item()).comment.authorVerified).toBe(true);
    expect((await admin.post(`/api/moderation/comments/${id}/approve`)).status).toBe(200);
    const [approved] = await smtp.waitFor(
      1,
      (m) => to(body.email)(m) && m.parsed.subject!.includes('published'),
    );
    assertNoForeignEmail(approved!);
    const all = linksOf(approved!).filter((l) => l.includes('/api/mail/unsubscribe/'));
    expect(all).toHaveLength(2);
    expect((await t.api().get(pathOf(all[1]!))).text).toContain('Stop all mail?');
    expect((await t.api().post(pathOf(all[1]!))).status).toBe(200);
    expect(
      (await db.mailAddress.findUniqueOrThrow({ where: { email: body.email } })).unsubscribedAt,
    ).not.toBeNull();
  });

  test('when a moderator turns mail off or chooses an hourly digest, then held comments wait for the digest, which has every comment and its links', async () => {
    const settings = await blogMod.get('/api/notifications/settings');
    expect(settings.body).toEqual({
      mail: { enabled: true },
      moderation: 'immediate',
      weekly: false,
      language: 'en',
    });
    const bad = await blogMod.put('/api/notifications/settings', {
      moderation: 'sometimes',
      weekly: 1,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['moderation', 'weekly']);
    expect(
      (await blogMod.put('/api/notifications/settings', { moderation: 'hourly', weekly: false }))
        .body.moderation,
    ).toBe('hourly');
    expect(
      (await admin.put('/api/notifications/settings', { moderation: 'off', weekly: false })).status,
    ).toBe(200);

    const mark = smtp.mails.length;
    await postHeld();
    await postHeld();
    await new Promise((r) => setTimeout(r, 500));
    expect(
      smtp.mails.slice(mark).filter((m) => to(blogMod.user.email)(m) || to(admin.user.email)(m)),
    ).toHaveLength(0);

    // An hour on, the digest goes out once.
    const db = t.parley.database.db;
    await db.moderatorNotice.updateMany({
      where: { userId: blogMod.user.id, sentAt: null },
      data: { createdAt: new Date(Date.now() - 3601_000) },
    });
    await t.parley.notifications.runDigests();
    await t.parley.notifications.runDigests();
    const [digest] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(blogMod.user.email)(m),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.slice(mark).filter(to(blogMod.user.email))).toHaveLength(1);
    expect(digest!.parsed.subject).toContain('2 comments need your attention');
    expect(linksOf(digest!).filter((l) => l.includes('/api/mail/moderate/'))).toHaveLength(6);
    assertNoForeignEmail(digest!);
    expect(smtp.mails.slice(mark).filter(to(admin.user.email))).toHaveLength(0);
    await blogMod.put('/api/notifications/settings', { moderation: 'immediate', weekly: false });
    await admin.put('/api/notifications/settings', { moderation: 'immediate', weekly: false });
  });

  test('when a comment is reported, then the site’s moderators are mailed once', async () => {
    const id = await insertTestComment(t.parley, { site: 'open', status: 'approved' });
    const mark = smtp.mails.length;
    for (let i = 0; i < 3; i++)
      await t
        .api()
        .post(`/api/comments/${id}/reports`)
        .set('X-Forwarded-For', `203.0.113.${40 + i}`)
        .send({ reason: 'abuse' });
    const [mail] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(otherMod.user.email)(m),
    );
    expect(mail!.parsed.subject).toContain('Readers reported');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.slice(mark).filter(to(otherMod.user.email))).toHaveLength(1);
    expect(smtp.mails.slice(mark).filter(to(blogMod.user.email))).toHaveLength(0);
  });

  test('when comments are held one after another, then the moderator’s mail follows quickly (p50 figure)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const mark = smtp.mails.length;
      const start = Date.now();
      await postHeld();
      const [m] = await smtp.waitFor(
        1,
        (x) => smtp.mails.indexOf(x) >= mark && to(blogMod.user.email)(x),
      );
      times.push(m!.at - start);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    recordFigure(`mail.held-to-moderator-mail.p50-ms.${provider}`, {
      p50,
      max: times.at(-1)!,
      samples: times.length,
    });
    expect(p50).toBeLessThan(5000);
  });
});

describe('email off', () => {
  test('when SMTP_URL is unset, then the settings API says mail is off', async () => {
    const t = await createTestParley('sqlite', { name: 'mail-off' });
    try {
      const mod = await signInAs(t, { role: 'admin' });
      expect((await mod.get('/api/notifications/settings')).body.mail).toEqual({ enabled: false });
    } finally {
      await t.close();
    }
  });
});
