// WordPress stores a comment as the author typed it and adds paragraphs only when it shows it
// (wpautop): a blank line is a new paragraph, a single newline a <br />. The WXR reader applies
// the same rule so a body is self-contained HTML. Markup that already has its blocks (Disqus,
// or Parley's own rendered HTML written by the WXR writer) comes out unchanged.

const BLOCK =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary';
const BLOCK_OPEN = new RegExp(`<(?:${BLOCK})(?=[\\s/>])[^>]*>`, 'gi');
const BLOCK_CLOSE = new RegExp(`</(?:${BLOCK})>`, 'gi');
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCK})(?=[\\s/>])`, 'i');
const ENDS_WITH_BLOCK = new RegExp(`(?:</(?:${BLOCK})>|<(?:${BLOCK})(?=[\\s/>])[^>]*>)$`, 'i');
const LEADING_BLOCKS = new RegExp(`^(?:</?(?:${BLOCK})(?=[\\s/>])[^>]*>\\s*)+`, 'i');
const TRAILING_BLOCKS = new RegExp(`(?:\\s*</?(?:${BLOCK})(?=[\\s/>])[^>]*>)+$`, 'i');
const AFTER_OPEN_NL = new RegExp(`(<(?:${BLOCK})(?=[\\s/>])[^>]*>)[ \\t]*\\n`, 'gi');
const BEFORE_CLOSE_NL = new RegExp(`\\n[ \\t]*(</(?:${BLOCK})>)`, 'gi');

export function wordpressAutop(text: string): string {
  let s = text.replace(/\r\n?/g, '\n');
  if (!s.includes('\n')) return s;

  // <pre> keeps its newlines: set aside behind a marker XML text can never contain (NUL).
  const pres: string[] = [];
  s = s.replace(
    /<pre(?=[\s>])[\s\S]*?<\/pre>/gi,
    (m) => `<pre>\u0000${pres.push(m) - 1}\u0000</pre>`,
  );

  s = s.replace(BLOCK_OPEN, '\n\n$&').replace(BLOCK_CLOSE, '$&\n\n');
  const chunks = s
    .split(/\n[ \t]*\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const out = chunks.map((chunk) => {
    const lines = chunk
      .replace(AFTER_OPEN_NL, '$1')
      .replace(BEFORE_CLOSE_NL, '$1')
      .replace(/(<br\s*\/?>)?[ \t]*\n/gi, (m, br: string | undefined) => (br ? m : '<br />\n'));
    const starts = STARTS_WITH_BLOCK.test(lines);
    const ends = ENDS_WITH_BLOCK.test(lines);
    if (starts && ends) return lines;
    // Text that runs into a block tag: the paragraph goes inside, as in "<blockquote><p>…</p>".
    if (starts) {
      const lead = LEADING_BLOCKS.exec(lines)![0];
      return `${lead.trim()}<p>${lines.slice(lead.length)}</p>`;
    }
    if (ends) {
      const trail = TRAILING_BLOCKS.exec(lines)![0];
      return `<p>${lines.slice(0, lines.length - trail.length)}</p>${trail.trim()}`;
    }
    return `<p>${lines}</p>`;
  });
  return out
    .join('\n')
    .replace(/<pre>\u0000(\d+)\u0000<\/pre>/g, (_, i: string) => pres[Number(i)]!);
}
