// Upgrades with several processes: three separate processes migrate one fresh database at the
// same moment, on each store. Every migration must be applied exactly once, by one of them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { listMigrations } from '../../src/db/migrate.js';
import { sqliteFilePath } from '../../src/db/sqlite-path.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { PROJECT_ROOT } from '../helpers/process.js';

const run = promisify(execFile);
const PROCESSES = 3;
const cleanups: TestDatabase[] = [];
afterAll(async () => {
  for (const d of cleanups) await d.drop();
});

async function recordedNames(provider: string, url: string): Promise<string[]> {
  const sql = 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL';
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    try {
      return (db.prepare(sql).all() as { migration_name: string }[]).map((r) => r.migration_name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ migration_name: string }>(sql)).rows.map((r) => r.migration_name);
  } finally {
    await client.end();
  }
}

describe.each(PROVIDERS)('on %s', (provider) => {
  test(`when ${PROCESSES} processes start on one fresh database at once, then each migration is applied exactly once`, async () => {
    const database = await createTestDatabase(provider);
    cleanups.push(database);
    const outputs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        run(
          process.execPath,
          [
            '--import',
            'tsx',
            join(PROJECT_ROOT, 'test/helpers/migrate-child.ts'),
            provider,
            database.url,
          ],
          { cwd: PROJECT_ROOT },
        ),
      ),
    );
    const applied = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    const expected = listMigrations(join(PROJECT_ROOT, 'prisma/migrations', provider)).map(
      (m) => m.name,
    );
    expect(applied.sort()).toEqual(expected);
    expect((await recordedNames(provider, database.url)).sort()).toEqual(expected);
  }, 90_000);
});
