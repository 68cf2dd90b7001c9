import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { listMigrations, migrate } from '../../src/db/migrate.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { PROJECT_ROOT } from '../helpers/process.js';

const MIGRATIONS = join(PROJECT_ROOT, 'prisma/migrations');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

test('when the schema is compared with the migrations, then nothing is left unmigrated', () => {
  const out = execFileSync(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts/new-migration.mjs'), '--check'],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  expect(out).toContain('in step');
});

test('when both stores are listed, then they have the same migrations', () => {
  const names = (p: string) => listMigrations(join(MIGRATIONS, p)).map((m) => m.name);
  expect(names('sqlite')).toEqual(names('postgresql'));
});

describe.each(PROVIDERS)('migrations on %s', (provider) => {
  let database: TestDatabase;

  test('when applied twice, then the second run applies nothing', async () => {
    database = await createTestDatabase(provider);
    cleanups.push(() => database.drop());
    const first = await migrate(provider, database.url, MIGRATIONS);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(provider, database.url, MIGRATIONS)).toEqual([]);
  });

  test('when two processes migrate at once, then each migration is applied once', async () => {
    const db = await createTestDatabase(provider);
    cleanups.push(() => db.drop());
    const [a, b] = await Promise.all([
      migrate(provider, db.url, MIGRATIONS),
      migrate(provider, db.url, MIGRATIONS),
    ]);
    expect([...a, ...b].sort()).toEqual(
      listMigrations(join(MIGRATIONS, provider)).map((m) => m.name),
    );
  });
});

test('when an SQLite database with threads is upgraded, then replies keep their parents', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-upgrade-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const onlyFirst = join(dir, 'migrations');
  const first = readdirSync(join(MIGRATIONS, 'sqlite'))
    .filter((n) => /^\d/.test(n))
    .sort()[0]!;
  cpSync(join(MIGRATIONS, 'sqlite', first), join(onlyFirst, 'sqlite', first), { recursive: true });
  const url = `file:${join(dir, 'old.db')}`;
  await migrate('sqlite', url, onlyFirst);

  const db = new Database(join(dir, 'old.db'));
  db.exec(`INSERT INTO Site (id, slug, name, allowedOrigins, settings, updatedAt) VALUES ('s', 's', 'S', '[]', '{}', 0);
    INSERT INTO Post (id, siteId, slug, title, updatedAt) VALUES ('p', 's', 'p', 'P', 0);`);
  const insert =
    db.prepare(`INSERT INTO Comment (id, siteId, postId, parentId, rootId, authorName, authorEmail, authorHash, body, html, screening, ipHash, contentHash, updatedAt)
    VALUES (?, 's', 'p', ?, 'a', 'n', 'e@x.org', 'h', 'b', 'b', '{}', 'i', 'c', 0)`);
  insert.run('a', null);
  insert.run('b', 'a');
  db.close();

  await migrate('sqlite', url, MIGRATIONS);
  const after = new Database(join(dir, 'old.db'));
  expect(after.prepare(`SELECT parentId FROM Comment WHERE id = 'b'`).get()).toEqual({
    parentId: 'a',
  });
  after.close();
});

test("when a PostgreSQL database is migrated, then Prisma's bookkeeping table agrees", async () => {
  const db = await createTestDatabase('postgresql');
  cleanups.push(() => db.drop());
  await migrate('postgresql', db.url, MIGRATIONS);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query(
    'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name',
  );
  await client.end();
  expect(rows).toEqual(
    listMigrations(join(MIGRATIONS, 'postgresql')).map((m) => ({
      migration_name: m.name,
      checksum: m.checksum,
    })),
  );
});
