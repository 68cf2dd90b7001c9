// Streaming XML for the Disqus and WXR readers: saxes events over text chunks, records handed
// out after every chunk, so memory holds one chunk and the entry being read, never the file.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFormatError } from './format-error.js';
import type { ImportFormat } from './records.js';
import { InputBytesError, textChunks } from './text-input.js';

export interface XmlHandler {
  open(tag: SaxesTagNS, line: number): void;
  text(text: string): void;
  close(tag: SaxesTagNS): void;
}

/** Deepest element nesting a file may have. */
export const MAX_XML_DEPTH = 200;

export async function* readXml<T>(
  format: ImportFormat,
  input: Readable,
  makeHandler: (emit: (record: T) => void) => XmlHandler,
): AsyncGenerator<T> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: T[] = [];
  const handler = makeHandler((record) => ready.push(record));
  let depth = 0;
  parser.on('opentag', (tag) => {
    // exports nest a handful of levels; thousands only make the readers' paths and stacks
    // grow with the square of the depth while the server waits
    if (++depth > MAX_XML_DEPTH)
      throw new ImportFormatError(
        format,
        parser.line,
        `elements are nested deeper than ${MAX_XML_DEPTH} levels`,
      );
    handler.open(tag, parser.line);
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => {
    depth--;
    handler.close(tag);
  });

  const fail = (err: unknown): never => {
    if (err instanceof ImportFormatError) throw err; // a handler's own verdict (wrong root element)
    // saxes prefixes its messages with "line:column: ", the position of the fault itself.
    const text = err instanceof Error ? err.message : String(err);
    const at = /^(\d+):\d+:\s*/.exec(text);
    throw new ImportFormatError(
      format,
      at ? Number(at[1]) : Math.max(parser.line, 1),
      at ? text.slice(at[0].length) : text,
      { cause: err },
    );
  };

  try {
    for await (const chunk of textChunks(input)) {
      parser.write(chunk);
      // Hand out what this chunk completed; the array is reused, not grown.
      for (const record of ready) yield record;
      ready.length = 0;
    }
    parser.close();
  } catch (err) {
    if (err instanceof InputBytesError)
      throw new ImportFormatError(format, Math.max(parser.line, 1), err.message, { cause: err });
    fail(err);
  }
  for (const record of ready) yield record;
}

/** Longest entry (all its text together) a reader keeps; bigger ones are skipped, not buffered. */
export const MAX_ENTRY_CHARS = 4 * 1024 * 1024;

/**
 * The text of one entry's descendants by path ("author/name", "thread@id"), first occurrence
 * wins. An entry is small (a comment), so a flat map is all a reader needs.
 */
export class EntryFields {
  readonly values = new Map<string, string>();
  readonly #stack: { path: string; text: string }[] = [];
  #size = 0;
  overflow = false;

  constructor(
    readonly line: number,
    attributes: Iterable<[string, string]> = [],
  ) {
    for (const [name, value] of attributes) this.values.set(`@${name}`, value);
  }

  get depth(): number {
    return this.#stack.length;
  }

  open(name: string, attributes: Iterable<[string, string]> = []): void {
    const parent = this.#stack.at(-1);
    const path = parent ? `${parent.path}/${name}` : name;
    this.#stack.push({ path, text: '' });
    for (const [attr, value] of attributes)
      if (!this.values.has(`${path}@${attr}`)) this.values.set(`${path}@${attr}`, value);
  }

  text(text: string): void {
    const top = this.#stack.at(-1);
    if (!top || this.overflow) return;
    this.#size += text.length;
    if (this.#size > MAX_ENTRY_CHARS) {
      this.overflow = true;
      return;
    }
    top.text += text;
  }

  close(): void {
    const top = this.#stack.pop();
    if (top && !this.values.has(top.path)) this.values.set(top.path, top.text.trim());
  }

  /** The trimmed text, or null when the element is missing or empty. */
  get(path: string): string | null {
    const value = this.values.get(path);
    return value === undefined || value === '' ? null : value;
  }
}
