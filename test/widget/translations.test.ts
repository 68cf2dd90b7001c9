// The widget's translations: every language file has every English string, the same
// placeholders, every plural form its language needs, and the language choice follows
// data-lang, then <html lang>, then the browser's languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chooseLanguage, LANGUAGES } from '../../web/widget/i18n.js';
import { en, type Plural, type Translation, t, tn, useStrings } from '../../web/widget/strings.js';

const DIR = join(import.meta.dirname, '../../web/widget/i18n');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const table = (code: string) =>
  JSON.parse(readFileSync(join(DIR, `${code}.json`), 'utf8')) as Translation;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = en as Record<string, string | Plural>;

afterEach(() => useStrings('en', {}));

describe('widget translations', () => {
  test('when the build looks for language files, then there is one per language but English', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
      LANGUAGES.filter((l) => l !== 'en').sort(),
    );
  });

  for (const file of files) {
    const code = file.replace('.json', '');
    test(`when ${code} is read, then it has every key with the same kind, placeholders and plural forms`, () => {
      const strings = table(code) as Record<string, string | Plural>;
      expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      for (const [key, base] of Object.entries(english)) {
        const value = strings[key]!;
        if (typeof base === 'string') {
          expect(typeof value, key).toBe('string');
          expect(placeholders(value as string), key).toEqual(placeholders(base));
          expect((value as string).trim(), key).not.toBe('');
          continue;
        }
        expect(typeof value, key).toBe('object');
        const forms = value as Plural;
        // Every category the language's rules can pick, and nothing they never pick.
        expect(Object.keys(forms).sort(), key).toEqual([...categories].sort());
        const allowed = new Set(placeholders(base.other));
        for (const [category, form] of Object.entries(forms)) {
          const vars = placeholders(form);
          for (const v of vars) expect(allowed.has(v), `${key}.${category}: {${v}}`).toBe(true);
          // {title} and {name} carry meaning; only the count may be spelt out ("تعليقان").
          for (const v of allowed) if (v !== 'n') expect(vars, `${key}.${category}`).toContain(v);
          if (category === 'other') expect(vars, `${key}.other`).toContain('n');
        }
      }
      // A button's accessible name contains its visible word (WCAG 2.5.3, axe
      // label-content-name-mismatch): "Reply" / "Reply to Ada".
      for (const [visible, aria] of [
        ['reply', 'replyAria'],
        ['report', 'reportAria'],
        ['edit', 'editAria'],
      ] as const) {
        const word = (strings[visible] as string).toLocaleLowerCase(code);
        const name = (strings[aria] as string).toLocaleLowerCase(code);
        // Japanese and Chinese do not separate words with spaces: there the word is a substring.
        if (code === 'ja' || code === 'zh') expect(name, aria).toContain(word);
        else expect(name, aria).toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
      }
      // The form marks the asterisk of "Required fields are marked *".
      expect(strings.requiredNote).toContain('*');
    });
  }

  test('when Polish, Russian and Arabic count comments, then each number takes its own form', () => {
    const vars = { title: 'X' };
    useStrings('pl', table('pl'));
    expect([1, 2, 5, 22, 25].map((n) => tn(n, 'header', vars))).toEqual([
      '1 komentarz do „X”',
      '2 komentarze do „X”',
      '5 komentarzy do „X”',
      '22 komentarze do „X”',
      '25 komentarzy do „X”',
    ]);
    useStrings('ru', table('ru'));
    expect([1, 3, 11, 21].map((n) => tn(n, 'newComments'))).toEqual([
      '1 новый комментарий',
      '3 новых комментария',
      '11 новых комментариев',
      '21 новый комментарий',
    ]);
    useStrings('ar', table('ar'));
    const ar = [1, 2, 3, 11, 100].map((n) => tn(n, 'newComments'));
    expect(ar.slice(0, 2)).toEqual(['تعليق جديد واحد', 'تعليقان جديدان']);
    expect(ar[2]).toBe(`${(3).toLocaleString('ar')} تعليقات جديدة`);
    expect(ar[3]).toBe(`${(11).toLocaleString('ar')} تعليقًا جديدًا`);
    expect(ar[4]).toBe(`${(100).toLocaleString('ar')} تعليق جديد`);
  });

  test('when English counts, then it says "1 comment" and "1,204 comments"', () => {
    expect(tn(1, 'header', { title: 'T' })).toBe('1 comment on “T”');
    expect(tn(1204, 'header', { title: 'T' })).toBe('1,204 comments on “T”');
    expect(tn(1, 'newComments')).toBe('1 new comment');
  });

  test('when a language file has a stray key or a wrong kind of value, then English stays for it', () => {
    useStrings('de', { reply: 'Antworten', header: 'kein Plural', bogus: 'x' } as Translation);
    expect(t('reply')).toBe('Antworten');
    expect(tn(2, 'header', { title: 'T' })).toBe('2 comments on “T”');
    expect(t('submit')).toBe('Post Comment');
  });

  test('when data-lang, <html lang> and the browser disagree, then the first supported one wins', () => {
    expect(chooseLanguage(['de', 'fr', 'ja'])).toEqual({ code: 'de', locale: 'de', dir: 'ltr' });
    expect(chooseLanguage([undefined, 'pt-BR', 'en'])).toEqual({
      code: 'pt',
      locale: 'pt-BR',
      dir: 'ltr',
    });
    expect(chooseLanguage(['', 'sv', 'ar-EG'])).toEqual({
      code: 'ar',
      locale: 'ar-EG',
      dir: 'rtl',
    });
    expect(chooseLanguage(['zh-TW']).code).toBe('zh');
    expect(chooseLanguage(['PL_pl']).locale).toBe('pl-PL');
    expect(chooseLanguage(['sv', 'fi'])).toEqual({ code: 'en', locale: 'en', dir: 'ltr' });
    expect(chooseLanguage([])).toEqual({ code: 'en', locale: 'en', dir: 'ltr' });
  });
});
