import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown, htmlToMarkdownByDom } from './html-body.js';
import { simpleHtmlToMarkdown } from './simple-html.js';

/** Whether the fast path took a body (else it went to turndown). */
const taken = (html: string) =>
  simpleHtmlToMarkdown(html, { escape: (t) => t, link: (c) => c }) !== null;

/** Pieces of bodies, tricky ones included: the fast path must agree with turndown or decline. */
const PIECES = [
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<strong>',
  '</strong>',
  '<i>',
  '</i>',
  '<em>',
  '</em>',
  '<a href="https://example.org/x">',
  '<a href="/relative">',
  '<a href="javascript:alert(1)">',
  '<a href=" https://example.org/x ">',
  '<a rel="nofollow" href="https://example.org/(y)">',
  '<a>',
  '</a>',
  '<br>',
  '<br/>',
  '<br />',
  '<P>',
  '<div>',
  '</div>',
  '<code>',
  '</code>',
  '<span>',
  '<p class="x">',
  '<b/>',
  '</br>',
  '<!-- c -->',
  'word',
  'Word two',
  'https://example.org/x',
  '1. ',
  '1.',
  '- ',
  '-',
  '* ',
  '*',
  '_x_',
  '`',
  '[',
  ']',
  '# ',
  '#',
  '=',
  '+ ',
  '>',
  '~~~',
  '\\',
  ' ',
  '  ',
  '\n',
  '\t',
  '&amp;',
  '&',
  '"',
  "'",
  'a',
  'b ',
  ' c',
  '\u00a0',
  '😀',
  'x  y',
  '…',
];

function randomBody(random: () => number): string {
  const n = 1 + Math.floor(random() * 12);
  let body = '';
  for (let i = 0; i < n; i++) body += PIECES[Math.floor(random() * PIECES.length)];
  return body;
}

const WORDS = [
  'word',
  'two words',
  'x*y',
  '_u_',
  '1. one',
  '- dash',
  '[l](x)',
  '`t`',
  '#',
  '> q',
  'a\\b',
];
const SPACES = ['', ' '];
const TAGS = ['b', 'strong', 'i', 'em', 'a'];
const HREFS = [
  'https://example.org/x',
  'word',
  '/relative',
  'mailto:a@example.org',
  'javascript:x()',
];

/** A well-formed body of paragraphs and inline elements, the shape the fast path is for. */
function structuredBody(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const inline = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.5 || depth > 2) parts.push(pick(SPACES) + pick(WORDS) + pick(SPACES));
      else if (r < 0.6) parts.push('<br>');
      else {
        const tag = pick(TAGS);
        const open = tag === 'a' ? `<a href="${pick(HREFS)}">` : `<${tag}>`;
        parts.push(`${open}${inline(depth + 1)}</${tag}>`);
      }
    }
    return parts.join(pick(SPACES));
  };
  const blocks: string[] = [];
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) blocks.push(random() < 0.7 ? `<p>${inline(0)}</p>` : inline(0));
  // Between blocks: nothing, or the newlines WordPress's autop writes (or stray spaces).
  return blocks.join(pick(['', '', '\n', ' \n\t', ' ']));
}

/** A small seeded generator, so a failure names a body that can be run again. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the fast path for simple HTML bodies', () => {
  test('when a body is paragraphs, emphasis, links and breaks, then it reads as turndown reads it', () => {
    for (const html of [
      '<p>Comment 1: this is <b>a fairly ordinary</b> comment, with <a href="https://example.org/1">a link</a> and a second sentence.</p><p>Another paragraph.</p>',
      'Comment 1: this is <strong>a fairly ordinary</strong> comment, with <a href="https://example.org/1">a link</a>.',
      '<p>one<br>two<br/>three</p>text after',
      '<p>Comment 1: this is <strong>fairly</strong> <a href="https://example.org/1">ordinary</a>.</p>\n<p>Another.</p>\n',
      '<p>*stars* and _under_ [brackets] `ticks` \\ back</p><p>- dash</p><p>1. one</p><p># hash</p>',
      '<p><i>it</i> <em>em</em> <b>bold <i>both</i> end</b></p>',
      '<a href="https://example.org/x">https://example.org/x</a>',
      '<a href="/relative">relative</a> and <a href="javascript:x()">bad</a>',
    ]) {
      expect(taken(html), html).toBe(true);
      expect(htmlToMarkdown(html)).toBe(htmlToMarkdownByDom(html));
    }
    expect(
      htmlToMarkdown('<p>a <a href="/p/2">two</a></p>', { baseUrl: 'https://b.example/x/' }),
    ).toBe(
      htmlToMarkdownByDom('<p>a <a href="/p/2">two</a></p>', { baseUrl: 'https://b.example/x/' }),
    );
  });

  test('when bodies are drawn at random from tricky pieces, then every one reads as turndown reads it', () => {
    const random = seeded(13);
    let fast = 0;
    for (let i = 0; i < 5_000; i++) {
      const html = randomBody(random);
      if (taken(html)) fast++;
      expect(htmlToMarkdown(html), JSON.stringify(html)).toBe(htmlToMarkdownByDom(html));
    }
    // The comparison means something only if the fast path took a fair share of them.
    expect(fast).toBeGreaterThan(120);
  });

  test('when well-formed bodies are drawn at random, then every one the fast path takes reads as turndown reads it', () => {
    const random = seeded(7);
    let fast = 0;
    for (let i = 0; i < 4_000; i++) {
      const html = structuredBody(random);
      if (taken(html)) fast++;
      expect(htmlToMarkdown(html), JSON.stringify(html)).toBe(htmlToMarkdownByDom(html));
    }
    expect(fast).toBeGreaterThan(100);
  });

  test('when the fixtures are imported, then each of their HTML bodies reads as turndown reads it', () => {
    const bodies: string[] = [];
    for (const file of ['disqus.xml', 'wxr.xml']) {
      const xml = readFileSync(
        new URL(`../../../test/fixtures/import/${file}`, import.meta.url),
        'utf8',
      );
      for (const m of xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) bodies.push(m[1]!);
    }
    expect(bodies.length).toBeGreaterThan(5);
    for (const html of bodies) expect(htmlToMarkdown(html), html).toBe(htmlToMarkdownByDom(html));
  });
});
