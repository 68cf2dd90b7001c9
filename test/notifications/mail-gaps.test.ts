// Mail queued in the transaction of the change it is about, the toxic-comment mail, the
// per-address hourly cap and the weekly summary: real SMTP on loopback, SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS, type Provider } from '../helpers/databases.js';
import { insertTestComment, signInAs, type StaffClient } from '../helpers/moderation.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import { linksOf, startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

const to = (address: string) => (m: ReceivedMail) => m.rcpt.includes(address);
const pathOf = (url: string) => new URL(url).pathname;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TOXIC = 'You are a pathetic idiot and everyone here knows it.';
const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** Makes the database refuse every email row of the outbox (a full disk, a broken insert). */
async function refuseMailRows(t: TestParley, provider: Provider): Promise<() => Promise<void>> {
  const db = t.parley.database.db;
  if (provider === 'sqlite') {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_mail BEFORE INSERT ON "OutboxMessage" WHEN NEW."kind" = 'email' BEGIN SELECT RAISE(ABORT, 'outbox refuses mail'); END`,
    );
    return async () => {
      await db.$executeRawUnsafe('DROP TRIGGER refuse_mail');
    };
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION refuse_mail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox refuses mail'; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_mail BEFORE INSERT ON "OutboxMessage" FOR EACH ROW WHEN (NEW."kind" = 'email') EXECUTE FUNCTION refuse_mail()`,
  );
  return async () => {
    await db.$executeRawUnsafe('DROP TRIGGER refuse_mail ON "OutboxMessage"');
    await db.$executeRawUnsafe('DROP FUNCTION refuse_mail()');
  };
}

describe.each(PROVIDERS)('mail gaps on %s', (provider) => {
  let t: TestParley;
  let smtp: TestSmtp;
  let admin: StaffClient;
  let blogMod: StaffClient;
  let weeklyMod: StaffClient;
  const commenterEmails = new Set<string>();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestParley(provider, {
      name: `mail-gaps-${provider}`,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@parley.test', MAIL_HOURLY_CAP: '3' },
    });
    await seedSite(t.parley, { slug: 'blog', settings: { premoderation: 'everyone' } });
    await seedSite(t.parley, { slug: 'open' });
    await seedSite(t.parley, { slug: 'weekly' });
    admin = await signInAs(t, { role: 'admin', email: `admin-${provider}@staff.test` });
    blogMod = await signInAs(t, { sites: ['blog'], email: `blogmod-${provider}@staff.test` });
    weeklyMod = await signInAs(t, { sites: ['weekly'], email: `weekly-${provider}@staff.test` });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const assertNoForeignEmail = (mail: ReceivedMail) => {
    for (const email of commenterEmails)
      if (!mail.rcpt.includes(email)) expect(mail.raw.toLowerCase()).not.toContain(email);
  };
  const comment = (extra: Record<string, unknown> = {}) => {
    const body = aComment(extra);
    commenterEmails.add(body.email);
    return body;
  };

  test('when the moderator mail cannot be queued, then the held comment is not stored either, and once it can, comment and mail commit together', async () => {
    const db = t.parley.database.db;
    const restore = await refuseMailRows(t, provider);
    const refused = comment();
    let res: Awaited<ReturnType<ReturnType<TestParley['post']>['send']>>;
    try {
      res = await t.post('/api/sites/blog/posts/hello/comments').send(refused);
    } finally {
      await restore();
    }
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(await db.comment.count({ where: { body: refused.body } })).toBe(0);
    expect(await db.moderatorNotice.count()).toBe(0);
    expect(await db.mailLog.count()).toBe(0);

    const mark = smtp.mails.length;
    const held = comment();
    const ok = await t.post('/api/sites/blog/posts/hello/comments').send(held);
    expect(ok.status).toBe(202);
    const id = ok.body.comment.id as string;
    // Committed with the comment: the outbox holds the mail the moment the POST answers.
    const rows = await db.outboxMessage.findMany({ where: { kind: 'email' } });
    expect(rows.map((r) => r.key).sort()).toEqual(
      [
        `email:notice:${admin.user.id}:${id}:held`,
        `email:notice:${blogMod.user.id}:${id}:held`,
      ].sort(),
    );
    await smtp.waitFor(1, (m) => smtp.mails.indexOf(m) >= mark && to(blogMod.user.email)(m));
    await smtp.waitFor(1, (m) => smtp.mails.indexOf(m) >= mark && to(admin.user.email)(m));
    expect(smtp.mails.slice(mark).some((m) => m.parsed.text?.includes(refused.body))).toBe(false);
  });

  test('when a comment is flagged toxic, then the site’s moderators get the “flagged as toxic” mail with its score, reasons and three links', async () => {
    const mark = smtp.mails.length;
    const toxic = comment({ body: TOXIC });
    const res = await t.post('/api/sites/open/posts/hello/comments').send(toxic);
    expect(res.status).toBe(202);
    const [mail] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(admin.user.email)(m),
    );
    expect(mail!.parsed.subject).toBe('[Test Blog] A comment was flagged as toxic on “Post hello”');
    expect(mail!.parsed.text).toContain('was flagged as toxic');
    expect(mail!.parsed.text).toContain(TOXIC);
    expect(mail!.parsed.text).toMatch(/Scores: toxicity (0\.[89]\d|1\.00)/);
    expect(mail!.parsed.text).toMatch(/Why:\n- toxic language: 'pathetic', 'idiot'/);
    expect(mail!.parsed.text).toContain('- insult aimed at a person');
    expect(linksOf(mail!).filter((l) => l.includes('/api/mail/moderate/'))).toHaveLength(3);
    assertNoForeignEmail(mail!);
    await pause(300);
    const fresh = smtp.mails.slice(mark);
    // One notice per moderator (toxic, not a second "held" one); none to other sites' staff.
    expect(fresh.filter(to(admin.user.email))).toHaveLength(1);
    expect(fresh.filter(to(blogMod.user.email))).toHaveLength(0);
    expect(fresh.filter(to(weeklyMod.user.email))).toHaveLength(0);
  });

  test('when replies to a subscribed address come faster than MAIL_HOURLY_CAP allows, then only the cap is mailed that hour, other addresses still get theirs, and an hour later mail flows again', async () => {
    const db = t.parley.database.db;
    const url = '/api/sites/open/posts/hello/comments';
    const subscribe = async () => {
      const body = comment({ notifyReplies: true });
      const res = await t.post(url).send(body);
      expect(res.status).toBe(201);
      const [confirm] = await smtp.waitFor(1, to(body.email));
      const link = linksOf(confirm!).find((l) => l.includes('/api/mail/confirm/'))!;
      expect((await t.api().post(pathOf(link))).status).toBe(200);
      return { email: body.email, parentId: res.body.comment.id as string };
    };
    const busy = await subscribe();
    const calm = await subscribe();
    const reply = async (parentId: string) => {
      const r = comment({ parentId });
      expect((await t.post(url).send(r)).status).toBe(201);
      return r.body;
    };
    const replies = (email: string) =>
      smtp.mails.filter((m) => to(email)(m) && m.parsed.subject!.includes('replied'));

    // Cap 3: the confirmation counts, so two reply mails, then nothing this hour.
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) bodies.push(await reply(busy.parentId));
    await smtp.waitFor(2, (m) => to(busy.email)(m) && m.parsed.subject!.includes('replied'));
    const calmBody = await reply(calm.parentId);
    await smtp.waitFor(1, (m) => to(calm.email)(m) && m.parsed.text!.includes(calmBody));
    await pause(500);
    expect(replies(busy.email)).toHaveLength(2);
    // The first two replies were mailed, the later two were not.
    const mailed = (body: string) => replies(busy.email).some((m) => m.parsed.text!.includes(body));
    expect(bodies.map(mailed)).toEqual([true, true, false, false]);

    // An hour on (the log moved back an hour), the next reply is mailed.
    const address = await db.mailAddress.findUniqueOrThrow({ where: { email: busy.email } });
    await db.mailLog.updateMany({
      where: { addressId: address.id },
      data: { createdAt: new Date(Date.now() - HOUR_MS - 1000) },
    });
    const late = await reply(busy.parentId);
    const [mail] = await smtp.waitFor(1, (m) => to(busy.email)(m) && m.parsed.text!.includes(late));
    expect(mail!.parsed.subject).toContain('replied');
    expect(replies(busy.email)).toHaveLength(3);
  });

  test('when the weekly summary is on, then its job run at a fixed time mails the week’s counts and top reasons once, and again a week later', async () => {
    expect(
      (await weeklyMod.put('/api/notifications/settings', { moderation: 'off', weekly: true }))
        .status,
    ).toBe(200);
    const at = Date.now() + 60_000;
    const site = 'weekly';
    for (const status of [
      'approved',
      'approved',
      'approved',
      'pending',
      'pending',
      'spam',
    ] as const)
      await insertTestComment(t.parley, { site, status });
    // Older than the week: not counted.
    await insertTestComment(t.parley, {
      site,
      status: 'rejected',
      createdAt: new Date(at - WEEK_MS - HOUR_MS),
    });
    const mark = smtp.mails.length;
    const weeklyOf = () => smtp.mails.slice(mark).filter((m) => to(weeklyMod.user.email)(m));

    await t.parley.notifications.runDigests(at);
    await t.parley.notifications.runDigests(at + HOUR_MS);
    const [mail] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(weeklyMod.user.email)(m),
    );
    expect(mail!.parsed.subject).toBe('[Parley] Your weekly moderation summary');
    expect(mail!.parsed.text).toContain('3 approved, 2 waiting, 0 rejected, 1 spam.');
    // insertTestComment's held comments carry the reason TEST (two held, one spam).
    expect(mail!.parsed.text).toContain('Top reasons for holding comments:\n- TEST (3)');
    expect(mail!.parsed.html).toContain('<li>TEST (3)</li>');
    assertNoForeignEmail(mail!);
    await pause(300);
    expect(weeklyOf()).toHaveLength(1);

    // A week later: the next summary, of a week with nothing in it.
    await t.parley.notifications.runDigests(at + WEEK_MS + 60_000);
    const [next] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) > smtp.mails.indexOf(mail!) && to(weeklyMod.user.email)(m),
    );
    expect(next!.parsed.text).toContain('0 approved, 0 waiting, 0 rejected, 0 spam.');
    expect(next!.parsed.text).not.toContain('Top reasons');
    await pause(300);
    expect(weeklyOf()).toHaveLength(2);
    // The admin did not ask for it.
    expect(smtp.mails.slice(mark).filter(to(admin.user.email))).toHaveLength(0);
  });
});
