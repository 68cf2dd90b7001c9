// Builds test/fixtures/import/isso.db from isso.sql (Isso's real schema and some rows), so the
// committed database can always be remade and reviewed as text.
//   npx tsx scripts/build-isso-fixture.ts
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dir = join(import.meta.dirname, '../test/fixtures/import');
const target = join(dir, 'isso.db');
rmSync(target, { force: true });
const db = new Database(target);
db.exec(readFileSync(join(dir, 'isso.sql'), 'utf8'));
// One file, no -wal/-shm beside it.
db.pragma('journal_mode = DELETE');
db.exec('VACUUM');
db.close();
console.log(`wrote ${target}`);
