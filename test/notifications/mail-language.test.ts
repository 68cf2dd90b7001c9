// Mail in the reader's language, against a real SMTP server on loopback, on SQLite and
// PostgreSQL: a commenter's mails and mail pages follow the widget's language, a moderator's
// follow their Notifications setting, and English stays the default.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
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
const linkTo = (mail: ReceivedMail, kind: string) =>
  pathOf(linksOf(mail).find((l) => l.includes(`/api/mail/${kind}/`))!);

describe.each(PROVIDERS)('mail languages on %s', (provider) => {
  let t: TestParley;
  let smtp: TestSmtp;
  let admin: StaffClient;
  let frenchMod: StaffClient;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestParley(provider, {
      name: `mail-lang-${provider}`,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@parley.test' },
    });
    await seedSite(t.parley, { slug: 'blog', settings: { premoderation: 'everyone' } });
    await seedSite(t.parley, { slug: 'open' });
    admin = await signInAs(t, { role: 'admin', email: `admin-${provider}@lang.test` });
    frenchMod = await signInAs(t, { sites: ['blog'], email: `frmod-${provider}@lang.test` });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const post = (site: string, body: Record<string, unknown>) =>
    t.post(`/api/sites/${site}/posts/hello/comments`).send(body);

  test('when a reader’s widget is German, then the confirmation, its page and the reply mail are German, with Content-Language de', async () => {
    const body = aComment({ notifyReplies: true, language: 'de' });
    const res = await post('open', body);
    expect(res.status).toBe(201);
    const parentId = res.body.comment.id as string;
    const [confirm] = await smtp.waitFor(1, to(body.email));
    expect(confirm!.parsed.subject).toBe('[Test Blog] Bestätigen Sie Ihre E-Mail-Adresse');
    expect(confirm!.parsed.text).toContain('Jemand (hoffentlich Sie)');
    expect(confirm!.parsed.html).toContain('<html lang="de">');
    expect(confirm!.parsed.html).toContain('Meine Adresse bestätigen');
    expect(headerOf(confirm!, 'Content-Language')).toBe('de');

    // The page behind the link is the reader's language, whatever the browser says.
    const page = await t.api().get(linkTo(confirm!, 'confirm')).set('Accept-Language', 'fr');
    expect(page.status).toBe(200);
    expect(page.headers['content-language']).toBe('de');
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Meine Adresse bestätigen');
    const done = await t.api().post(linkTo(confirm!, 'confirm'));
    expect(done.text).toContain('Ihre Adresse ist bestätigt');

    const reply = aComment({ parentId, name: 'Grace Replier' });
    expect((await post('open', reply)).status).toBe(201);
    const [mail] = await smtp.waitFor(
      1,
      (m) => to(body.email)(m) && m.parsed.subject!.includes('geantwortet'),
    );
    expect(mail!.parsed.subject).toBe(
      '[Test Blog] Grace Replier hat auf Ihren Kommentar zu „Post hello“ geantwortet',
    );
    expect(mail!.parsed.text).toContain('Grace Replier hat auf Ihren Kommentar');
    expect(mail!.parsed.text).toContain(reply.body);
    expect(mail!.parsed.text).toContain('Keine E-Mails mehr zu dieser Diskussion');
    expect(headerOf(mail!, 'Content-Language')).toBe('de');
    const unsubscribe = await t.api().get(linkTo(mail!, 'unsubscribe'));
    expect(unsubscribe.text).toContain('Keine E-Mails mehr zu dieser Diskussion?');
  });

  test('when a German reader’s held comment is approved, then the approval mail is German, whatever language the moderator’s mail is in', async () => {
    const body = aComment({ notifyReplies: true, language: 'de' });
    const res = await post('blog', body);
    expect(res.status).toBe(202);
    const [confirm] = await smtp.waitFor(1, to(body.email));
    await t.api().post(linkTo(confirm!, 'confirm'));
    expect(
      (await admin.post(`/api/moderation/comments/${res.body.comment.id}/approve`)).status,
    ).toBe(200);
    const [approved] = await smtp.waitFor(
      1,
      (m) => to(body.email)(m) && m.parsed.subject!.includes('veröffentlicht'),
    );
    expect(approved!.parsed.subject).toBe(
      '[Test Blog] Ihr Kommentar zu „Post hello“ wurde veröffentlicht',
    );
    expect(approved!.parsed.text).toContain('Ein Moderator hat Ihren Kommentar');
    expect(headerOf(approved!, 'Content-Language')).toBe('de');
  });

  test('when the widget’s language is unknown or not sent, then the comment is taken and its mail is English', async () => {
    for (const language of ['xx', undefined, 42]) {
      const body = aComment({ notifyReplies: true, ...(language !== undefined && { language }) });
      expect((await post('open', body)).status).toBe(201);
      const [confirm] = await smtp.waitFor(1, to(body.email));
      expect(confirm!.parsed.subject).toBe('[Test Blog] Confirm your email address');
      expect(confirm!.parsed.html).toContain('<html lang="en">');
      expect(headerOf(confirm!, 'Content-Language')).toBe('en');
    }
  });

  test('when a reader’s widget is Arabic, then the confirmation’s HTML is right-to-left', async () => {
    const body = aComment({ notifyReplies: true, language: 'ar' });
    expect((await post('open', body)).status).toBe(201);
    const [confirm] = await smtp.waitFor(1, to(body.email));
    expect(confirm!.parsed.subject).toBe('[Test Blog] أكّد عنوان بريدك الإلكتروني');
    expect(confirm!.parsed.html).toContain('<html lang="ar" dir="rtl">');
    expect(headerOf(confirm!, 'Content-Language')).toBe('ar');
  });

  test('when a moderator chooses French, then their held mail and its pages are French, and the admin’s stays English', async () => {
    const settings = await frenchMod.get('/api/notifications/settings');
    expect(settings.body.language).toBe('en');
    const bad = await frenchMod.put('/api/notifications/settings', {
      moderation: 'immediate',
      weekly: false,
      language: 'xx',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['language']);
    const saved = await frenchMod.put('/api/notifications/settings', {
      moderation: 'immediate',
      weekly: false,
      language: 'fr',
    });
    expect(saved.body).toEqual({
      mail: { enabled: true },
      moderation: 'immediate',
      weekly: false,
      language: 'fr',
    });
    // A save without the field keeps the language.
    await frenchMod.put('/api/notifications/settings', { moderation: 'immediate', weekly: false });
    expect((await frenchMod.get('/api/notifications/settings')).body.language).toBe('fr');

    const mark = smtp.mails.length;
    const fresh = (address: string) => (m: ReceivedMail) =>
      smtp.mails.indexOf(m) >= mark && to(address)(m);
    const held = aComment();
    expect((await post('blog', held)).status).toBe(202);
    const [fr] = await smtp.waitFor(1, fresh(frenchMod.user.email));
    const [en] = await smtp.waitFor(1, fresh(admin.user.email));
    expect(fr!.parsed.subject).toBe(
      '[Test Blog] Un commentaire attend la modération sur « Post hello »',
    );
    expect(fr!.parsed.text).toContain('Un commentaire de Ada Reader sur « Post hello » est retenu');
    expect(fr!.parsed.text).toContain('Approuver: http');
    expect(fr!.parsed.html).toContain('<html lang="fr">');
    expect(headerOf(fr!, 'Content-Language')).toBe('fr');
    expect(en!.parsed.subject).toBe(
      '[Test Blog] A comment is waiting for moderation on “Post hello”',
    );
    expect(headerOf(en!, 'Content-Language')).toBe('en');

    const approve = pathOf(linksOf(fr!).filter((l) => l.includes('/api/mail/moderate/'))[0]!);
    const ask = await t.api().get(approve);
    expect(ask.text).toContain('Approuver ce commentaire ?');
    const done = await t.api().post(approve);
    expect(done.status).toBe(200);
    expect(done.text).toContain('le commentaire est maintenant approuvé');
    // The spent link's page is French too.
    expect((await t.api().post(approve)).text).toContain('Ce lien a déjà servi');
  });

  test('when a French moderator gets an hourly digest, then it is French too', async () => {
    await frenchMod.put('/api/notifications/settings', {
      moderation: 'hourly',
      weekly: false,
      language: 'fr',
    });
    const mark = smtp.mails.length;
    expect((await post('blog', aComment())).status).toBe(202);
    await t.parley.database.db.moderatorNotice.updateMany({
      where: { userId: frenchMod.user.id, sentAt: null },
      data: { createdAt: new Date(Date.now() - 3601_000) },
    });
    await t.parley.notifications.runDigests();
    const [digest] = await smtp.waitFor(
      1,
      (m) => smtp.mails.indexOf(m) >= mark && to(frenchMod.user.email)(m),
    );
    expect(digest!.parsed.subject).toBe('[Test Blog] Un commentaire demande votre attention');
    expect(digest!.parsed.text).toContain('Depuis votre dernier récapitulatif');
    expect(headerOf(digest!, 'Content-Language')).toBe('fr');
    await frenchMod.put('/api/notifications/settings', { moderation: 'immediate', weekly: false });
  });

  test('when a link names nobody, then its page follows Accept-Language, else English', async () => {
    const bad = '/api/mail/confirm/0190a6d5-0000-7000-8000-000000000000~forged';
    const de = await t.api().get(bad).set('Accept-Language', 'de-CH, en;q=0.5');
    expect(de.status).toBe(404);
    expect(de.headers['content-language']).toBe('de');
    expect(de.text).toContain('Dieser Link ist ungültig.');
    const none = await t.api().get(bad).set('Accept-Language', 'sv');
    expect(none.text).toContain('This link is not valid.');
    expect(none.text).toContain('<html lang="en">');
  });
});
