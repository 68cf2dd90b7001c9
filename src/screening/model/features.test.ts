import { expect, test } from 'vitest';
import { canonicalize } from './canonicalize.js';
import { readCorpus } from './corpus.js';
import {
  extractFeatures,
  hasMarkdownLink,
  scanWords,
  sourceName,
  WORD,
  type FeatureConfig,
} from './features.js';
import { prng } from './hash.js';

const cfg: FeatureConfig = {
  hashBits: 18,
  charMin: 2,
  charMax: 5,
  wordBigrams: true,
  crossWord: true,
  binary: false,
  normPower: 0.25,
};
const set = (text: string, name = 'Jo', website: string | null = null) => {
  const fv = extractFeatures({ text, name, website }, cfg);
  return new Set(
    Array.from(fv.index.subarray(0, fv.shared), (b, i) => `${b}:${Math.sign(fv.value[i]!)}`),
  );
};

test('when features are asked for with names, then every feature has one', () => {
  const fv = extractFeatures(
    {
      text: "You're an 1d10t, see https://bit.ly/x",
      name: 'Cheap Pills 24',
      website: 'https://cheap-pills-rx.ru/buy',
    },
    cfg,
    { withNames: true },
  );
  expect(fv.names).toHaveLength(fv.length);
  expect(fv.names).toContain('idiot');
  expect(fv.names).toContain('_idi');
  expect(fv.names).toContain('link:shortener');
  expect(fv.names!.slice(fv.shared)).toContain('site-host:pills');
  expect(fv.names!.slice(fv.shared)).toContain('name:cheap');
});

test('when a word is obfuscated with lookalikes, fullwidth or zero-width characters, then its features are the plain word’s', () => {
  const plain = set('you are an idiot');
  expect(set('yоu аre аn іdiot')).toEqual(plain);
  expect(set('ｙｏｕ ａｒｅ ａｎ ｉｄｉｏｔ')).toEqual(plain);
  expect(set('you are an id\u200Biot')).toEqual(plain);
});

test('when a word is in leetspeak, then it also carries the plain word’s features', () => {
  const plain = set('you are an idiot');
  const l33t = set('you are an 1d10t');
  const shared = [...plain].filter((f) => l33t.has(f)).length;
  expect(shared / plain.size).toBeGreaterThan(0.9);
});

test('when only a number differs, then the features are identical', () => {
  expect(set('call me on 0161 496 0000')).toEqual(set('call me on 0207 946 0123'));
  expect(set('order 4471923380 arrived')).toEqual(set('order 12 arrived'));
});

test('when the author name or website differs, then only the spam-only features change', () => {
  expect(set('Nice post', 'Jo')).toEqual(
    set('Nice post', 'Cheap Essay Writing', 'https://essays.xyz'),
  );
  const a = extractFeatures({ text: 'Nice post', name: 'Jo' }, cfg);
  const b = extractFeatures(
    { text: 'Nice post', name: 'Cheap Essay Writing', website: 'https://essays.xyz' },
    cfg,
  );
  expect(b.length - b.shared).toBeGreaterThan(a.length - a.shared);
});

test('when the config has b hash bits, then every bucket is below 2^b', () => {
  const fv = extractFeatures(
    { text: 'Any update on when the road reopens? 🙏 https://example.org', name: 'Linda' },
    { ...cfg, hashBits: 12 },
  );
  expect(Math.max(...fv.index)).toBeLessThan(4096);
  expect(Math.min(...fv.index)).toBeGreaterThanOrEqual(0);
});

test('when a comment is scored, then its sources read as its words, word pairs and shape features', () => {
  const fv = extractFeatures({ text: 'Shut up, clown! Visit https://x.io', name: 'Jo' }, cfg);
  const names = Array.from({ length: fv.sourceCount }, (_, s) => sourceName(fv, s));
  expect(names).toEqual(
    expect.arrayContaining(['shut', 'up', 'clown', 'visit', '<url>', 'up, clown', 'links:1']),
  );
});

test('when the word loop scans a text, then it finds exactly the words the WORD pattern matches', () => {
  const byPattern = (text: string) =>
    Array.from(text.matchAll(WORD), (m): [number, number] => [m.index, m.index + m[0].length]);
  const crafted = [
    "don't you'd've f**k it's' 'quoted' *star* a'*b",
    'naïve café e\u0301 क्या 日本語テキスト 𝒽𝑒𝓎 💕 x\uD800y \uDC00z',
    '\uE000 \uE001x \uE002\uE002 ...',
    '',
    "''' *** a",
  ];
  const corpus = readCorpus().map((r) => canonicalize(r.text).text);
  for (const text of [...crafted, ...corpus])
    expect(scanWords(text), text).toEqual(byPattern(text));
});

test('when a website or link is on a name reserved for documentation, then its host is not a feature', () => {
  const names = (website: string, text: string) =>
    extractFeatures({ text, name: 'Jo', website }, cfg, { withNames: true }).names ?? [];
  const reserved = names('https://shop.example', 'see https://www.example.com/deal and ada.test');
  expect(reserved).toContain('site:any');
  expect(reserved.filter((n) => /^(?:site|link)-(?:host|tld)/.test(n))).toEqual([]);
  const real = names('https://cheap-pills.ru', 'see https://bestdeals.shop/x');
  expect(real).toEqual(expect.arrayContaining(['site-host:cheap', 'site-tld:ru', 'link-tld:shop']));
});

test('when text is searched for a markdown link, then the one-pass scan agrees with the pattern it replaces', () => {
  const pattern = /\[[^\]]+\]\(/;
  const alphabet = ['[', ']', '(', 'a', ')'];
  const rng = prng(7);
  for (let t = 0; t < 50_000; t++) {
    let s = '';
    const n = 1 + Math.floor(rng() * 9);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(rng() * alphabet.length)];
    expect(hasMarkdownLink(s), s).toBe(pattern.test(s));
  }
  expect(hasMarkdownLink('see [the docs](https://example.com)')).toBe(true);
  expect(hasMarkdownLink('[a[](')).toBe(true);
  expect(hasMarkdownLink('[](x)')).toBe(false);
});
