// The canonical text the model's features read. Obfuscation ("ｓｔｕｐｉｄ", "ѕtupid", "s t u p i d",
// "stuuupid", "st\u200Bupid") should land on the same features as the plain word, and things whose
// exact value carries no meaning (a URL, an e-mail address, a number) become placeholder tokens so
// that "a long number" is not evidence by itself. Pure and allocation-light: it runs per comment.
import { findLinks, type FoundLink } from '../links.js';
import { INVISIBLE_CHARS } from '../normalize.js';

/** Placeholders: private-use characters, so no typed text can produce them once input is cleaned. */
export const URL_TOKEN = '\uE000';
export const EMAIL_TOKEN = '\uE001';
export const NUMBER_TOKEN = '\uE002';
const PLACEHOLDERS = /[\uE000-\uE002]/g;
const PLACEHOLDER_NAMES: Record<string, string> = {
  [URL_TOKEN]: '<url>',
  [EMAIL_TOKEN]: '<email>',
  [NUMBER_TOKEN]: '<num>',
};

export interface Canonical {
  /** NFKC, lowercase, invisibles removed, lookalikes folded, spaced letters rejoined, runs squeezed, placeholders. */
  text: string;
  /** `text` with leetspeak folded inside words ("m0r0n" -> "moron"); same length, same word boundaries. */
  leet: string;
  /** links found in the folded text, before they became placeholders */
  links: FoundLink[];
  emails: number;
}

// normalize.ts's set plus ZWJ (only decorative outside emoji), bidi controls and private-use
// characters (so typed text can never forge a placeholder)
const INVISIBLE = new RegExp(
  `${INVISIBLE_CHARS.source}|[\\u200D\\u202A-\\u202E\\u2066-\\u2069\\uE000-\\uF8FF]`,
  'g',
);
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /^\p{M}+$/u;

/** Latin lookalikes that are not in another script's block, and punctuation variants. */
const LATIN_FOLDS: Record<string, string> = {
  ɑ: 'a',
  ɡ: 'g',
  ı: 'i',
  ɩ: 'i',
  ʏ: 'y',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  ſ: 's',
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2026': '...',
};

/** Cyrillic and Greek letters that render like Latin ones; applied only inside words that also hold Latin letters. */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
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
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ԍ: 'g',
  ѵ: 'v',
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
  ω: 'w',
  γ: 'y',
  ς: 's',
  ϲ: 'c',
};
// each pattern below starts only where its run of characters starts: without the lookbehind it
// would try every start inside a long run that lacks the middle class, each a scan to the
// run's end (quadratic: 20,000 Cyrillic letters took seconds)
const MIXED_WORD = /(?<![\p{L}\p{M}])[\p{L}\p{M}]*[a-z][\p{L}\p{M}]*/gu;
const NON_LATIN_LOOKALIKE = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/;

// per code point: its fold, or null where it folds to itself (most characters of most scripts)
const foldCache = new Map<number, string | null>();

/** One non-ASCII character, folded: accents off Latin letters ("idiót" reads "idiot"), lookalike punctuation. */
function foldChar(ch: string): string {
  let out = LATIN_FOLDS[ch];
  if (out === undefined) {
    const d = ch.normalize('NFD');
    out = d.length > 1 && d.charCodeAt(0) < 128 && MARKS.test(d.slice(1)) ? d[0]! : ch;
  }
  return out;
}

/** foldChar of the code point at i, or null where it is unchanged; cached, so no string is made for a known one. */
function foldAt(s: string, i: number, cp: number): string | null {
  const known = foldCache.get(cp);
  if (known !== undefined) return known;
  const ch = s.slice(i, i + (cp > 0xffff ? 2 : 1));
  const folded = foldChar(ch);
  const out = folded === ch ? null : folded;
  if (foldCache.size < 10_000) foldCache.set(cp, out);
  return out;
}

function mapConfusables(word: string): string {
  if (!NON_LATIN_LOOKALIKE.test(word)) return word;
  let out = '';
  for (const ch of word) out += CONFUSABLES[ch] ?? ch;
  return out;
}

/** NFKC (fullwidth, math letters, ligatures), lowercase, invisibles out, accents and lookalikes folded. */
export function foldForModel(input: string): string {
  if (ASCII.test(input)) return input.toLowerCase();
  let s = input.normalize('NFKC').toLowerCase();
  INVISIBLE.lastIndex = 0;
  if (INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  // unchanged stretches are copied whole, not a character at a time
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const folded = foldAt(s, i, cp);
    const next = i + (cp > 0xffff ? 2 : 1);
    if (folded !== null) {
      out += s.slice(from, i) + folded;
      from = next;
    }
    i = next;
  }
  out = from === 0 ? s : out + s.slice(from);
  return NON_LATIN_LOOKALIKE.test(out) ? out.replace(MIXED_WORD, mapConfusables) : out;
}

// four or more single letters or digits apart ("s t u p i d", "w w w . x . c o m"), or three
// joined by dots, dashes, stars ("s.h.i.t", "f-u-c-k"); "u r a" and "e.g." are left alone
const SPACED =
  /(?<![\p{L}\p{N}])[a-z0-9](?:(?:(?: {1,2}| ?[.\-_*·•|] ?)[a-z0-9]){3,}|(?:[.\-_*·•|][a-z0-9]){2,})(?![\p{L}\p{N}])/gu;

function rejoin(m: string): string {
  // " . " between spaced letters is a real dot ("w w w . s i t e . c o m"), the rest is padding
  if (m.includes(' ') && m.includes('.'))
    return m
      .replace(/ *\. */g, '\u0001')
      .replace(/[^a-z0-9\u0001]/g, '')
      .replace(/\u0001/g, '.');
  return m.replace(/[^a-z0-9]/g, '');
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// a number, alone or with a short unit ("18k", "2.30pm", "10km"); digits inside words ("m0r0n") stay
const NUMBER =
  /(?<![\p{L}\p{N}])\d+(?:[.,:]\d+)*(?=(?:st|nd|rd|th|[kmbghspvwx]|km|kg|mg|ml|mm|cm|lbs?|hrs?|mins?|am|pm|gb|mb|tb|mph|kph|kw|kwh|yo|yr|yrs)?(?![\p{L}\p{N}]))/gu;
const RUNS = /(.)\1{2,}/gsu;
const SPACES = /\s+/g;
// cheap tests for whether each rewrite can match at all
const SPACED_HINT = /[a-z0-9](?: {1,2}| ?[.\-_*·•|] ?)[a-z0-9](?: {1,2}| ?[.\-_*·•|] ?)[a-z0-9]/u;
const DIGIT = /\d/;
const RUN_HINT = /(.)\1\1/su;
/** whitespace other than single spaces */
const SPACES_HINT = /[^\S ]|\s\s/;

/** The canonical views of a comment (see Canonical). */
export function canonicalize(input: string): Canonical {
  let s = foldForModel(input);
  // each rewrite only when it has something to do: most comments need few of them, and a
  // replace over the whole text costs a copy of it
  if (SPACED_HINT.test(s)) s = s.replace(SPACED, rejoin);
  let emails = 0;
  if (s.includes('@')) {
    s = s.replace(EMAIL, () => {
      emails++;
      return EMAIL_TOKEN;
    });
  }
  const links = findLinks(s);
  if (links.length > 0) {
    // right to left, so earlier indices stay valid
    for (let i = links.length - 1; i >= 0; i--) {
      const l = links[i]!;
      s = s.slice(0, l.index) + URL_TOKEN + s.slice(l.index + l.url.length);
    }
  }
  if (DIGIT.test(s)) s = s.replace(NUMBER, NUMBER_TOKEN);
  if (RUN_HINT.test(s)) s = s.replace(RUNS, '$1$1');
  if (SPACES_HINT.test(s)) s = s.replace(SPACES, ' ');
  s = s.trim();
  return { text: s, leet: deLeetText(s), links, emails };
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
};
// runs of letters, digits and leet marks that hold a leet character: the only words deLeetWord
// can change (matching every word only to hand most of them back cost a string each)
// (starting only where a run starts, as MIXED_WORD does)
const LEET_WORD_WITH_LEET = /(?<![\p{L}\p{N}@$!|])[\p{L}\p{N}@$!|]*[013457@$!|][\p{L}\p{N}@$!|]*/gu;
const LEET_CHAR = /[013457@$!|]/;
const LETTER = /\p{L}/u;

/** Leetspeak folded inside one word: "sh1t", "a$$hole", "1d10t", "b!tch"; "idiot!" and "@simon" keep their marks. */
export function deLeetWord(tok: string): string {
  let letters = 0;
  for (const ch of tok) if (LETTER.test(ch)) letters++;
  if (letters < 2 || letters === tok.length) return tok;
  let out = '';
  for (let k = 0; k < tok.length; k++) {
    const c = tok[k]!;
    const mapped = LEET[c];
    if (mapped === undefined) {
      out += c;
      continue;
    }
    const prev = k > 0 && tok[k - 1] !== '!' && tok[k - 1] !== '|';
    const next = k < tok.length - 1;
    // "!" and "|" only count between characters ("b!tch"); "@" at the start is a mention
    const fold =
      c === '!' || c === '|' ? prev && next && tok[k + 1] !== '!' : c === '@' ? k > 0 : true;
    out += fold ? mapped : c;
  }
  return out;
}

/** The leet view of canonical text; a per-character map, so lengths and word boundaries are kept. */
export function deLeetText(text: string): string {
  if (!LEET_CHAR.test(text)) return text;
  return text.replace(LEET_WORD_WITH_LEET, deLeetWord);
}

/** Canonical text as a person reads it: placeholders shown as <url>, <email>, <num>. */
export function readable(s: string): string {
  return s.replace(PLACEHOLDERS, (c) => PLACEHOLDER_NAMES[c] ?? c);
}
