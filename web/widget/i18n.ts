// Which language the widget speaks, and loading its strings. English is inline in embed.js;
// every other language is web/dist/i18n/<code>.js (built from i18n/<code>.json), fetched only
// when chosen, as a script like embed-live.js (no CORS needed, and a page's CSP that allows
// embed.js allows it too). It registers its table on window.__parleyStrings.
import { loadScript } from './load-script.js';
import { type Translation, useStrings } from './strings.js';

/** Languages with a complete translation, by file name. */
export const LANGUAGES = 'en de fr es pt it nl pl ru ja zh ar'.split(' ');
export type LanguageCode = string;

/** A language file that has not arrived by then is given up on: the widget shows English. */
const LOAD_TIMEOUT_MS = 8_000;

declare global {
  interface Window {
    /** Filled by web/dist/i18n/<code>.js when it runs. */
    __parleyStrings?: Record<string, Translation>;
  }
}

export interface Language {
  code: LanguageCode;
  /** The tag Intl formats dates, numbers and plurals with (de-AT keeps its region). */
  locale: string;
  dir: 'ltr' | 'rtl';
}

/**
 * The first candidate a translation exists for: data-lang, then the page's <html lang>, then the
 * reader's browser languages; English when none matches.
 */
export function chooseLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const raw of candidates) {
    const tag = raw?.trim().replace(/_/g, '-');
    if (!tag) continue;
    const code = tag.split('-')[0]!.toLowerCase();
    if (!LANGUAGES.includes(code)) continue;
    // The Chinese strings are Simplified: a zh-TW page still gets zh dates, not mixed scripts.
    let locale = code === 'zh' ? 'zh-CN' : tag;
    try {
      locale = Intl.getCanonicalLocales(locale)[0] ?? code;
    } catch {
      locale = code;
    }
    return { code, locale, dir: code === 'ar' ? 'rtl' : 'ltr' };
  }
  return { code: 'en', locale: 'en', dir: 'ltr' };
}

/** Loads and switches to `lang`'s strings; resolves to the language actually in use. */
export function loadLanguage(apiBase: string, lang: Language, version: string): Promise<Language> {
  if (lang.code === 'en') return Promise.resolve(lang);
  const src = `${apiBase}/i18n/${lang.code}.js?v=${encodeURIComponent(version)}`;
  const late = new Promise<never>((_, reject) => setTimeout(reject, LOAD_TIMEOUT_MS));
  return Promise.race([window.__parleyStrings?.[lang.code] || loadScript(src), late])
    .then(() => {
      useStrings(lang.locale, window.__parleyStrings![lang.code]!);
      return lang;
    })
    .catch(() => {
      console.warn(`[parley] No ${lang.code} strings: showing English.`);
      return chooseLanguage([]);
    });
}
