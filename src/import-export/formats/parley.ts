// Reading and writing Parley's own export (format in parley-format.ts). Both stream: the writer
// turns records into lines as they come, the reader yields each line's record as it is read.
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { ImportFormatError } from './format-error.js';
import { readJsonLines } from './json-lines.js';
import {
  PARLEY_EXPORT_FORMAT,
  PARLEY_EXPORT_VERSION,
  ParleyEndSchema,
  ParleyHeaderSchema,
  type ParleyHeader,
  type ParleyRecord,
  ParleyRecordSchema,
} from './parley-format.js';
import { type SkippedRecord, skipped } from './records.js';

export type ParleyHeaderRecord = { type: 'header' } & ParleyHeader;

/** A record the writer was handed does not fit the format: a bug on the exporting side. */
export class ParleyRecordInvalidError extends Error {
  readonly code = 'PARLEY_EXPORT_RECORD_INVALID';
  constructor(
    readonly recordType: string,
    readonly issues: string[],
  ) {
    super(`Cannot export this ${recordType} record: ${issues.join('; ')}`);
    this.name = 'ParleyRecordInvalidError';
  }
}

export interface WriteParleyExportOptions {
  exportedAt?: Date;
  generator?: string;
}

/** One string per line, each ending in "\n": pipe it to a file or an HTTP response. */
export async function* writeParleyExport(
  records: AsyncIterable<ParleyRecord> | Iterable<ParleyRecord>,
  options: WriteParleyExportOptions = {},
): AsyncGenerator<string> {
  const header = ParleyHeaderSchema.encode({
    format: PARLEY_EXPORT_FORMAT,
    version: PARLEY_EXPORT_VERSION,
    exportedAt: options.exportedAt ?? new Date(),
    ...(options.generator ? { generator: options.generator } : {}),
  });
  yield `${JSON.stringify(header)}\n`;
  const counts: Record<string, number> = {};
  for await (const record of records) {
    const encoded = ParleyRecordSchema.safeEncode(record);
    if (!encoded.success) {
      throw new ParleyRecordInvalidError(
        String((record as { type?: unknown }).type),
        encoded.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    counts[record.type] = (counts[record.type] ?? 0) + 1;
    yield `${JSON.stringify(encoded.data)}\n`;
  }
  yield `${JSON.stringify(ParleyEndSchema.encode({ type: 'end', counts }))}\n`;
}

export async function* readParleyExport(
  input: Readable,
): AsyncGenerator<ParleyHeaderRecord | ParleyRecord | SkippedRecord> {
  let header = false;
  let ended = false;
  let records = 0;
  let lastLine = 1;
  for await (const entry of readJsonLines('parley', input)) {
    lastLine = entry.line;
    if (!header) {
      const parsed = entry.ok
        ? ParleyHeaderSchema.safeDecode(entry.value as z.input<typeof ParleyHeaderSchema>)
        : null;
      if (!parsed?.success)
        throw new ImportFormatError(
          'parley',
          entry.line,
          `the first line is not a ${PARLEY_EXPORT_FORMAT} header`,
        );
      if (parsed.data.version > PARLEY_EXPORT_VERSION) {
        throw new ImportFormatError(
          'parley',
          entry.line,
          `export version ${parsed.data.version} is newer than this Parley reads (${PARLEY_EXPORT_VERSION})`,
        );
      }
      header = true;
      yield { type: 'header', ...parsed.data };
      continue;
    }
    if (ended) {
      yield skipped('record', null, 'line after the end line', entry.line);
      continue;
    }
    if (!entry.ok) {
      records++;
      yield skipped('record', null, entry.error, entry.line);
      continue;
    }
    const end = ParleyEndSchema.safeParse(entry.value);
    if (end.success) {
      ended = true;
      const expected = Object.values(end.data.counts).reduce((a, b) => a + b, 0);
      if (expected !== records) {
        throw new ImportFormatError(
          'parley',
          entry.line,
          `the end line counts ${expected} records but ${records} were read: lines are missing`,
        );
      }
      continue;
    }
    records++;
    // decode validates at run time; the cast only names the wire shape it checks against.
    const parsed = ParleyRecordSchema.safeDecode(entry.value as z.input<typeof ParleyRecordSchema>);
    if (parsed.success) {
      yield parsed.data;
    } else {
      const value = entry.value as { type?: unknown; id?: unknown } | null;
      const type = typeof value?.type === 'string' ? value.type : 'record';
      const issue = parsed.error.issues[0];
      yield skipped(
        type === 'post' ? 'thread' : type === 'comment' ? 'comment' : 'record',
        typeof value?.id === 'string' ? value.id : null,
        `${type} record is malformed: ${issue?.path.join('.')} ${issue?.message}`,
        entry.line,
      );
    }
  }
  if (!header) throw new ImportFormatError('parley', 1, 'the file is empty');
  if (!ended)
    throw new ImportFormatError('parley', lastLine, 'the export has no end line: it is truncated');
}
