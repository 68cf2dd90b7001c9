// Comment html → DOM for the moderator. The server already sanitizes comment html, but the
// dashboard holds a moderator's session, so it rebuilds the markup from an allowlist too
// (defence in depth) and wraps the words screening flagged in <mark>. Text is only ever
// inserted as text nodes.

const ALLOWED = new Set([
  'P',
  'BR',
  'A',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'DEL',
  'S',
  'SUB',
  'SUP',
  'HR',
]);
/** Dropped with their content; any other unknown element is unwrapped. */
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'NOSCRIPT',
  'TEXTAREA',
  'SELECT',
]);
const SAFE_HREF = /^(https?:|mailto:|\/(?!\/))/i;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * One regexp for every flagged phrase. A phrase that starts or ends with a letter matches at
 * word edges ("ass" not inside "class") unless the text only has it inside a longer word.
 */
export function buildMatcher(matches: readonly string[], text: string): RegExp | null {
  const phrases = [...new Set(matches.map((m) => m.trim()).filter((m) => m.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (phrases.length === 0) return null;
  const parts = phrases.map((p) => {
    const core = escapeRegExp(p).replace(/\s+/g, '\\s+');
    const bounded = `${WORD_CHAR.test(p[0]!) ? '(?<![\\p{L}\\p{N}])' : ''}${core}${WORD_CHAR.test(p.at(-1)!) ? '(?![\\p{L}\\p{N}])' : ''}`;
    return new RegExp(bounded, 'iu').test(text) ? bounded : core;
  });
  return new RegExp(parts.join('|'), 'giu');
}

/** Appends `text` to `parent`, with every match of `re` wrapped in <mark>. */
export function appendHighlighted(parent: Node, text: string, re: RegExp | null): void {
  if (!re) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    parent.appendChild(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}

function copyNodes(from: Node, to: Node, re: RegExp | null): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      appendHighlighted(to, node.textContent ?? '', re);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyNodes(el, to, re);
      continue;
    }
    const clone = document.createElement(tag.toLowerCase());
    if (tag === 'A') {
      const href = el.getAttribute('href')?.trim();
      if (href && SAFE_HREF.test(href)) {
        clone.setAttribute('href', href);
        clone.setAttribute('rel', 'nofollow ugc noopener noreferrer');
        clone.setAttribute('target', '_blank');
      }
    }
    copyNodes(el, clone, re);
    to.appendChild(clone);
  }
}

/** Rebuilds comment html from the allowlist, marking `matches`. */
export function renderCommentHtml(
  html: string,
  matches: readonly string[] = [],
  plainText = '',
): DocumentFragment {
  // Template content is inert: nothing in it loads or runs while we read it.
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const out = document.createDocumentFragment();
  copyNodes(tpl.content, out, buildMatcher(matches, plainText || (tpl.content.textContent ?? '')));
  return out;
}
