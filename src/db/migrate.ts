// Applies pending migrations from prisma/migrations/<provider>/ at start-up, with the same
// bookkeeping table as `prisma migrate deploy` (_prisma_migrations, sha256 checksums), so
// either tool can be used on the same database. Runs on the raw drivers because a migration
// file holds many statements. On PostgreSQL an advisory lock keeps two processes that start
// together from applying the same migration twice.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';
import { sqliteFilePath } from './sqlite-path.js';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** A row of _prisma_migrations, as both stores return it (times as text or Date, or null). */
const HistoryRow = z.object({
  migration_name: z.string(),
  checksum: z.string(),
  finished_at: z.unknown(),
  rolled_back_at: z.unknown(),
});
type HistoryRow = z.infer<typeof HistoryRow>;
const HistoryRows = z.array(HistoryRow);

const HISTORY =
  'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations';

export class MigrationHistoryError extends Error {}

/**
 * What the database says was applied, checked against the folder the way `prisma migrate
 * deploy` does: a migration that started and never finished (and was not marked rolled back)
 * stops everything, since running later ones on a half-migrated schema does damage; an applied
 * migration whose file changed stops everything too. Applied migrations this build does not
 * have (a newer version ran here before) are reported, not fatal.
 */
export function readHistory(
  rows: HistoryRow[],
  files: MigrationFile[],
): { applied: Map<string, string>; unknown: string[] } {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(', ');
    throw new MigrationHistoryError(
      `migration ${names} failed earlier and was not finished: repair the database, then mark it with \`npx prisma migrate resolve --rolled-back ${failed[0]?.migration_name}\` (or --applied) before starting Parley`,
    );
  }
  const applied = new Map(
    rows
      .filter((r) => r.finished_at !== null && r.rolled_back_at === null)
      .map((r) => [r.migration_name, r.checksum]),
  );
  for (const f of files) {
    const sum = applied.get(f.name);
    if (sum !== undefined && sum !== f.checksum) {
      throw new MigrationHistoryError(`migration ${f.name} was changed after it was applied`);
    }
  }
  const known = new Set(files.map((f) => f.name));
  return { applied, unknown: [...applied.keys()].filter((n) => !known.has(n)) };
}

export interface MigrateOptions {
  /** Applied migrations missing from this build's folder (an older build on a newer database). */
  onUnknown?: (names: string[]) => void;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(
  provider: 'sqlite' | 'postgresql',
  url: string,
  migrationsRoot: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const files = listMigrations(join(migrationsRoot, provider));
  return provider === 'sqlite'
    ? migrateSqlite(url, files, options)
    : migratePostgres(url, files, options);
}

function migrateSqlite(url: string, files: MigrationFile[], options: MigrateOptions): string[] {
  const db = new Database(sqliteFilePath(url));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(TABLE_SQLITE);
    const { applied, unknown } = readHistory(HistoryRows.parse(db.prepare(HISTORY).all()), files);
    if (unknown.length > 0) options.onUnknown?.(unknown);
    const done: string[] = [];
    // Prisma redefines SQLite tables (create new, copy, drop old, rename). With foreign keys on,
    // dropping the old table would fire ON DELETE actions on the copied rows, and the pragma
    // cannot change inside a transaction: switch it off around the migration, then verify.
    db.pragma('foreign_keys = OFF');
    const isApplied = db.prepare(
      'SELECT 1 FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL',
    );
    for (const f of files.filter((m) => !applied.has(m.name))) {
      // IMMEDIATE takes the write lock first, so a second process waits and then skips it.
      const ran = db
        .transaction(() => {
          if (isApplied.get(f.name)) return false;
          db.exec(f.sql);
          db.prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`,
          ).run(randomUUID(), f.checksum, f.name);
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${f.name} left ${broken.length} broken foreign keys`);
          return true;
        })
        .immediate();
      if (ran) done.push(f.name);
    }
    db.pragma('foreign_keys = ON');
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(
  url: string,
  files: MigrationFile[],
  options: MigrateOptions,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(72707369)'); // "parley" migrations lock
    await client.query(TABLE_PG);
    const { rows } = await client.query(HISTORY);
    const { applied, unknown } = readHistory(HistoryRows.parse(rows), files);
    if (unknown.length > 0) options.onUnknown?.(unknown);
    const done: string[] = [];
    for (const f of files.filter((m) => !applied.has(m.name))) {
      await client.query('BEGIN');
      try {
        await client.query(f.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES ($1, $2, now(), $3, 1, now())`,
          [randomUUID(), f.checksum, f.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      done.push(f.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(72707369)').catch(() => {});
    await client.end();
  }
}
