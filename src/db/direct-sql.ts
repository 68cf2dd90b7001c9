// Plain SQL straight to the driver, for the few statements of the comment POST path: Prisma's
// client and query compiler cost more per statement than the database does, and its SQLite
// adapter prepares every statement anew. Statements are prepared once per text (better-sqlite3)
// or named (node-postgres prepares them once per connection). Only repo functions use this.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** What a statement may bind: dates are stored as Prisma stores them on each store. */
export type SqlParam = string | number | boolean | Date | null;

export interface DirectSql {
  readonly dialect: 'sqlite' | 'postgresql';
  /**
   * The rows of one statement, written with $1, $2… placeholders on both stores. Integers
   * come back as numbers, timestamps as Dates on PostgreSQL and as stored text on SQLite.
   * On SQLite it runs on Prisma's own connection, so inside an open transaction it is part of it.
   */
  query<T extends object>(sql: string, params: readonly SqlParam[]): Promise<T[]>;
}

/** SQLite: `?` placeholders, and the order in which the $n parameters bind to them. */
interface SqliteStatement {
  stmt: BetterSqlite3.Statement;
  order: number[];
}

const MAX_STATEMENTS = 500;

/** On Prisma's better-sqlite3 connection (`client()` is the connection open now). */
export function sqliteDirect(client: () => BetterSqlite3.Database): DirectSql {
  const cache = new Map<string, { db: BetterSqlite3.Database; s: SqliteStatement }>();
  const prepare = (sql: string): SqliteStatement => {
    const db = client();
    const hit = cache.get(sql);
    if (hit && hit.db === db) return hit.s;
    const order: number[] = [];
    const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
      order.push(Number(n) - 1);
      return '?';
    });
    const stmt = db.prepare(text);
    if (stmt.reader) stmt.safeIntegers(false);
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    const s = { stmt, order };
    cache.set(sql, { db, s });
    return s;
  };
  return {
    dialect: 'sqlite',
    query<T extends object>(sql: string, params: readonly SqlParam[]): Promise<T[]> {
      try {
        const { stmt, order } = prepare(sql);
        const args = order.map((i) => sqliteArg(params[i] ?? null));
        if (stmt.reader) return Promise.resolve(stmt.all(...args) as T[]);
        stmt.run(...args);
        return Promise.resolve([]);
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}

/** As Prisma's SQLite adapter binds values (its default ISO 8601 timestamps). */
function sqliteArg(v: SqlParam): string | number | null {
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

// Prisma's timestamp(3) columns hold UTC without a zone: read them as UTC whatever TZ says.
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const names = new Map<string, string>();
/** A statement's name: the same on every connection, which prepares it on first use. */
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `parley_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    if (names.size >= MAX_STATEMENTS) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * On the pool Prisma's PostgreSQL adapter uses (so its limits and timeouts hold here too), or
 * on the one connection of an open transaction.
 */
export function postgresDirect(pool: pg.Pool | pg.PoolClient): DirectSql {
  const parsers = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMP_OID) return (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
      if (oid === INT8_OID || oid === NUMERIC_OID) return (s: string) => Number(s);
      return pg.types.getTypeParser(oid, format ?? 'text');
    },
  };
  return {
    dialect: 'postgresql',
    async query<T extends object>(sql: string, params: readonly SqlParam[]): Promise<T[]> {
      const values = params.map((v) => (v instanceof Date ? v.toISOString() : v));
      const result = await pool.query({ name: nameOf(sql), text: sql, values, types: parsers });
      return result.rows as T[];
    },
  };
}
