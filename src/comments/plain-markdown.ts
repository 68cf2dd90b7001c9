// The fast path of render.ts. Most comments are paragraphs of words, perhaps with **bold**,
// *italics* and [links](https://…). For exactly those the HTML is written here as markdown-it
// and the sanitizer together write it (plain-markdown.test.ts compares the two on the corpus
// and on random bodies). Parsing Markdown and then HTML again cost more than the rest of an
// imported comment. Anything this path does not model answers null and takes the full path.
// No HTML from the body passes through: text is emitted only when it holds no character that
// HTML or this Markdown subset would read, and every href is normalised and checked by markdown-it.
import type MarkdownItConstructor from 'markdown-it';

type MarkdownIt = ReturnType<typeof MarkdownItConstructor>;

/** Escapes, code, raw HTML, carriage returns, tabs and control characters, images. */
const OTHER_SYNTAX = /[\\`<>\r\t\u0000-\u0008\u000b-\u001f\u007f]|!\[/;
/**
 * In text (not in an href): entities, underscores' emphasis, fences, the delimiters left over,
 * and the start of a URL (markdown-it's linkify finds some that linkify-it's test does not).
 */
const TEXT_SYNTAX = /[&_~*[\]]|:\/\/|www\./i;
/** A line that would start a list, a quote or a rule, or whose edge spaces Markdown would move. */
const BLOCK_LINE = /^(?:[-+*]|\d{1,9}[.)])(?:\s|$)|^[-=*_#\s]*$|^\s|\s$/;
const INLINE = /\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|\[([^[\]*\n]+)\]\(([^()\s"']+)\)/g;
/** Emphasis opens and closes by the same rules wherever it sits when it starts and ends so. */
const ALNUM_EDGES = /^[\p{L}\p{N}](?:[\s\S]*[\p{L}\p{N}])?$/u;
const LABEL_EDGES = /^\S(?:[\s\S]*\S)?$/;
/** An href markdown-it keeps as is apart from percent-encoding: no entity, no escape. */
const HREF = /^https?:\/\/[^\s;]+$/i;

function plainText(text: string, md: MarkdownIt): boolean {
  if (TEXT_SYNTAX.test(text)) return false;
  // A URL or an address in the text is linkified by markdown-it: not modelled here.
  return !md.linkify.test(text);
}

function renderLine(line: string, md: MarkdownIt): string | null {
  let html = '';
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const [whole, strong, em, label, href] = m;
    const before = line.slice(last, m.index);
    // Two pieces of markup side by side ("**a***b*") pair their delimiters differently.
    if (last > 0 && before === '') return null;
    if (before && !plainText(before, md)) return null;
    html += before;
    last = m.index + whole.length;
    const content = strong ?? em;
    if (content !== undefined) {
      if (!ALNUM_EDGES.test(content) || !plainText(content, md)) return null;
      html += strong !== undefined ? `<strong>${content}</strong>` : `<em>${content}</em>`;
      continue;
    }
    if (!LABEL_EDGES.test(label!) || !plainText(label!, md) || !HREF.test(href!)) return null;
    const url = md.normalizeLink(href!);
    if (!md.validateLink(url)) return null;
    const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    html += `<a href="${attribute}" rel="nofollow ugc noopener" target="_blank">${label}</a>`;
  }
  const rest = line.slice(last);
  if (rest && !plainText(rest, md)) return null;
  return html + rest;
}

/** What renderCommentBody makes of `body`, when `body` is plain enough to be sure; else null. */
export function renderPlainMarkdown(body: string, md: MarkdownIt): string | null {
  if (OTHER_SYNTAX.test(body)) return null;
  const trimmed = body.replace(/^\n+|\n+$/g, '');
  if (trimmed === '') return null;
  const paragraphs: string[] = [];
  for (const paragraph of trimmed.split(/\n{2,}/)) {
    const lines: string[] = [];
    for (const line of paragraph.split('\n')) {
      if (BLOCK_LINE.test(line)) return null;
      const html = renderLine(line, md);
      if (html === null) return null;
      lines.push(html);
    }
    paragraphs.push(`<p>${lines.join('<br />\n')}</p>`);
  }
  return paragraphs.join('\n');
}
