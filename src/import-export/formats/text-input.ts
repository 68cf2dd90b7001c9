// Byte streams → text chunks and lines, for every stream reader. Exports are often handed over
// compressed (Remark42 writes backup-*.gz, Commento e-mails a gzip), so gzip is detected by its
// magic bytes and undone on the fly rather than asking the caller to know.
import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** Thrown by the helpers below when the bytes themselves are broken (bad gzip). */
export class InputBytesError extends Error {}

export async function* textChunks(input: Readable): AsyncGenerator<string> {
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await source.next();
  if (first.done) return;
  const head = first.value;
  const gzipped =
    typeof head !== 'string' && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  async function* all(): AsyncGenerator<Buffer | string> {
    try {
      yield head;
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      await source.return?.(); // a reader that stops early releases the file
    }
  }
  let chunks: AsyncIterable<Buffer | string> = all();
  if (gzipped) {
    const gunzip = createGunzip();
    chunks = pipeline(Readable.from(all(), { objectMode: false }), gunzip, () => {});
  }
  const decoder = new StringDecoder('utf8');
  let started = false;
  try {
    for await (const chunk of chunks) {
      let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not content
      }
      if (text.length > 0) yield text;
    }
  } catch (err) {
    if (gzipped)
      throw new InputBytesError(`the gzip data is broken: ${(err as Error).message}`, {
        cause: err,
      });
    throw err;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

export interface Line {
  /** 1-based */
  number: number;
  text: string;
  /** false for a last line with no newline after it: a truncated file looks like this. */
  terminated: boolean;
}

/** Longest line a reader takes: a record is one line, and an entry is at most 4 Mi characters. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export async function* textLines(input: Readable): AsyncGenerator<Line> {
  // the start of a line that has not ended yet, as the chunks it came in: appending them to
  // one string and searching it again for every chunk was quadratic in a long line
  let parts: string[] = [];
  let partsLength = 0;
  let number = 0;
  const line = (tail: string): string => {
    const text = parts.length === 0 ? tail : parts.join('') + tail;
    parts = [];
    partsLength = 0;
    return text;
  };
  for await (const chunk of textChunks(input)) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      let text = line(chunk.slice(start, nl));
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      yield { number: ++number, text, terminated: true };
      start = nl + 1;
    }
    if (start < chunk.length) {
      parts.push(start === 0 ? chunk : chunk.slice(start));
      partsLength += chunk.length - start;
      if (partsLength > MAX_LINE_CHARS)
        throw new InputBytesError(`line ${number + 1} is longer than ${MAX_LINE_CHARS} characters`);
    }
  }
  if (partsLength > 0) yield { number: ++number, text: line(''), terminated: false };
}
