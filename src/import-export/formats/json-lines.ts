// JSON lines with line numbers, for Remark42 backups and Parley exports: one JSON value per
// line, read line by line. A line that is not JSON is the caller's to skip; a file that stops
// in the middle of a line (no final newline, no valid JSON) is truncated and throws.
import type { Readable } from 'node:stream';
import { ImportFormatError } from './format-error.js';
import type { ImportFormat } from './records.js';
import { InputBytesError, textLines } from './text-input.js';

export type JsonLine =
  | { line: number; ok: true; value: unknown }
  | { line: number; ok: false; error: string };

export async function* readJsonLines(
  format: ImportFormat,
  input: Readable,
): AsyncGenerator<JsonLine> {
  let last = 0;
  try {
    for await (const { number, text, terminated } of textLines(input)) {
      last = number;
      if (text.trim() === '') continue;
      try {
        yield { line: number, ok: true, value: JSON.parse(text) as unknown };
      } catch (err) {
        if (!terminated)
          throw new ImportFormatError(
            format,
            number,
            'the file ends in the middle of a line: it is truncated',
          );
        // Not the engine's message: it differs between Node versions.
        yield { line: number, ok: false, error: 'line is not valid JSON' };
      }
    }
  } catch (err) {
    if (err instanceof InputBytesError)
      throw new ImportFormatError(format, Math.max(last, 1), err.message, { cause: err });
    throw err;
  }
}
