// The mails' translations: one for every language the widget speaks, each complete, with the
// same placeholders as English and nothing left in English; the HTML says its language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGUAGE_CODES } from '../../src/schema.js';
import {
  acceptedLanguage,
  MAIL_STRINGS,
  mailStrings,
} from '../../src/notifications/strings/index.js';
import { en } from '../../src/notifications/strings/en.js';
import {
  approvedMail,
  confirmMail,
  digestMail,
  htmlPage,
  invitationMail,
  moderatorNoticeMail,
  replyMail,
  weeklyMail,
  type NoticeView,
} from '../../src/notifications/templates.js';

const WIDGET = join(import.meta.dirname, '../../web/widget');

/** The widget's LANGUAGES, read from its source (it is a browser module). */
function widgetLanguages(): string[] {
  const src = readFileSync(join(WIDGET, 'i18n.ts'), 'utf8');
  const m = /export const LANGUAGES = '([a-z ]+)'\.split\(' '\)/.exec(src);
  if (!m) throw new Error('LANGUAGES not found in web/widget/i18n.ts');
  return m[1]!.split(' ');
}

/** Strings that are a brand or only placeholders, the same in every language. */
const SAME_EVERYWHERE = new Set(['pageTitle', 'pageModerateButton']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('mail translations', () => {
  test('when the widget speaks a language, then mails have a translation for it, and the server’s language list is the widget’s', () => {
    const widget = widgetLanguages();
    const files = readdirSync(join(WIDGET, 'i18n')).map((f) => f.replace(/\.json$/, ''));
    expect([...LANGUAGE_CODES].sort()).toEqual([...widget].sort());
    expect(['en', ...files].sort()).toEqual([...widget].sort());
    expect(Object.keys(MAIL_STRINGS).sort()).toEqual([...widget].sort());
  });

  describe.each(LANGUAGE_CODES.filter((l) => l !== 'en'))('%s', (lang) => {
    const s = MAIL_STRINGS[lang] as Record<string, unknown>;

    test('when compared with English, then it has every key and no other', () => {
      expect(Object.keys(s).sort()).toEqual(Object.keys(en).sort());
      for (const value of Object.values(s))
        expect(typeof value === 'string' && value.trim()).toBeTruthy();
    });

    test('when compared with English, then each string has the same placeholders', () => {
      for (const [key, value] of Object.entries(en))
        expect({ key, p: placeholders(s[key] as string) }).toEqual({ key, p: placeholders(value) });
    });

    test('when compared with English, then no string is left in English', () => {
      for (const [key, value] of Object.entries(en))
        if (!SAME_EVERYWHERE.has(key)) expect({ key, v: s[key] }).not.toEqual({ key, v: value });
    });
  });

  test('when a code is unknown or missing, then the strings are English', () => {
    expect(mailStrings('xx')).toBe(en);
    expect(mailStrings(null)).toBe(en);
    expect(mailStrings()).toBe(en);
    expect(mailStrings('de')).toBe(MAIL_STRINGS.de);
  });

  test('when a browser sends Accept-Language, then the first language Parley speaks wins by q, then order', () => {
    expect(acceptedLanguage('de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(acceptedLanguage('sv-SE, fr;q=0.5, en;q=0.7')).toBe('en');
    expect(acceptedLanguage('sv, nb;q=0.8')).toBeNull();
    expect(acceptedLanguage('ja;q=0, zh-TW;q=0.3')).toBe('zh');
    expect(acceptedLanguage(undefined)).toBeNull();
  });
});

describe('mail HTML language', () => {
  const view: NoticeView = {
    reason: 'held',
    site: 'Blog',
    title: 'Hello',
    authorName: 'Ada',
    body: 'Text',
    reasons: [],
    toxicityScore: 0.5,
    spamScore: null,
    reportCount: 0,
    links: { approve: 'http://x/a', reject: 'http://x/r', spam: 'http://x/s' },
  };
  const unsub = { thread: 'http://x/t', all: 'http://x/all' };
  const bodies = (lang: string) => [
    moderatorNoticeMail(view, 'http://x/q', lang),
    digestMail([view], 'http://x/q', lang),
    weeklyMail({ approved: 1, pending: 2, rejected: 3, spam: 4 }, [], 'http://x/q', lang),
    confirmMail({ site: 'Blog', title: 'Hello', confirmUrl: 'http://x/c' }, lang),
    replyMail(
      { site: 'Blog', title: 'Hello', replyName: 'Bo', body: 'Hi', threadUrl: null },
      unsub,
      lang,
    ),
    approvedMail({ site: 'Blog', title: 'Hello', threadUrl: 'http://x/p' }, unsub, lang),
    invitationMail({ inviterName: 'Al', role: 'moderator', link: 'http://x/i', days: 7 }, lang),
  ];

  test.each(LANGUAGE_CODES)('when a mail is written in %s, then its HTML part says so', (lang) => {
    for (const body of bodies(lang)) {
      expect(body.language).toBe(lang);
      expect(body.html).toMatch(new RegExp(`^<!doctype html><html lang="${lang}"[ >]`));
      expect(body.html.includes('dir="rtl"')).toBe(lang === 'ar');
    }
    const page = htmlPage('T', '<p>x</p>', lang);
    expect(page).toContain(`lang="${lang}"`);
    expect(page.includes('dir="rtl"')).toBe(lang === 'ar');
  });

  test('when the language is unknown, then the mail is English with lang="en"', () => {
    for (const body of bodies('xx')) {
      expect(body.language).toBe('en');
      expect(body.html).toContain('<html lang="en">');
    }
  });
});
