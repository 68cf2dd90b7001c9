// Hashed features of a comment: character n-grams of each word (space padded), word unigrams and
// bigrams, the leet view's words, and a few shape features (length, links, contacts). For spam
// only, also the author's name and website. Each feature is a 32-bit MurmurHash3 of its text:
// the low bits pick one of 2^hashBits buckets, the top bit a sign, so colliding features tend to
// cancel instead of adding up. No vocabulary is stored; the scorer recomputes the same hashes.
import { countNonLinkWords, findObfuscatedLinks, isAbusedTld, isShortener } from '../links.js';
import {
  canonicalize,
  EMAIL_TOKEN,
  foldForModel,
  readable,
  URL_TOKEN,
  type Canonical,
} from './canonicalize.js';
import { classOfCodePoint, IS_LETTER, IS_UPPER, IS_WORD } from '../chars.js';
import { stemWord } from './stem.js';
import { finish, hashRange, hashString, mix } from './hash.js';

export interface FeatureConfig {
  /** 2^hashBits buckets */
  hashBits: number;
  /** character n-gram lengths, inclusive */
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** character n-grams also run across the space into the next word ("u idi") */
  crossWord: boolean;
  /** count each distinct feature once (presence), so "$5 ... $10 ... $20" is not three times the evidence */
  binary: boolean;
  /**
   * Character n-grams each weigh count^-normPower, word features likewise: 0.5 is a unit-length
   * group, 0 plain presence. Keeps a long comment from winning by volume alone.
   */
  normPower: number;
  /** word trigrams (of the de-leeted words) */
  wordTrigrams?: boolean;
  /** skip-bigrams: a word and the word two after it ("you * idiot") */
  skipBigrams?: boolean;
  /**
   * Who is targeted: each word within this many words of a second-person word ("you", "ur",
   * "du", "tu", "ты"...), an @mention or a third-person one ("he", "she", "they"...) is paired
   * with that class ("2p>idiot", "idiot<2p"); plus the class a sentence opens with. 0 = off.
   */
  targetWindow?: number;
  /** each word's stem too ("idiots" -> "idiot"; see stem.ts), as a word feature of its own */
  stemWords?: boolean;
  /** word bigrams, trigrams, skip-bigrams and target pairs read stems, not word forms */
  stemContext?: boolean;
}

export interface CommentInput {
  text: string;
  name?: string | null;
  website?: string | null;
}

/** Where a feature came from, for "what drove this decision". */
export const SourceKind = {
  /** a word as written (its character n-grams and unigram): text.slice(a, b) */
  Word: 0,
  /** two neighbouring words: text.slice(a, b) */
  Bigram: 1,
  /** a shape, link, name or website feature: meta[a] */
  Meta: 2,
} as const;
export type SourceKind = (typeof SourceKind)[keyof typeof SourceKind];

export interface FeatureVector {
  length: number;
  /** bucket of each feature (a bucket can repeat) */
  index: Int32Array;
  /** signed, scaled value */
  value: Float32Array;
  /** features [0, shared) feed every label; [shared, length) (name, website) only spam */
  shared: number;
  /** source of each feature (index into the source arrays) */
  source: Int32Array;
  sourceKind: Uint8Array;
  sourceA: Int32Array;
  sourceB: Int32Array;
  sourceCount: number;
  meta: string[];
  canonical: Canonical;
  /** readable name of each feature, only when asked for (training builds its explanation strings from these) */
  names?: string[];
}

const SEED_CHAR = 0x1f3a5c71;
const SEED_WORD = 0x2b7e1516;
const SEED_BIGRAM = 0x3c6ef372;
const SEED_META = 0x4a09e667;
const SEED_TRIGRAM = 0x510e527f;
const SEED_SKIP = 0x5be0cd19;
const SEED_TARGET = 0x6a09e667;
const SEED_STEM = 0x7f3c9e2b;

/** Person classes of words, for the target features: 1 second person, 2 third person. */
const PERSON = new Map<string, number>();
for (const w of [
  // en (with the usual spellings), de, nl, fr, es, pt, it, pl, sv/da/no, tr, ru/uk
  'you youre your yours yourself yourselves u ur ya yall thou thee ye youve youll youd',
  'du dich dir dein deine deinen deinem deiner ihr euch euer eure',
  'jij jou jouw',
  'tu toi te ton ta tes vous votre vos',
  'tú ti usted ustedes tus tuyo contigo',
  'você voce vc vocês teu tua contigo',
  'tuo tua tuoi voi vostro',
  'ty ciebie cię cie tobie tobą twój twoj twoja twoje wy',
  'dig din ditt dina',
  'sen seni sana senin',
  'ты тебя тебе тобой твой твоя твоё твои вы вас вам ваш ти тобі твій',
])
  for (const x of w.split(' ')) PERSON.set(foldForModel(x), 1);
for (const w of [
  'he him his himself she her hers herself they them their theirs themselves',
  'er ihn ihm sie hij zij hem haar elle ils elles lui leur ella ellos ele ela eles lei loro',
  'ona oni jego jej han hon hen honom henne onu он она они его её ее их',
])
  for (const x of w.split(' ')) if (!PERSON.has(foldForModel(x))) PERSON.set(foldForModel(x), 2);
/** 3: an @mention; 4: a sentence that opens on one word and a comma ("Derek, ...") */
const PERSON_NAMES = ['', '2p', '3p', '@', 'voc'];

const GROUP_CHAR = 0;
const GROUP_WORD = 1;
const GROUP_META = 2;

// scratch buffers, reused between calls (extraction is synchronous and single-threaded)
let cap = 8192;
let H = new Uint32Array(cap);
let G = new Uint8Array(cap);
let S = new Int32Array(cap);
let scap = 1024;
// for presence features: the call that last saw a bucket, and the hash it saw there
let stamp = new Uint32Array(0);
let stampHash = new Uint32Array(0);
let generation = 0;
let SK = new Uint8Array(scap);
let SA = new Int32Array(scap);
let SB = new Int32Array(scap);

/** A copy of a scratch buffer at a new length, same type, same contents. */
function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
  a: T,
  length: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a as never);
  return b;
}

function growFeatures(): void {
  cap *= 2;
  H = grown(H, cap);
  G = grown(G, cap);
  S = grown(S, cap);
}

function growSources(): void {
  scap *= 2;
  SK = grown(SK, scap);
  SA = grown(SA, scap);
  SB = grown(SB, scap);
}

export const WORD = /[\p{L}\p{N}\p{M}\uE000-\uE002]+(?:['*]+[\p{L}\p{N}\p{M}\uE000-\uE002]+)*/gu;

const isWordAt = (text: string, i: number) =>
  (classOfCodePoint(text.codePointAt(i)!) & IS_WORD) !== 0;
/** The first index from i whose character is (isWord) or is not a word character. */
function skipWhile(text: string, i: number, isWord: boolean): number {
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (((classOfCodePoint(cp) & IS_WORD) !== 0) !== isWord) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
// the match the scanner found last: [wordStart, wordEnd), and whether it holds an apostrophe
let wordStart = 0;
let wordEnd = 0;
let wordApostrophe = false;
/** WORD.exec from `from`, by hand: false when no word is left. */
function nextWord(text: string, from: number): boolean {
  const i = skipWhile(text, from, false);
  if (i >= text.length) return false;
  wordStart = i;
  wordApostrophe = false;
  let end = skipWhile(text, i, true);
  // ['*]+ followed by more word characters joins on ("don't", "f**k")
  for (;;) {
    let j = end;
    let apostrophe = false;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 39) apostrophe = true;
      else if (c !== 42) break;
    }
    if (j === end || j >= text.length || !isWordAt(text, j)) break;
    if (apostrophe) wordApostrophe = true;
    end = skipWhile(text, j, true);
  }
  wordEnd = end;
  return true;
}

/** The [start, end) of each word of `text`, as the word loop sees them (for tests: WORD's matches). */
export function scanWords(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 0; nextWord(text, from); from = wordEnd) out.push([wordStart, wordEnd]);
  return out;
}

// the word loop's records, reused between calls
let wordCap = 1024;
let wHash = new Float64Array(wordCap);
let wStart = new Int32Array(wordCap);
let wEnd = new Int32Array(wordCap);
const wKey: string[] = [];
let chunkCap = 1024;
let chunkStart = new Int32Array(chunkCap);
let chunkSrc = new Int32Array(chunkCap);
function growWords(): void {
  wordCap *= 2;
  wHash = grown(wHash, wordCap);
  wStart = grown(wStart, wordCap);
  wEnd = grown(wEnd, wordCap);
}
function growChunks(): void {
  chunkCap *= 2;
  chunkStart = grown(chunkStart, chunkCap);
  chunkSrc = grown(chunkSrc, chunkCap);
}
/** Whether text[from, to) holds a sentence end (. ! ? or a line break). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) return true;
  }
  return false;
}
const EDGE_PUNCT = /^[^\p{L}\p{N}\p{So}\uE000-\uE002]+|[^\p{L}\p{N}\p{So}\uE000-\uE002]+$/gu;
/** Longer "words" are unspaced scripts or junk: their n-grams count, not the whole run. */
const MAX_WORD = 40;

// a phone number is written in groups ("+49 1521 4478392", "(0161) 496-0000"); one long run of
// digits is an order or account number, not a contact
const PHONE_CANDIDATE = /(?:\+\s?)?\(?\d[\d\s().-]{7,}\d/g;
function hasPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15 && (m[0].startsWith('+') || /\d[\s().-]+\d/.test(m[0])))
      return true;
  }
  return false;
}
const WHATSAPP = /whats\s?app|watsapp|whatsap|wa\.me|واتس/;
const TELEGRAM = /telegram|t\.me\b|телеграм/;

/**
 * /\[[^\]]+\]\(/.test(text) in one pass: "[", at least one character but "]", then "](".
 * The pattern tries every "[" and scans to the next "]": quadratic on "[[[[…".
 */
export function hasMarkdownLink(text: string): boolean {
  let open = -1; // the first "[" since the last "]"
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      if (open === -1) open = i;
    } else if (c === 93 /* ] */) {
      if (open !== -1 && open <= i - 2 && text.charCodeAt(i + 1) === 40 /* ( */) return true;
      open = -1;
    }
  }
  return false;
}

const bucketOf = (n: number, edges: readonly number[]): string => {
  let i = 0;
  while (i < edges.length && n >= edges[i]!) i++;
  if (i === 0) return `<${edges[0]}`;
  if (i === edges.length) return `${edges[i - 1]}+`;
  return edges[i]! - 1 === edges[i - 1]! ? `${edges[i - 1]}` : `${edges[i - 1]}-${edges[i]! - 1}`;
};
const LEN_EDGES = [8, 16, 32, 64, 128, 256, 512, 1024] as const;
const WORD_EDGES = [1, 2, 3, 4, 6, 10, 20, 50] as const;
const LINK_EDGES = [1, 2, 3, 5] as const;

function hostOf(website: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:\s]+)/i.exec(website.trim());
  return (m?.[1] ?? '')
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** Position q of the padded string " " + str + " ". */
const padded = (str: string, q: number) => (q === 0 || q === str.length + 1 ? ' ' : str[q - 1]!);

function gramName(str: string, p: number, len: number): string {
  let g = '';
  for (let q = p; q < p + len; q++) g += padded(str, q) === ' ' ? '_' : padded(str, q);
  return readable(g);
}

/**
 * Hashes of the n-grams of the padded string " " + str + " " that start in [from, to) and end by
 * `limit` (all positions in padded coordinates), written to the scratch buffers from `n`; returns
 * the new count. The MurmurHash3 steps of hash.ts are inlined: this loop is most of the scorer's time.
 */
function charGramsInto(
  str: string,
  from: number,
  to: number,
  limit: number,
  src: number,
  charMin: number,
  charMax: number,
  n: number,
): number {
  const last = str.length + 1;
  for (let p = from; p < to; p++) {
    let h = SEED_CHAR;
    const maxK = Math.min(charMax, limit - p);
    for (let k = 0; k < maxK; k++) {
      const q = p + k;
      let c = q === 0 || q === last ? 32 : str.charCodeAt(q - 1);
      c = Math.imul(c, 0xcc9e2d51);
      c = (c << 15) | (c >>> 17);
      h ^= Math.imul(c, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
      if (k + 1 >= charMin) {
        let f = h ^ (k + 1);
        f ^= f >>> 16;
        f = Math.imul(f, 0x85ebca6b);
        f ^= f >>> 13;
        f = Math.imul(f, 0xc2b2ae35);
        f ^= f >>> 16;
        H[n] = f >>> 0;
        G[n] = GROUP_CHAR;
        S[n] = src;
        n++;
      }
    }
  }
  return n;
}

export interface ExtractOptions {
  /** also each feature's readable name (slow; training only) */
  withNames?: boolean;
  /**
   * The vector's arrays are views of scratch buffers, valid until the next call: for a caller
   * that scores and lets go (no copies, so less garbage per comment).
   */
  transient?: boolean;
}

// the transient vector's arrays
let outIndex = new Int32Array(8192);
let outValue = new Float32Array(8192);

/** Features of a comment. */
export function extractFeatures(
  input: CommentInput,
  cfg: FeatureConfig,
  options: ExtractOptions = {},
): FeatureVector {
  const withNames = options.withNames ?? false;
  const transient = options.transient ?? false;
  const canon = canonicalize(input.text);
  const text = canon.text;
  const leet = canon.leet;
  const names: string[] | undefined = withNames ? [] : undefined;
  const meta: string[] = [];
  let n = 0;
  let ns = 0;
  const charMin = cfg.charMin;
  const charMax = cfg.charMax;

  const push = (h: number, g: number, s: number) => {
    if (n === cap) growFeatures();
    H[n] = h;
    G[n] = g;
    S[n] = s;
    n++;
  };
  const source = (kind: SourceKind, a: number, b: number) => {
    if (ns === scap) growSources();
    SK[ns] = kind;
    SA[ns] = a;
    SB[ns] = b;
    return ns++;
  };
  // a chunk text[st, en) owns the grams starting from the space before it to its last character;
  // they end at the space after it, or (crossWord) run on into the next words
  const charGrams = (str: string, st: number, en: number, src: number) => {
    const limit = cfg.crossWord ? str.length + 2 : en + 2;
    while (n + (en - st + 1) * (charMax - charMin + 1) > cap) growFeatures();
    n = charGramsInto(str, st, en + 1, limit, src, charMin, charMax, n);
    if (names)
      for (let p = st; p <= en; p++)
        for (let len = charMin; len <= Math.min(charMax, limit - p); len++)
          names.push(gramName(str, p, len));
  };
  const sameRange = (st: number, en: number) => {
    for (let i = st; i < en; i++) if (text.charCodeAt(i) !== leet.charCodeAt(i)) return false;
    return true;
  };
  const addMeta = (name: string) => {
    push(hashString(name, SEED_META), GROUP_META, source(SourceKind.Meta, meta.length, 0));
    meta.push(name);
    if (names) names.push(name);
  };

  const wordName = (i: number) => readable(leet.slice(wStart[i]!, wEnd[i]!).replace(/'/g, ''));
  // the name is pushed by the caller, only when names are asked for (no closure per feature)
  const pushWord = (h: number, a: number, b: number) =>
    push(h, GROUP_WORD, source(SourceKind.Bigram, a, b));
  // trigrams, skip-bigrams and who-is-targeted pairs, over the words the loop below recorded
  const contextFeatures = (): void => {
    const nw = nWords;
    for (let i = 2; i < nw; i++) {
      if (cfg.wordTrigrams) {
        pushWord(
          finish(mix(mix(mix(SEED_TRIGRAM, wHash[i - 2]!), wHash[i - 1]!), wHash[i]!), 3),
          wStart[i - 2]!,
          wEnd[i]!,
        );
        if (names) names.push(`${wordName(i - 2)} ${wordName(i - 1)} ${wordName(i)}`);
      }
      if (cfg.skipBigrams) {
        pushWord(
          finish(mix(mix(SEED_SKIP, wHash[i - 2]!), wHash[i]!), 2),
          wStart[i - 2]!,
          wEnd[i]!,
        );
        if (names) names.push(`${wordName(i - 2)} * ${wordName(i)}`);
      }
    }
    const win = cfg.targetWindow ?? 0;
    if (win > 0 && nw > 0) {
      const cls = new Uint8Array(nw);
      const sentence = new Int32Array(nw);
      let sent = 0;
      for (let i = 0; i < nw; i++) {
        const st = wStart[i]!;
        const opens = i === 0 || endsSentence(text, wEnd[i - 1]!, st);
        if (opens && i > 0) sent++;
        sentence[i] = sent;
        if (st > 0 && text.charCodeAt(st - 1) === 64 /* @ */) cls[i] = 3;
        else {
          const c = PERSON.get(wKey[i]!);
          if (c !== undefined) cls[i] = c;
          else if (opens && text.charCodeAt(wEnd[i]!) === 44 /* , */ && i + 1 < nw) cls[i] = 4;
        }
        if (opens && cls[i]! > 0) addMeta(`open:${PERSON_NAMES[cls[i]!]}`);
      }
      for (let i = 0; i < nw; i++) {
        const c = cls[i]!;
        if (c === 0) continue;
        for (let d = -win; d <= win; d++) {
          const j = i + d;
          if (d === 0 || j < 0 || j >= nw || cls[j]! !== 0 || sentence[j] !== sentence[i]) continue;
          pushWord(
            finish(mix(mix(SEED_TARGET, c * 2 + (d > 0 ? 1 : 0)), wHash[j]!), 2),
            Math.min(wStart[i]!, wStart[j]!),
            Math.max(wEnd[i]!, wEnd[j]!),
          );
          if (names)
            names.push(
              d > 0 ? `${PERSON_NAMES[c]}>${wordName(j)}` : `${wordName(j)}<${PERSON_NAMES[c]}`,
            );
        }
      }
    }
  };

  // words as written: the n-grams of each space-separated chunk, and of its leet view when that differs
  let nChunks = 0;
  for (let st = 0; st < text.length; ) {
    let en = text.indexOf(' ', st);
    if (en < 0) en = text.length;
    if (en > st) {
      const src = source(SourceKind.Word, st, en);
      if (nChunks === chunkCap) growChunks();
      chunkStart[nChunks] = st;
      chunkSrc[nChunks++] = src;
      charGrams(text, st, en, src);
      if (!sameRange(st, en)) charGrams(leet, st, en, src);
    }
    st = en + 1;
  }

  // word unigrams (as written and de-leeted) and bigrams (of the de-leeted words)
  let words = 0;
  let prevHash = 0;
  let prevStart = -1;
  let prevName = '';
  let ci = 0;
  const context = !!(cfg.wordTrigrams || cfg.skipBigrams || cfg.targetWindow);
  const stems = !!(cfg.stemWords || cfg.stemContext);
  let nWords = 0;
  for (let from = 0; nextWord(text, from); from = wordEnd) {
    const st = wordStart;
    const en = wordEnd;
    while (ci + 1 < nChunks && chunkStart[ci + 1]! <= st) ci++;
    const src = nChunks > 0 ? chunkSrc[ci]! : 0;
    if (!(en - st === 1 && text.charCodeAt(st) === 0xe000) /* URL_TOKEN */) words++;
    const apostrophe = wordApostrophe;
    const key = apostrophe ? text.slice(st, en).replace(/'/g, '') : null;
    const h = key === null ? hashRange(text, st, en, SEED_WORD) : hashString(key, SEED_WORD);
    let hl = h;
    if (!sameRange(st, en)) {
      const lk = leet.slice(st, en).replace(/'/g, '');
      hl = hashString(lk, SEED_WORD);
      if (en - st <= MAX_WORD) {
        push(hl, GROUP_WORD, src);
        if (names) names.push(readable(lk));
      }
    }
    if (en - st <= MAX_WORD) {
      push(h, GROUP_WORD, src);
      if (names) names.push(readable(key ?? text.slice(st, en)));
    }
    // the de-leeted word, for its stem and for the target features' person classes
    const lk = stems || context ? leet.slice(st, en).replace(/'/g, '') : '';
    if (stems) {
      const stem = stemWord(lk);
      if (stem !== lk) {
        if (cfg.stemWords && en - st <= MAX_WORD) {
          push(hashString(stem, SEED_STEM), GROUP_WORD, src);
          if (names) names.push(`~${readable(stem)}`);
        }
        if (cfg.stemContext) hl = hashString(stem, SEED_WORD);
      }
    }
    if (cfg.wordBigrams && prevStart >= 0) {
      push(
        finish(mix(mix(SEED_BIGRAM, prevHash), hl), 2),
        GROUP_WORD,
        source(SourceKind.Bigram, prevStart, en),
      );
      if (names) names.push(`${prevName} ${readable(leet.slice(st, en).replace(/'/g, ''))}`);
    }
    prevHash = hl;
    prevStart = st;
    if (names) prevName = readable(leet.slice(st, en).replace(/'/g, ''));
    if (context) {
      if (nWords === wordCap) growWords();
      wHash[nWords] = hl;
      wStart[nWords] = st;
      wEnd[nWords] = en;
      wKey[nWords++] = lk;
    }
  }
  if (context) contextFeatures();

  // shape: length, links, contacts
  addMeta(`len:${bucketOf(text.length, LEN_EDGES)}`);
  addMeta(`words:${bucketOf(words, WORD_EDGES)}`);
  const links = canon.links;
  addMeta(`links:${bucketOf(links.length, LINK_EDGES)}`);
  if (links.length > 0) {
    const nonLink = countNonLinkWords(input.text, links);
    if (nonLink <= 2) addMeta('links:only');
    else if (nonLink <= 6 * links.length) addMeta('links:mostly');
    const seen = new Set<string>();
    for (const l of links) {
      if (seen.has(l.host)) continue;
      seen.add(l.host);
      if (isShortener(l.host)) addMeta('link:shortener');
      if (isAbusedTld(l.host)) addMeta('link:abused-tld');
      hostFeatures(l.host, 'link', addMeta);
    }
  }
  if (findObfuscatedLinks(input.text).length > 0) addMeta('link:obfuscated');
  if (hasMarkdownLink(input.text)) addMeta('link:markdown');
  if (canon.emails > 0) addMeta('contact:email');
  if (hasPhone(input.text)) addMeta('contact:phone');
  if (WHATSAPP.test(leet)) addMeta('contact:whatsapp');
  if (TELEGRAM.test(leet)) addMeta('contact:telegram');
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < input.text.length; ) {
    const cp = input.text.codePointAt(i)!;
    const c = classOfCodePoint(cp);
    if (c & IS_LETTER) letters += cp > 0xffff ? 2 : 1;
    if (c & IS_UPPER) upper += cp > 0xffff ? 2 : 1;
    i += cp > 0xffff ? 2 : 1;
  }
  if (letters >= 12 && upper / letters > 0.6) addMeta('shape:caps');

  // spam only: who the author says they are
  let shared = n;
  const website = input.website?.trim() ? hostOf(input.website) : '';
  if (website === '') addMeta('site:none');
  else {
    addMeta('site:any');
    if (isShortener(website)) addMeta('site:shortener');
    if (isAbusedTld(website)) addMeta('site:abused-tld');
    hostFeatures(website, 'site', addMeta);
  }
  const name = input.name ? canonicalize(input.name).leet : '';
  const nameWords = name.match(WORD) ?? [];
  addMeta(`name-words:${bucketOf(nameWords.length, [1, 2, 3, 4, 6])}`);
  if (/[\d\uE002]/.test(name)) addMeta('name:digits');
  if (name.includes(URL_TOKEN) || name.includes(EMAIL_TOKEN)) addMeta('name:link');
  for (const w of new Set(nameWords)) addMeta(`name:${readable(w.replace(/'/g, ''))}`);

  // presence: keep the first of repeated features (by full hash, within the shared and the spam-only part)
  if (cfg.binary) {
    if (stamp.length !== 2 ** cfg.hashBits) {
      stamp = new Uint32Array(2 ** cfg.hashBits);
      stampHash = new Uint32Array(2 ** cfg.hashBits);
      generation = 0;
    }
    const bmask = (1 << cfg.hashBits) - 1;
    let out = 0;
    let newShared = shared;
    for (const [from, to] of [
      [0, shared],
      [shared, n],
    ] as const) {
      generation = (generation + 1) >>> 0;
      if (generation === 0) {
        stamp.fill(0);
        generation = 1;
      }
      for (let i = from; i < to; i++) {
        const h = H[i]!;
        const b = h & bmask;
        if (stamp[b] === generation && stampHash[b] === h) continue;
        stamp[b] = generation;
        stampHash[b] = h;
        H[out] = h;
        G[out] = G[i]!;
        S[out] = S[i]!;
        if (names) names[out] = names[i]!;
        out++;
      }
      if (from === 0) newShared = out;
    }
    if (names) names.length = out;
    n = out;
    shared = newShared;
  }

  // values: each group has unit-ish length, so a long comment does not win by volume alone
  let nChar = 0;
  let nWord = 0;
  for (let i = 0; i < shared; i++) {
    const g = G[i]!;
    if (g === GROUP_CHAR) nChar++;
    else if (g === GROUP_WORD) nWord++;
  }
  const p = cfg.normPower;
  const vChar = nChar > 0 ? nChar ** -p : 0;
  const vWord = nWord > 0 ? nWord ** -p : 0;
  const mask = (1 << cfg.hashBits) - 1;
  if (transient && outIndex.length < n) {
    outIndex = new Int32Array(cap);
    outValue = new Float32Array(cap);
  }
  const index = transient ? outIndex.subarray(0, n) : new Int32Array(n);
  const value = transient ? outValue.subarray(0, n) : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const h = H[i]!;
    const g = G[i]!;
    const v = g === GROUP_CHAR ? vChar : g === GROUP_WORD ? vWord : 1;
    index[i] = h & mask;
    value[i] = h & 0x80000000 ? -v : v;
  }
  return {
    length: n,
    index,
    value,
    shared,
    source: transient ? S.subarray(0, n) : S.slice(0, n),
    sourceKind: transient ? SK.subarray(0, ns) : SK.slice(0, ns),
    sourceA: transient ? SA.subarray(0, ns) : SA.slice(0, ns),
    sourceB: transient ? SB.subarray(0, ns) : SB.slice(0, ns),
    sourceCount: ns,
    meta,
    canonical: canon,
    ...(names ? { names } : {}),
  };
}

const RESERVED_HOST =
  /(?:^|\.)(?:example|test|invalid|localhost)$|(?:^|\.)example\.(?:com|net|org)$/;

/** A host's words ("cheap-pills-rx.ru" -> cheap, pills, rx) and TLD; long words also as 4-grams ("ketoburnpro"). */
function hostFeatures(host: string, prefix: string, add: (name: string) => void): void {
  // names reserved for documentation and tests (RFC 2606) are placeholders, not anyone's site:
  // the corpus's writers gave them to spammers, and the model must not learn that "example" sells
  if (RESERVED_HOST.test(host)) return;
  const labels = host.split('.');
  const tld = labels.length > 1 ? labels[labels.length - 1]! : '';
  if (tld) add(`${prefix}-tld:${tld}`);
  const parts = labels
    .slice(0, tld ? -1 : undefined)
    .join('-')
    .split(/[-_]+/);
  for (const w of parts) {
    if (w.length < 2) continue;
    add(`${prefix}-host:${w}`);
    if (w.length >= 8)
      for (let i = 0; i + 4 <= w.length; i++) add(`${prefix}-host4:${w.slice(i, i + 4)}`);
  }
}

/** Readable text of a source: the word or word pair as canonicalised, or the shape feature's name. */
export function sourceName(fv: FeatureVector, s: number): string {
  const kind = fv.sourceKind[s]!;
  const a = fv.sourceA[s]!;
  if (kind === SourceKind.Meta) return fv.meta[a] ?? '';
  const raw = fv.canonical.text.slice(a, fv.sourceB[s]!);
  if (kind === SourceKind.Bigram) return readable(raw);
  const trimmed = raw.replace(EDGE_PUNCT, '');
  return readable(trimmed === '' ? raw : trimmed);
}
