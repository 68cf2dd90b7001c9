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
  // two prisma CLI runs: slow on a loaded machine
}, 90_000);

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

describe.each(PROVIDERS)('migration history on %s', (provider) => {
  const run = async (db: TestDatabase, sql: string, params: unknown[] = []) => {
    if (provider === 'sqlite') {
      const d = new Database(db.url.replace(/^file:/, ''));
      d.prepare(sql).run(...params);
      d.close();
      return;
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      sql.replace(
        /\?/g,
        (() => {
          let i = 0;
          return () => `$${++i}`;
        })(),
      ),
      params,
    );
    await client.end();
  };

  test('when a migration failed half-way earlier, then start-up refuses with what to do', async () => {
    const db = await createTestDatabase(provider);
    cleanups.push(() => db.drop());
    await migrate(provider, db.url, MIGRATIONS);
    // what `prisma migrate deploy` leaves behind when a migration's SQL fails: no finished_at
    await run(
      db,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, 'x', '29990101000000_half_done', ${provider === 'sqlite' ? 'current_timestamp' : 'now()'}, 0)`,
      ['00000000-0000-0000-0000-00000000dead'],
    );
    await expect(migrate(provider, db.url, MIGRATIONS)).rejects.toThrow(
      /29990101000000_half_done failed earlier.*migrate resolve --rolled-back/,
    );
  });

  test('when the database has a migration this build lacks, then it is reported and start-up goes on', async () => {
    const db = await createTestDatabase(provider);
    cleanups.push(() => db.drop());
    await migrate(provider, db.url, MIGRATIONS);
    await run(
      db,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, 'x', '29990101000000_from_a_newer_version', ${provider === 'sqlite' ? 'current_timestamp, current_timestamp' : 'now(), now()'}, 1)`,
      ['00000000-0000-0000-0000-00000000beef'],
    );
    const unknown: string[][] = [];
    expect(
      await migrate(provider, db.url, MIGRATIONS, { onUnknown: (n) => unknown.push(n) }),
    ).toEqual([]);
    expect(unknown).toEqual([['29990101000000_from_a_newer_version']]);
  });
});

/** Tables, columns (type, nullability, default), indexes and foreign keys, comparable as JSON. */
async function describeSchema(provider: 'sqlite' | 'postgresql', url: string) {
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''), { readonly: true });
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    // Creation order (column cid, index seq) is history, not schema: compared by name.
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const out = tables.map((t) => ({
      table: t,
      columns: (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; cid?: number }[])
        .map(({ cid: _cid, ...c }) => c)
        .sort(byName),
      indexes: (db.prepare(`PRAGMA index_list("${t}")`).all() as { name: string; seq?: number }[])
        .map(({ seq: _seq, ...i }) => ({
          ...i,
          columns: db.prepare(`PRAGMA index_info("${i.name}")`).all(),
        }))
        .sort(byName),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${t}")`).all(),
    }));
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = async (sql: string) => (await client.query(sql)).rows;
  const out = {
    columns: await q(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    ),
    indexes: await q(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
    ),
    constraints: await q(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
    ),
    enums: await q(
      `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`,
    ),
  };
  await client.end();
  return out;
}

describe.each(PROVIDERS)('the migrations on %s', (provider) => {
  test('when every migration is applied, then the database is exactly what the schema describes', async () => {
    const migrated = await createTestDatabase(provider);
    const direct = await createTestDatabase(provider);
    cleanups.push(
      () => migrated.drop(),
      () => direct.drop(),
    );
    await migrate(provider, migrated.url, MIGRATIONS);
    // The schema straight from prisma/schema.prisma (and its derived PostgreSQL variant, written
    // at install), as `prisma migrate diff` creates it from nothing.
    const schema =
      provider === 'sqlite'
        ? join(PROJECT_ROOT, 'prisma/schema.prisma')
        : join(PROJECT_ROOT, 'prisma/generated/schema.postgresql.prisma');
    const sql = execFileSync(
      'npx',
      [
        '--no-install',
        'prisma',
        'migrate',
        'diff',
        '--from-empty',
        '--to-schema-datamodel',
        schema,
        '--script',
      ],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          PRISMA_PROVIDER: provider,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          DATABASE_URL: direct.url,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (provider === 'sqlite') {
      const db = new Database(direct.url.replace(/^file:/, ''));
      db.exec(sql);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: direct.url });
      await client.connect();
      await client.query(sql);
      await client.end();
    }
    expect(await describeSchema(provider, migrated.url)).toEqual(
      await describeSchema(provider, direct.url),
    );
  }, 90_000);
});
