// The languages mails and mail pages are written in: one file per language, the same keys as
// en.ts (the type below makes a missing language or key a compile error).
import { LANGUAGE_CODES, type LanguageCode } from '../../schema.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en, type MailStrings } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { MailStrings };
export type { LanguageCode };

export const MAIL_STRINGS: Record<LanguageCode, MailStrings> = {
  en,
  de,
  fr,
  es,
  pt,
  it,
  nl,
  pl,
  ru,
  ja,
  zh,
  ar,
};

/** A language Parley writes mail in, from a stored or sent code; English for anything else. */
export function mailLanguage(code: string | null | undefined): LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(code ?? '') ? (code as LanguageCode) : 'en';
}

export function mailStrings(language?: string | null): MailStrings {
  return MAIL_STRINGS[mailLanguage(language)];
}

/** The HTML `dir` of a language. */
export function textDirection(language: string | null | undefined): 'ltr' | 'rtl' {
  return mailLanguage(language) === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first language of an Accept-Language header that Parley speaks (by q-value, then order),
 * or null.
 */
export function acceptedLanguage(header: string | undefined): LanguageCode | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .slice(0, 30)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { code: (tag.split('-')[0] ?? '').toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((l) => l.q > 0 && (LANGUAGE_CODES as readonly string[]).includes(l.code))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.code as LanguageCode | undefined) ?? null;
}

/** Fills {name} placeholders. */
export function t(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    values[k] === undefined ? m : String(values[k]),
  );
}
