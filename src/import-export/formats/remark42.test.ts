import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  collect,
  expectedRecords,
  fixturePath,
  fixtureStream,
  textStream,
} from '../../../test/helpers/import-records.js';
import { ImportFormatError } from './format-error.js';
import { readRemark42Backup } from './remark42.js';

const backup = readFileSync(fixturePath('remark42-backup.jsonl'), 'utf8');
const [metaLine, ...commentLines] = backup.trimEnd().split('\n');

async function failure(input: string): Promise<ImportFormatError> {
  const err = await collect(readRemark42Backup(textStream(input, 50))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFormatError);
  return err as ImportFormatError;
}

describe('Remark42 backup reader', () => {
  test('when the fixture is read, then it yields exactly the expected records', async () => {
    expect(await collect(readRemark42Backup(fixtureStream('remark42-backup.jsonl')))).toEqual(
      expectedRecords('remark42-backup.expected.json'),
    );
  });

  test('when the backup is the gzip Remark42 writes (backup-site-YYYYMMDD.gz), then it reads the same', async () => {
    expect(await collect(readRemark42Backup(textStream(gzipSync(backup), 333)))).toEqual(
      expectedRecords('remark42-backup.expected.json'),
    );
  });

  test('when a page shows up in several comments, then its thread is yielded once, before its first comment', async () => {
    const records = await collect(readRemark42Backup(fixtureStream('remark42-backup.jsonl')));
    const threads = records.filter((r) => r.type === 'thread');
    expect(threads.map((t) => t.sourceId)).toEqual([
      'https://remark.example.com/posts/hello/',
      'https://remark.example.com/posts/closed/',
    ]);
    expect(threads[1]).toMatchObject({ closed: true }); // read_only in the meta line
  });

  test('when the first line is a comment rather than the meta line, then the file is refused at line 1', async () => {
    const err = await failure(`${commentLines.join('\n')}\n`);
    expect(err.line).toBe(1);
    expect(err.detail).toMatch(/meta line/);
  });

  test('when the backup version is unknown, then the file is refused', async () => {
    expect((await failure('{"version":7,"users":[],"posts":[]}\n')).detail).toMatch(/version 7/);
  });

  test('when the file ends in the middle of a comment line, then it is refused as truncated on that line', async () => {
    const cut = `${metaLine}\n${commentLines[0]}\n${commentLines[1]!.slice(0, 40)}`;
    const err = await failure(cut);
    expect(err.line).toBe(3);
    expect(err.detail).toMatch(/truncated/);
  });

  test('when the file is empty, then it is refused', async () => {
    expect((await failure('')).detail).toMatch(/empty/);
  });
});
