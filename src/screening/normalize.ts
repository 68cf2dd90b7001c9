/**
 * Text normalisation shared by the spam and toxicity scorers. Everything here is pure and
 * allocation-light: it runs on every comment and must stay well under a millisecond.
 */

/** Zero-width and invisible formatting characters spammers use to split words and links. */
export const INVISIBLE_CHARS = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u2060-\u2064\uFEFF]/g;
const INVISIBLE_ONE = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u2060-\u2064\uFEFF]/;
/** ZWJ is legitimate inside emoji sequences, so it only counts when it sits between letters. */
const ZWJ_IN_WORD = /\p{L}\u200D\p{L}/u;

/** Cyrillic and Greek letters that render like Latin ones (the common homoglyph set). */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  χ: 'x',
  ε: 'e',
  υ: 'u',
  β: 'b',
  η: 'n',
  μ: 'u',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00ab': '"',
  '\u00bb': '"',
};

const COMBINING = /\p{M}/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lowercase, strip accents and invisibles, map homoglyphs and fullwidth forms to ASCII. */
export function foldText(input: string): string {
  if (ASCII_ONLY.test(input)) return input.toLowerCase();
  let out = '';
  for (const ch of input.normalize('NFKD').toLowerCase()) {
    if (ch.charCodeAt(0) < 128) out += ch;
    else if (!INVISIBLE_ONE.test(ch) && !COMBINING.test(ch)) out += CONFUSABLES[ch] ?? ch;
  }
  return out;
}

/** True when the text hides characters inside words (zero-width, soft hyphen, ZWJ between letters). */
export function hasInvisibleInWord(text: string): boolean {
  if (ZWJ_IN_WORD.test(text)) return true;
  for (const m of text.matchAll(INVISIBLE_CHARS)) {
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + m[0].length] ?? '';
    if (/[\p{L}\p{N}.]/u.test(before) && /[\p{L}\p{N}.]/u.test(after)) return true;
  }
  return false;
}

// starting only where a word starts: the lookaheads at every start inside a long word of one
// script were quadratic
const LATIN_WORD_WITH_LOOKALIKE =
  /(?<!\p{L})(?=[\p{L}]*[a-zA-Z])(?=[\p{L}]*[\u0400-\u04FF\u0370-\u03FF])[\p{L}]{3,}/gu;
const FULLWIDTH = /[\uFF01-\uFF5E]{3,}/;

/** Words that mix Latin with Cyrillic/Greek letters, or runs of fullwidth ASCII: lookalike tricks. */
export function findLookalikeWords(text: string): string[] {
  const found = text.match(LATIN_WORD_WITH_LOOKALIKE) ?? [];
  const fw = text.match(FULLWIDTH);
  return fw ? [...found, fw[0]] : found;
}

/**
 * A canonical form for pattern matching plus a map back to offsets in the original text, so
 * matches can be reported as spans. `map[i]` is the original UTF-16 index of canonical char `i`;
 * `map[text.length]` is the original length.
 */
export interface CanonicalText {
  text: string;
  /** typed, so a comment's maps stay off the JS heap (they are rebuilt for every comment) */
  map: Int32Array;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
};
// only tokens with a leet character are candidates (most words are left alone)
// (from a token's start only: trying every start inside a long token without one was quadratic)
const LEET_TOKEN = /(?<![a-z0-9@$!|+*])[a-z0-9@$!|+*]*[0-9@$!|+][a-z0-9@$!|+*]*/g;
// four or more single letters ("f u c k"), or three with dots/dashes ("w.t.f"); "u r a" stays
const SPACED_LETTERS =
  /(?<![a-z0-9])[a-z](?:(?: {1,2}[a-z]){3,}|(?:[.\-_*]{1,2}[a-z]){2,}|(?:[ .\-_*]{1,2}[a-z]){4,})(?![a-z0-9])/g;

/**
 * Rewrites `src` with a regex while keeping the offset map: replacement chars map to the
 * original offset of the char they replace (or of the match start when lengths differ).
 */
export function replaceMapped(
  src: CanonicalText,
  re: RegExp,
  replace: (match: string) => string,
): CanonicalText {
  re.lastIndex = 0;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const m of src.text.matchAll(re)) {
    const rep = replace(m[0]);
    if (rep !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: rep });
  }
  // most comments need no rewrite: keep the same object, no copies
  return edits.length === 0 ? src : replaceRanges(src, edits);
}

const STRETCHED = /([a-z])\1{2,}/g;

function deLeet(tok: string): string {
  const letters = tok.replace(/[^a-z]/g, '').length;
  if (letters < 2 || letters === tok.length) return tok;
  let out = '';
  for (let k = 0; k < tok.length; k++) {
    const c = tok[k]!;
    const prev = k > 0 && /[a-z0-9@$]/.test(tok[k - 1]!);
    const next = k < tok.length - 1 && /[a-z0-9@$]/.test(tok[k + 1]!);
    const mapped = LEET[c];
    // "!" and "|" only count inside a word ("b!tch"), so "idiot!" keeps its punctuation
    const inside = c === '!' || c === '|' ? prev && next : prev || next;
    out += mapped && inside ? mapped : c;
  }
  return out;
}

export function canonicalize(input: string): CanonicalText {
  let out: CanonicalText = ASCII_ONLY.test(input) ? asciiCanonical(input) : unicodeCanonical(input);
  // stretched letters: "stuuupid", "idiooot"
  out = replaceMapped(out, STRETCHED, (m) => m[0]!);
  // leetspeak inside words: "sh1t", "a$$hole", "1d10t", "b!tch"
  out = replaceMapped(out, LEET_TOKEN, deLeet);
  // spaced-out letters: "f u c k", "s.h.i.t"
  out = replaceMapped(out, SPACED_LETTERS, (m) => m.replace(/[^a-z]/g, ''));
  return out;
}

/** The common case: nothing to decompose or fold, offsets are the identity. */
function asciiCanonical(input: string): CanonicalText {
  const map = new Int32Array(input.length + 1);
  for (let k = 0; k <= input.length; k++) map[k] = k;
  return { text: input.toLowerCase(), map };
}

// the map under construction; copied out at its final length
let mapScratch = new Int32Array(4096);
function growMapScratch(need: number): void {
  if (need <= mapScratch.length) return;
  const grown = new Int32Array(Math.max(need, mapScratch.length * 2));
  grown.set(mapScratch);
  mapScratch = grown;
}

function unicodeCanonical(input: string): CanonicalText {
  let text = '';
  let n = 0;
  // ASCII runs are lowercased and appended whole, not a character at a time
  let runStart = 0;
  let i = 0;
  for (const ch of input) {
    const start = i;
    i += ch.length;
    if (ch.charCodeAt(0) < 128) {
      growMapScratch(n + 1);
      mapScratch[n++] = start;
      continue;
    }
    if (runStart < start) text += input.slice(runStart, start).toLowerCase();
    runStart = i;
    if (INVISIBLE_ONE.test(ch)) continue;
    for (const d of ch.normalize('NFKD').toLowerCase()) {
      if (COMBINING.test(d)) continue;
      const folded = CONFUSABLES[d] ?? d;
      text += folded;
      growMapScratch(n + folded.length);
      for (let k = 0; k < folded.length; k++) mapScratch[n++] = start;
    }
  }
  if (runStart < input.length) text += input.slice(runStart).toLowerCase();
  growMapScratch(n + 1);
  mapScratch[n++] = input.length;
  return { text, map: mapScratch.slice(0, n) };
}

/** Replaces non-overlapping [start, end) ranges (sorted or not), keeping the offset map. */
export function replaceRanges(
  src: CanonicalText,
  ranges: Array<{ start: number; end: number; text: string }>,
): CanonicalText {
  if (ranges.length === 0) return src;
  const sorted = ranges.length === 1 ? ranges : [...ranges].sort((a, b) => a.start - b.start);
  // the new length first, so the map is allocated once
  let length = src.text.length;
  let last = 0;
  for (const r of sorted) {
    if (r.start < last) continue;
    length += r.text.length - (r.end - r.start);
    last = r.end;
  }
  let text = '';
  const map = new Int32Array(length + 1);
  let n = 0;
  last = 0;
  for (const r of sorted) {
    if (r.start < last) continue;
    text += src.text.slice(last, r.start);
    map.set(src.map.subarray(last, r.start), n);
    n += r.start - last;
    text += r.text;
    for (let k = 0; k < r.text.length; k++)
      map[n++] = src.map[r.start + Math.min(k, r.end - r.start - 1)]!;
    last = r.end;
  }
  text += src.text.slice(last);
  map.set(src.map.subarray(last, src.text.length + 1), n);
  return { text, map };
}
