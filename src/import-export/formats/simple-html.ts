// The fast path of html-body.ts: most imported bodies are a few paragraphs of text with bold,
// italics, links and line breaks. For exactly those, parsing a DOM (domino) and walking it with
// turndown costs more than the rest of the comment's import; this reads them with one pass of
// tags and yields what turndown would, by its own rules: the same escaping, the same joining of
// blocks, the same link rule. Anything it cannot be sure of (entities, other tags, newlines or
// spaces that turndown would collapse, bad nesting) answers null, and turndown reads it.

/** Elements read here; every other tag sends the body to turndown. */
const INLINE = new Set(['b', 'strong', 'i', 'em', 'a']);

interface Element {
  tag: string;
  href: string | null;
  children: Child[];
}
type Child = Element | string;

/** `<tag attr="value"…>` or `</tag>`, lowercase, double-quoted values without entities. */
const TAG = /<(\/?)([a-z]+)((?:\s+[a-z][a-z-]*="[^"&<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /([a-z][a-z-]*)="([^"]*)"/g;
/** Words between single spaces: kept as is by a DOM parser and by turndown (no entities, no runs). */
const WORDS = /^[^<>&\s\u0000-\u001f\u007f]+(?: [^<>&\s\u0000-\u001f\u007f]+)*$/;

/** Words, or one space; a space at either end is checked with the text's siblings (spacesHold). */
function isPlainText(text: string): boolean {
  if (text === ' ') return true;
  const start = text.startsWith(' ') ? 1 : 0;
  const end = text.endsWith(' ') ? text.length - 1 : text.length;
  return WORDS.test(text.slice(start, end));
}

function parse(html: string): Element | null {
  const root: Element = { tag: '', href: null, children: [] };
  const stack: Element[] = [root];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt === -1 ? html.length : lt;
    if (end > at) {
      const text = html.slice(at, end);
      const top = stack.at(-1)!;
      const previous = top.children.at(-1);
      // Newlines between paragraphs (WordPress's autop writes them) are dropped by turndown's
      // whitespace collapsing at the start of the body or after a block: dropped here too.
      const dropped =
        top === root &&
        /^[ \t\n]+$/.test(text) &&
        (previous === undefined || (typeof previous === 'object' && previous.tag === 'p'));
      if (!dropped) {
        if (!isPlainText(text)) return null;
        top.children.push(text);
      }
    }
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) return null;
    at = TAG.lastIndex;
    const [, closing, tag, attributes, selfClosing] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const top = stack.at(-1)!;
    if (tag === 'br') {
      // Inside an inline element a break changes what counts as blank: turndown's business.
      if (closing || (top !== root && top.tag !== 'p')) return null;
      top.children.push({ tag, href: null, children: [] });
      continue;
    }
    if (tag !== 'p' && !INLINE.has(tag)) return null;
    if (closing) {
      if (top.tag !== tag || attributes || selfClosing) return null;
      stack.pop();
      continue;
    }
    if (selfClosing) return null;
    // A paragraph only at the top (a parser closes or moves nested ones), no link in a link.
    if (tag === 'p' && top !== root) return null;
    if (tag === 'a' && stack.some((e) => e.tag === 'a')) return null;
    let href: string | null = null;
    const seen = new Set<string>();
    for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
      if (seen.has(name!)) return null;
      seen.add(name!);
      if (name === 'href') href = value!;
    }
    const element: Element = { tag, href, children: [] };
    top.children.push(element);
    stack.push(element);
  }
  return stack.length === 1 ? root : null;
}

const isInline = (c: Child | undefined): boolean => typeof c === 'object' && INLINE.has(c.tag);

/**
 * Where turndown would move or drop a space, the body is not read here: a text may start with
 * a space only after an inline element and end with one only before one; an element's own
 * text starts and ends with no space and is never empty (blank elements are turndown's).
 */
function spacesHold(element: Element): boolean {
  const { children } = element;
  if (element.tag !== '') {
    if (element.tag !== 'br' && children.length === 0) return false;
    if (INLINE.has(element.tag)) {
      const first = children[0];
      const last = children.at(-1);
      if (typeof first !== 'string' || typeof last !== 'string') return false;
      if (first.startsWith(' ') || last.endsWith(' ')) return false;
    }
  }
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (typeof c === 'string') {
      if (c.startsWith(' ') && !isInline(children[i - 1])) return false;
      if (c.endsWith(' ') && !isInline(children[i + 1])) return false;
    } else if (!spacesHold(c)) return false;
  }
  return true;
}

/** turndown's join: blocks' newlines merged, at most one blank line between them. */
function join(output: string[], replacement: string): void {
  const tail = output.pop() ?? '';
  let t = tail.length;
  while (t > 0 && tail[t - 1] === '\n') t--;
  let r = 0;
  while (r < replacement.length && replacement[r] === '\n') r++;
  const separator = '\n\n'.slice(0, Math.max(tail.length - t, r));
  if (t > 0) output.push(tail.slice(0, t));
  if (separator) output.push(separator);
  if (r < replacement.length) output.push(replacement.slice(r));
}

export interface SimpleHtmlRules {
  /** turndown's Markdown escaping of a text node. */
  escape(text: string): string;
  /** The link rule html-body.ts gives turndown. */
  link(content: string, href: string | null): string;
}

function render(children: Child[], rules: SimpleHtmlRules): string {
  const output: string[] = [];
  for (const c of children)
    join(output, typeof c === 'string' ? rules.escape(c) : replace(c, rules));
  return output.join('');
}

function replace(element: Element, rules: SimpleHtmlRules): string {
  if (element.tag === 'br') return '\n';
  const content = render(element.children, rules);
  switch (element.tag) {
    case 'p':
      return `\n\n${content}\n\n`;
    case 'b':
    case 'strong':
      return content.trim() ? `**${content}**` : '';
    case 'i':
    case 'em':
      return content.trim() ? `*${content}*` : '';
    default:
      return rules.link(content, element.href);
  }
}

/** The Markdown turndown makes of `html` (before html-body.ts tidies it), or null: ask turndown. */
export function simpleHtmlToMarkdown(html: string, rules: SimpleHtmlRules): string | null {
  const root = parse(html);
  if (!root || !spacesHold(root)) return null;
  return render(root.children, rules)
    .replace(/^[\t\r\n]+/, '')
    .replace(/[\t\r\n\s]+$/, '');
}
