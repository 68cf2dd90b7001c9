// Imported bodies → Parley's Markdown subset (paragraphs, line breaks, *em*, **strong**, links,
// `code`, fenced code, > quotes, lists; see src/comments/render.ts). HTML goes through turndown
// with rules that keep only that subset: active content (script, style, iframe, forms, media)
// is dropped with its text, links survive only as http(s)/mailto, headings become bold
// paragraphs, and anything else is reduced to its text. Parley renders the result with raw
// HTML off and a sanitizer behind it, so a stray "<" in text is shown, never run.
import TurndownService from 'turndown';
import type { BodyFormat } from './records.js';
import { simpleHtmlToMarkdown } from './simple-html.js';

export interface BodyOptions {
  /** Resolves relative links (href="/post/2") against the thread's URL; without it they become text. */
  baseUrl?: string | null;
}

const DROPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'head',
  'title',
  'meta',
  'link',
  'base',
] as const;

const DROPPED_TAGS = new Set<string>(DROPPED.map((t) => t.toUpperCase()));

/** The little of the DOM the rules touch (turndown's nodes; the server has no DOM types). */
interface DomNode {
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  children?: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
const dom = (node: unknown): DomNode => node as DomNode;
const attr = (node: DomNode | null, name: string): string | null =>
  node?.getAttribute?.(name) ?? null;

const SAFE_SCHEME = /^(?:https?:|mailto:)/i;

function safeUrl(raw: string | null, baseUrl: string | null | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"); so do we.
  const href = raw.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  if (href === '' || href.startsWith('#')) return null;
  let url: URL;
  try {
    url = baseUrl ? new URL(href, baseUrl) : new URL(href);
  } catch {
    return null; // relative without a base, or garbage
  }
  if (!SAFE_SCHEME.test(url.protocol)) return null;
  // Parentheses and spaces would end a Markdown link destination early.
  return url.href.replace(
    /[()\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function createService(options: BodyOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    // Parley renders with breaks on: a bare newline is a line break.
    br: '',
  });
  service.remove((node) => DROPPED_TAGS.has(dom(node).nodeName));

  service.addRule('link', {
    filter: (node) => dom(node).nodeName === 'A',
    replacement: (content, node) => linkMarkdown(content, attr(dom(node), 'href'), options),
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const alt = (attr(dom(node), 'alt') ?? '').trim();
      const src = safeUrl(attr(dom(node), 'src'), options.baseUrl);
      // No images in Parley's subset: a link to it keeps it reachable.
      if (src) return alt ? `[${service.escape(alt)}](${src})` : src;
      return service.escape(alt);
    },
  });
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content) => (content.trim() ? `\n\n**${content.trim()}**\n\n` : ''),
  });
  service.addRule('rule', { filter: 'hr', replacement: () => '\n\n' });
  service.addRule('preWithoutCode', {
    filter: (node) => dom(node).nodeName === 'PRE' && dom(node).firstChild?.nodeName !== 'CODE',
    replacement: (_content, node) => fence(dom(node).textContent ?? ''),
  });
  service.addRule('fencedCode', {
    filter: (node) => dom(node).nodeName === 'PRE' && dom(node).firstChild?.nodeName === 'CODE',
    replacement: (_content, node) => fence(dom(node).firstChild?.textContent ?? ''),
  });
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = dom(node).parentNode;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(attr(parent, 'start') ?? '1');
        const index = Array.prototype.indexOf.call(parent.children ?? [], node) as number;
        prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${body}${dom(node).nextSibling ? '\n' : ''}`;
    },
  });
  return service;
}

/** A link as Markdown: its text and safe URL, the bare URL when the text says no more, else its text. */
function linkMarkdown(content: string, raw: string | null, options: BodyOptions): string {
  const href = safeUrl(raw, options.baseUrl);
  const text = content.trim();
  if (!href) return content;
  if (text === '' || text === href || text === raw?.trim()) return href;
  return `[${text.replace(/\n+/g, ' ')}](${href})`;
}

function fence(code: string): string {
  const text = code.replace(/\n$/, '');
  // A fence longer than any backtick run inside the code.
  // a loop, not Math.max(...runs): 300,000 runs overflowed the argument list
  let longest = 2;
  for (const m of text.matchAll(/`+/g)) if (m[0].length > longest) longest = m[0].length;
  const marks = '`'.repeat(longest + 1);
  return `\n\n${marks}\n${text}\n${marks}\n\n`;
}

/** Services by base URL: building one (rules and all) costs more than a short comment's conversion. */
const services = new Map<string, TurndownService>();
const SERVICES_KEPT = 64;

function serviceFor(options: BodyOptions): TurndownService {
  const key = options.baseUrl ?? '';
  let service = services.get(key);
  if (!service) {
    if (services.size >= SERVICES_KEPT) services.clear();
    service = createService({ baseUrl: options.baseUrl ?? null });
    services.set(key, service);
  }
  return service;
}

/** Deepest tag nesting converted as HTML; deeper bodies are read as their text. */
export const MAX_HTML_DEPTH = 100;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
const VOID_TAGS = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'wbr',
  'source',
  'embed',
  'track',
  'param',
]);

/** Whether tags nest deeper than `max` (a rough count: closing tags pop, void tags do not push). */
function nestsDeeperThan(html: string, max: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(TAG)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID_TAGS.has(m[2]!.toLowerCase()) && ++depth > max) return true;
  }
  return false;
}

export function htmlToMarkdown(html: string, options: BodyOptions = {}): string {
  if (html.trim() === '') return '';
  // turndown recurses per level: 100,000 nested <div> took minutes and then overflowed the stack
  if (nestsDeeperThan(html, MAX_HTML_DEPTH))
    return textToMarkdown(html.replace(TAG, ' ').replace(/[ \t]{2,}/g, ' '));
  const service = serviceFor(options);
  // Plain paragraphs, emphasis and links (most bodies) skip the DOM: the same rules, by hand.
  const simple = simpleHtmlToMarkdown(html, {
    escape: (text) => service.escape(text),
    link: (content, href) => linkMarkdown(content, href, options),
  });
  return tidy(simple ?? service.turndown(html));
}

/** htmlToMarkdown through the DOM and turndown always (the fast path's tests compare the two). */
export function htmlToMarkdownByDom(html: string, options: BodyOptions = {}): string {
  if (html.trim() === '') return '';
  // Event handlers and styles live in attributes, which no rule copies; only the rules above emit syntax.
  return tidy(serviceFor(options).turndown(html));
}

/** Plain text shown as typed: Markdown syntax in it is escaped, newlines stay. */
export function textToMarkdown(text: string): string {
  const service = new TurndownService();
  return tidy(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => service.escape(line))
      .join('\n'),
  );
}

/** Whatever a reader yielded, as a Parley comment body. */
export function toParleyMarkdown(
  body: string,
  format: BodyFormat,
  options: BodyOptions = {},
): string {
  if (format === 'html') return htmlToMarkdown(body, options);
  if (format === 'text') return textToMarkdown(body);
  return tidy(body.replace(/\r\n?/g, '\n'));
}

function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
