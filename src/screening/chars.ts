// What a few Unicode properties say of a code point, looked up in a table filled on first
// sight instead of matched with a regex: scanners that run over every comment (the model's word
// loop, link-word counts) then cost no match arrays or substrings.

/** WORD's class in model/features.ts: a letter, number, mark or placeholder */
export const IS_WORD = 1;
/** \p{L} */
export const IS_LETTER = 2;
/** \p{Lu} */
export const IS_UPPER = 4;
/** \p{L} or \p{N} */
export const IS_ALNUM = 8;
const KNOWN = 16;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}\uE000-\uE002]$/u;
const LETTER_CHAR = /^\p{L}$/u;
const UPPER_CHAR = /^\p{Lu}$/u;
const ALNUM_CHAR = /^[\p{L}\p{N}]$/u;
const bmpClass = new Uint8Array(0x10000);

/** The IS_* bits of a code point. */
export function classOfCodePoint(cp: number): number {
  const known = cp < 0x10000 ? bmpClass[cp]! : 0;
  if (known !== 0) return known;
  const ch = String.fromCodePoint(cp);
  const c =
    KNOWN |
    (WORD_CHAR.test(ch) ? IS_WORD : 0) |
    (LETTER_CHAR.test(ch) ? IS_LETTER : 0) |
    (UPPER_CHAR.test(ch) ? IS_UPPER : 0) |
    (ALNUM_CHAR.test(ch) ? IS_ALNUM : 0);
  if (cp < 0x10000) bmpClass[cp] = c;
  return c;
}

/** How many runs of two or more letters or numbers `text` holds: /[\p{L}\p{N}]{2,}/gu's matches. */
export function countAlnumRuns(text: string): number {
  let runs = 0;
  let run = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (classOfCodePoint(cp) & IS_ALNUM) {
      run++;
      if (run === 2) runs++;
    } else run = 0;
  }
  return runs;
}
