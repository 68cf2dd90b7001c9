// Helpers for the import-format tests: collect a reader's stream, and turn the expected-record
// JSON files beside the fixtures (dates as ISO strings) back into records with Date objects.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';

export const IMPORT_FIXTURES = join(import.meta.dirname, '../fixtures/import');

export function fixturePath(name: string): string {
  return join(IMPORT_FIXTURES, name);
}

export function fixtureStream(name: string): Readable {
  return createReadStream(fixturePath(name));
}

export function textStream(text: string | Buffer, chunkSize = 7): Readable {
  // Small chunks on purpose: records, CDATA and UTF-8 characters get split across chunks.
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

export async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const DATE_KEYS = new Set([
  'createdAt',
  'exportedAt',
  'publishedAt',
  'editedAt',
  'decidedAt',
  'reportedAt',
  'resolvedAt',
  'expiresAt',
  'undoneAt',
]);

/** The expected records of a fixture, with the ISO strings of date fields made Dates again. */
export function expectedRecords<T = unknown>(name: string): T[] {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8'), (key, value: unknown) =>
    DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as T[];
}
