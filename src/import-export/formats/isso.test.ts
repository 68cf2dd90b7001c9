import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { collect, expectedRecords, fixturePath } from '../../../test/helpers/import-records.js';
import { ImportFormatError } from './format-error.js';
import { readIssoDatabase } from './isso.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-isso-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(path: string): Promise<ImportFormatError> {
  const err = await collect(readIssoDatabase(path)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFormatError);
  return err as ImportFormatError;
}

describe('Isso database reader', () => {
  test('when the fixture database is read, then it yields threads, then comments by id, as expected', async () => {
    expect(await collect(readIssoDatabase(fixturePath('isso.db')))).toEqual(
      expectedRecords('isso.expected.json'),
    );
  });

  test('when the database is rebuilt from isso.sql, then it reads the same (the committed .db matches its SQL)', async () => {
    const path = join(dir, 'rebuilt.db');
    const db = new Database(path);
    db.exec(readFileSync(fixturePath('isso.sql'), 'utf8'));
    db.close();
    expect(await collect(readIssoDatabase(path))).toEqual(expectedRecords('isso.expected.json'));
  });

  test('when the file is not a SQLite database, then one ImportFormatError without a line', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(
      path,
      'This is not SQLite at all, just text that is long enough to have a header.'.repeat(10),
    );
    const err = await failure(path);
    expect(err.line).toBeNull();
    expect(err.format).toBe('isso');
  });

  test('when the database is some other application, then it is refused for lacking Isso tables', async () => {
    const path = join(dir, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE posts (id INTEGER PRIMARY KEY)');
    db.close();
    expect((await failure(path)).detail).toMatch(/no "threads" table/);
  });

  test('when the file does not exist, then it is refused, not created', async () => {
    expect((await failure(join(dir, 'missing.db'))).detail).toMatch(/cannot open/);
  });
});
