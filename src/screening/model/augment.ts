// Obfuscated copies of training rows: the tricks people use to slip words past a filter (l33t,
// spaced letters, asterisks, lookalike letters, fullwidth, zero-width characters, odd casing,
// stretched letters). Applied to TRAINING rows of every class alike, so that obfuscation itself
// is not learnt as a sign of toxicity, only the words under it. Deterministic for a given seed.
import { hashString, prng } from './hash.js';

type Rng = () => number;
type Transform = (text: string, rng: Rng) => string;

const LEET: Record<string, readonly string[]> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['5', '$'],
  t: ['7'],
};
const HOMOGLYPHS: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  s: 'ѕ',
  j: 'ј',
};
const INVISIBLES = ['\u200B', '\u200C', '\u00AD', '\u2060'];
/** Words people censor with asterisks ("f*ck", "sh*t"); only these get stars. */
const CENSORED =
  /\b(?:fuck\w*|shit\w*|bullshit|bitch\w*|cunts?|dicks?|dickhead|assholes?|arseholes?|arse|bastards?|whores?|sluts?|piss\w*|cocks?|twats?|wankers?|pricks?|damn|crap|retards?|retarded|idiots?|morons?|stupid)\b/gi;

const pick = <T>(xs: readonly T[], rng: Rng): T => xs[Math.floor(rng() * xs.length)]!;

/** Applies `f` to some words (letters only, at least `min` long), each with probability `p`; at least one when any qualifies. */
function someWords(
  text: string,
  rng: Rng,
  p: number,
  min: number,
  f: (w: string) => string,
): string {
  const re = new RegExp(`\\p{L}{${min},}`, 'gu');
  const spans = [...text.matchAll(re)];
  if (spans.length === 0) return text;
  const forced = Math.floor(rng() * spans.length);
  let out = '';
  let last = 0;
  spans.forEach((m, i) => {
    if (i !== forced && rng() >= p) return;
    out += text.slice(last, m.index) + f(m[0]);
    last = m.index + m[0].length;
  });
  return out + text.slice(last);
}

const mapLetters = (w: string, rng: Rng, p: number, f: (ch: string) => string | undefined) => {
  let out = '';
  for (const ch of w) {
    const r = f(ch.toLowerCase());
    out += r !== undefined && rng() < p ? r : ch;
  }
  return out;
};

const TRANSFORMS: Record<string, Transform> = {
  leet: (t, rng) =>
    someWords(t, rng, 0.3, 3, (w) =>
      mapLetters(w, rng, 0.6, (c) => (LEET[c] ? pick(LEET[c], rng) : undefined)),
    ),
  spaced: (t, rng) =>
    someWords(t, rng, 0.1, 4, (w) => [...w].join(pick([' ', '.', ' ', '-'], rng))),
  asterisks: (t, rng) => {
    CENSORED.lastIndex = 0;
    if (!CENSORED.test(t)) return TRANSFORMS.leet!(t, rng);
    return t.replace(CENSORED, (w) => {
      const inner = [...w.slice(1, -1)]
        .map((c, i) => ({ c, i: i + 1 }))
        .filter(({ c }) => /[aeiou]/i.test(c));
      const at = inner.length > 0 ? pick(inner, rng).i : 1 + Math.floor(rng() * (w.length - 2));
      return rng() < 0.25
        ? w.slice(0, 1) + '*'.repeat(w.length - 2) + w.slice(-1)
        : w.slice(0, at) + '*' + w.slice(at + 1);
    });
  },
  homoglyphs: (t, rng) =>
    someWords(t, rng, 0.4, 3, (w) => mapLetters(w, rng, 0.5, (c) => HOMOGLYPHS[c])),
  fullwidth: (t, rng) => {
    const wide = (s: string) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return rng() < 0.5 ? wide(t) : someWords(t, rng, 0.3, 3, wide);
  },
  zeroWidth: (t, rng) => someWords(t, rng, 0.3, 3, (w) => [...w].join(pick(INVISIBLES, rng))),
  casing: (t, rng) =>
    rng() < 0.4
      ? t.toUpperCase()
      : [...t].map((c) => (rng() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join(''),
  stretch: (t, rng) =>
    someWords(t, rng, 0.2, 3, (w) =>
      w.replace(/[aeiouy]/i, (v) => v.repeat(3 + Math.floor(rng() * 4))),
    ),
};
export const AUGMENTATIONS = Object.keys(TRANSFORMS);

/** An obfuscated variant of `text`: one or two tricks, chosen by a PRNG seeded from `seed` and the text. */
export function augmentText(text: string, seed: number): { text: string; tricks: string[] } {
  const rng = prng(hashString(text, seed));
  const tricks = [pick(AUGMENTATIONS, rng)];
  if (rng() < 0.35) tricks.push(pick(AUGMENTATIONS, rng));
  let out = text;
  for (const t of tricks) out = TRANSFORMS[t]!(out, rng);
  return { text: out, tricks };
}
