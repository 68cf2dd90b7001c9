import { describe, expect, it } from 'vitest';
import { readCorpus } from '../screening/model/corpus.js';
import { renderMarkdown, renderPlain } from './render.js';

/** A small seeded generator: the same bodies on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const texts = readCorpus().map((r) => r.text);
const URLS = [
  'https://example.org/1',
  'https://example.org/a?b=1&c=2',
  'http://ex.com/ü/path',
  'https://ex.com/a_b~c#frag',
  'https://ex.com/%zz',
  'https://ex.com/a;b',
  'javascript:alert(1)',
  'https://ex.com/"x',
  'mailto:a@b.c',
];
const PIECES = [
  'word',
  'Ünïcode',
  '日本語',
  '🙂',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\n\n\n',
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '!',
  '&',
  '&amp;',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '`',
  '~',
  '#',
  '-',
  '+',
  '1.',
  '2)',
  ':',
  '@',
  '.',
  ',',
  'www.example.com',
  'example.com',
  'a@b.com',
  'https://x.io',
  '\t',
  '\u00a0',
  '|',
  '=',
  '---',
  '>',
  '1990.',
  'x',
  'y',
];

/** Pieces the fast path may take: words, punctuation, spaces and newlines around markup. */
const TAME = [
  'word',
  'Ünïcode',
  '日本語',
  '🙂',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  ',',
  '.',
  '!',
  '?',
  ':',
  '(',
  ')',
  '"',
  "'",
  '-',
  '+',
  '#',
  '=',
  '%',
  '$',
  '1',
  '2.',
  '@',
  '\u00a0',
  'é',
  'x',
  'y',
];

function randomBody(next: () => number, pieces = PIECES): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const n = 1 + Math.floor(next() * 14);
  let body = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.12) body += `**${pick(pieces)}**`;
    else if (r < 0.2) body += `*${pick(pieces)}*`;
    else if (r < 0.3) body += `[${pick(pieces)}](${pick(URLS)})`;
    else body += pick(pieces);
  }
  return body;
}

/** A corpus text with a word or two made bold, italic or a link, as imported bodies often are. */
function markedUp(text: string, next: () => number): string {
  const words = text.split(' ');
  for (let k = 0; k < 2; k++) {
    const i = Math.floor(next() * words.length);
    const w = words[i]!;
    const r = next();
    words[i] =
      r < 0.33 ? `**${w}**` : r < 0.66 ? `*${w}*` : `[${w}](${URLS[Math.floor(next() * 4)]})`;
  }
  return words.join(' ');
}

describe('the plain-Markdown fast path', () => {
  it('writes what markdown-it and the sanitizer write, for every corpus text and random markup', () => {
    const next = random(7);
    const bodies = [
      ...texts,
      ...texts.map((t) => markedUp(t, next)),
      ...Array.from({ length: 100_000 }, () => randomBody(next)),
      ...Array.from({ length: 100_000 }, () => randomBody(next, TAME)),
    ];
    let taken = 0;
    const wrong: { body: string; fast: string; full: string }[] = [];
    for (const body of bodies) {
      const fast = renderPlain(body);
      if (fast === null) continue;
      taken++;
      const full = renderMarkdown(body);
      if (fast !== full) wrong.push({ body, fast, full });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The comparison means something only if the fast path took a good share of each kind.
    expect(taken).toBeGreaterThan(texts.length + 30_000);
    // About 335,000 bodies through both renderers: 11 s alone, over 30 s beside the other
    // corpus-wide files on a loaded 2-core CI machine.
  }, 180_000);

  it('takes most ordinary comments and the shape imports give them', () => {
    const taken = texts.filter((t) => renderPlain(t) !== null).length;
    expect(taken / texts.length).toBeGreaterThan(0.6);
    const imported =
      'Comment 1: this is **a fairly ordinary** comment, with [a link](https://example.org/1?a=1&b=2) and a second sentence.\n\nAnother paragraph.';
    expect(renderPlain(imported)).toBe(renderMarkdown(imported));
  });

  it('leaves anything else to the full path', () => {
    for (const body of [
      '<script>alert(1)</script>',
      '[x](javascript:alert(1))',
      'see https://example.com',
      '- a list',
      '> a quote',
      '    code',
      '**a***b*',
      'a &amp; b',
      'snake_case',
    ])
      expect(renderPlain(body), body).toBeNull();
  });
});
