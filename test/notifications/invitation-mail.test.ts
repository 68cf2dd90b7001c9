// Invitation mail against a real SMTP server on loopback, on SQLite and PostgreSQL: with mail
// on, inviting a moderator also mails the one-time link, in the inviter's language; the API
// answer still carries the link. With mail off, nothing is queued.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import { headerOf, linksOf, startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

describe.each(PROVIDERS)('invitation mail on %s', (provider) => {
  let t: TestParley;
  let smtp: TestSmtp;
  let admin: StaffClient;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestParley(provider, {
      name: `invite-mail-${provider}`,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@parley.test' },
    });
    await seedSite(t.parley, { slug: 'blog' });
    admin = await signInAs(t, { role: 'admin', email: `admin-${provider}@invite.test` });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  test('when an admin invites a moderator, then the invitee is mailed the same one-time link, in English by default', async () => {
    const res = await admin.post('/api/admin/invitations', {
      email: 'New.Mod@Example.com',
      sites: ['blog'],
    });
    expect(res.status).toBe(201);
    const link = res.body.link as string;
    expect(link).toMatch(/\/moderate\/invite#[\w-]{20,}$/);
    const [mail] = await smtp.waitFor(1, (m) => m.rcpt.includes('new.mod@example.com'));
    expect(mail!.rcpt).toEqual(['new.mod@example.com']);
    expect(mail!.parsed.subject).toContain('invited you to moderate comments');
    expect(linksOf(mail!)).toContain(link);
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    expect(mail!.parsed.text).toContain('7 days');
    expect(headerOf(mail!, 'Content-Language')).toBe('en');
    // An invitation mail offers no unsubscribing: it is the one mail about this invitation.
    expect(headerOf(mail!, 'List-Unsubscribe')).toBeUndefined();
  });

  test('when the inviting admin’s language is German, then the invitation mail is German', async () => {
    await admin.put('/api/notifications/settings', {
      moderation: 'immediate',
      weekly: false,
      language: 'de',
    });
    const res = await admin.post('/api/admin/invitations', {
      email: 'zweite@example.com',
      role: 'admin',
    });
    expect(res.status).toBe(201);
    const [mail] = await smtp.waitFor(1, (m) => m.rcpt.includes('zweite@example.com'));
    expect(mail!.parsed.subject).toMatch(/hat Sie eingeladen, Kommentare zu moderieren$/);
    expect(mail!.parsed.text).toContain('als Administrator zu Parley eingeladen');
    expect(mail!.parsed.text).toContain('Einladung annehmen');
    expect(linksOf(mail!)).toContain(res.body.link);
    expect(mail!.parsed.html).toContain('<html lang="de">');
    expect(headerOf(mail!, 'Content-Language')).toBe('de');
  });
});

describe.each(PROVIDERS)('invitation without mail on %s', (provider) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `invite-nomail-${provider}` });
  });
  afterAll(async () => t?.close());

  test('when SMTP_URL is unset, then an invitation answers with its link and queues no mail', async () => {
    const admin = await signInAs(t, { role: 'admin', email: `admin-${provider}@nomail.test` });
    const res = await admin.post('/api/admin/invitations', { email: 'solo@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.link).toMatch(/\/moderate\/invite#/);
    expect(await t.parley.database.db.outboxMessage.count({ where: { kind: 'email' } })).toBe(0);
  });
});
