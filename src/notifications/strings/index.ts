// The languages mails can be written in. Add a translation by copying en.ts (same keys).
import { en, type MailStrings } from './en.js';

export type { MailStrings };

const LANGUAGES: Record<string, MailStrings> = { en };

export function mailStrings(language = 'en'): MailStrings {
  return LANGUAGES[language] ?? en;
}

/** Fills {name} placeholders. */
export function t(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    values[k] === undefined ? m : String(values[k]),
  );
}
