// The one error a reader throws: the file as a whole cannot be read (not this format, not
// well-formed, cut off). Problems with single entries are yielded as SkippedRecords instead.
import type { ImportFormat } from './records.js';

export class ImportFormatError extends Error {
  readonly code = 'IMPORT_FORMAT_INVALID';

  constructor(
    readonly format: ImportFormat,
    /** 1-based line where reading stopped (for a truncated file, its last line); null for SQLite. */
    readonly line: number | null,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Cannot read this ${format} file${line === null ? '' : ` (line ${line})`}: ${detail}`,
      options,
    );
    this.name = 'ImportFormatError';
  }
}
