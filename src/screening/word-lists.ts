/**
 * Site word lists (moderation and disallowed words), compiled once per settings object.
 * Matching is case-insensitive on whole words or phrases, and runs on folded text too, so
 * "Cásino" or "cаsino" (Cyrillic а) still match "casino".
 */
import { foldText } from './normalize.js';
import type { ScreeningSettings } from './types.js';

interface Compiled {
  moderation: RegExp | null;
  disallowed: RegExp | null;
}

// settings objects are treated as immutable, so identity is a safe cache key
const cache = new WeakMap<ScreeningSettings, Compiled>();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileWordList(words: readonly string[]): RegExp | null {
  const parts = [
    ...new Set(
      words
        .map((w) => foldText(w.trim()))
        .filter((w) => w !== '')
        .map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')),
    ),
  ].sort((a, b) => b.length - a.length);
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function compiledWordLists(settings: ScreeningSettings): Compiled {
  let c = cache.get(settings);
  if (!c) {
    c = {
      moderation: compileWordList(settings.moderationWords),
      disallowed: compileWordList(settings.disallowedWords),
    };
    cache.set(settings, c);
  }
  return c;
}

/** Distinct list entries found in any of the fields (as they appear, folded). */
export function findListedWords(re: RegExp | null, fields: ReadonlyArray<string | null>): string[] {
  if (!re) return [];
  const found = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    for (const m of foldText(field).matchAll(re)) found.add(m[0].replace(/\s+/g, ' '));
  }
  return [...found];
}
