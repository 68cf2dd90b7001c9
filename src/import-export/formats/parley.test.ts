import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  collect,
  expectedRecords,
  fixturePath,
  fixtureStream,
  textStream,
} from '../../../test/helpers/import-records.js';
import { ImportFormatError } from './format-error.js';
import {
  ParleyRecordInvalidError,
  type ParleyHeaderRecord,
  readParleyExport,
  writeParleyExport,
} from './parley.js';
import type { ParleyComment, ParleyRecord } from './parley-format.js';

const fixture = readFileSync(fixturePath('parley-export.jsonl'), 'utf8');
const lines = fixture.trimEnd().split('\n');

async function write(records: ParleyRecord[], header: ParleyHeaderRecord): Promise<string> {
  let out = '';
  for await (const line of writeParleyExport(records, {
    exportedAt: header.exportedAt,
    ...(header.generator ? { generator: header.generator } : {}),
  }))
    out += line;
  return out;
}

async function failure(input: string): Promise<ImportFormatError> {
  const err = await collect(readParleyExport(textStream(input, 100))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFormatError);
  return err as ImportFormatError;
}

describe('Parley export', () => {
  test('when the fixture is read, then the header and every record come back with Date objects', async () => {
    const records = await collect(readParleyExport(fixtureStream('parley-export.jsonl')));
    expect(records).toEqual(expectedRecords('parley-export.expected.json'));
    expect((records[4] as ParleyComment).editedAt).toBeInstanceOf(Date);
  });

  test('when the expected records are written, then the output is the fixture byte for byte', async () => {
    const [header, ...records] = expectedRecords<ParleyHeaderRecord | ParleyRecord>(
      'parley-export.expected.json',
    );
    expect(await write(records as ParleyRecord[], header as ParleyHeaderRecord)).toBe(fixture);
  });

  test('when the writer is given an async stream, then it writes one line per record with a header and an end line', async () => {
    async function* source(): AsyncGenerator<ParleyRecord> {
      yield { type: 'spam-model', siteId: 's1', counts: { spam: 1 } };
    }
    const out: string[] = [];
    for await (const line of writeParleyExport(source(), {
      exportedAt: new Date('2024-01-01T00:00:00Z'),
    }))
      out.push(line);
    expect(out).toEqual([
      '{"format":"parley-export","version":1,"exportedAt":"2024-01-01T00:00:00.000Z"}\n',
      '{"type":"spam-model","siteId":"s1","counts":{"spam":1}}\n',
      '{"type":"end","counts":{"spam-model":1}}\n',
    ]);
  });

  test('when the writer is handed a record that does not fit the format, then it throws a typed error naming the field', async () => {
    const bad = {
      type: 'ban',
      id: 'b',
      siteId: 's',
      kind: 'fingerprint',
      value: 'x',
      reason: null,
      expiresAt: null,
      createdById: null,
      createdAt: new Date(),
    };
    const err = await collect(writeParleyExport([bad as unknown as ParleyRecord])).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ParleyRecordInvalidError);
    expect((err as ParleyRecordInvalidError).message).toMatch(/kind/);
  });

  test('when one record line is malformed, then it is skipped with its line and the rest is read', async () => {
    const broken = [...lines];
    broken[3] = broken[3]!.replace('"closed":false', '"closed":"no"');
    broken[5] = 'not json';
    const records = await collect(readParleyExport(textStream(`${broken.join('\n')}\n`)));
    expect(records.filter((r) => r.type === 'skipped')).toEqual([
      {
        type: 'skipped',
        sourceId: '0190a000-0000-7000-8000-000000000010',
        entity: 'thread',
        reason: 'post record is malformed: closed Invalid input: expected boolean, received string',
        line: 4,
      },
      {
        type: 'skipped',
        sourceId: null,
        entity: 'record',
        reason: 'line is not valid JSON',
        line: 6,
      },
    ]);
    expect(records).toHaveLength(lines.length - 1);
  });

  test('when the end line is missing, then the export is refused as truncated', async () => {
    const err = await failure(`${lines.slice(0, -1).join('\n')}\n`);
    expect(err.detail).toMatch(/no end line/);
    expect(err.line).toBe(lines.length - 1);
  });

  test('when lines are missing before the end line, then the count check refuses the file', async () => {
    const err = await failure(`${[...lines.slice(0, 4), ...lines.slice(6)].join('\n')}\n`);
    expect(err.detail).toMatch(/counts 9 records but 7 were read/);
  });

  test('when the first line is not the header, or from a newer version, then the file is refused at line 1', async () => {
    expect((await failure(`${lines[1]}\n`)).line).toBe(1);
    expect(
      (
        await failure(
          '{"format":"parley-export","version":2,"exportedAt":"2024-01-01T00:00:00Z"}\n',
        )
      ).detail,
    ).toMatch(/newer/);
  });
});
