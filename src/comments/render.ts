// Comment bodies are plain text with a safe Markdown subset: paragraphs, line breaks,
// emphasis, links, inline code and code blocks, quotes and lists. Raw HTML is not parsed
// (it shows as text), and the output goes through a sanitizer allow-list as a second wall.
// Plain bodies (words, bold, italics, https links) take plain-markdown.ts, which writes the same
// HTML without either pass. Rendered once, at write time; the stored html is served as is.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { renderPlainMarkdown } from './plain-markdown.js';

const md = new MarkdownIt('zero', {
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
}).enable([
  'paragraph',
  'newline',
  'emphasis',
  'link',
  'linkify',
  'backticks',
  'fence',
  'code',
  'blockquote',
  'list',
  'escape',
  'entity',
]);
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener', target: '_blank' },
    }),
  },
};

/**
 * Comment HTML that did not come from our renderer (a Parley export, which anyone can edit),
 * held to what the renderer can produce: its tags, http(s) and mailto links, nothing that runs.
 */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

export function renderCommentBody(body: string): string {
  return renderPlain(body) ?? renderMarkdown(body);
}

/** The fast path alone: the same HTML for a plain body, null for any other. */
export function renderPlain(body: string): string | null {
  return renderPlainMarkdown(body, md);
}

/** The full path: markdown-it, then the sanitizer (the fast path's tests compare against it). */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(md.render(body), SANITIZE).trim();
}
