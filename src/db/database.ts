// Opens the store named by DATABASE_URL through a Prisma driver adapter: better-sqlite3 for
// file: URLs, node-postgres for postgresql:// URLs. Both generated clients come from the one
// schema, so the rest of the code types against one of them.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import {
  PrismaClient as PostgresClient,
  type Prisma as PostgresPrisma,
} from '../generated/postgresql/client.js';
import { createPgPool } from './pg-pool.js';
import { sqliteFilePath } from './sqlite-path.js';

export type Db = SqliteClient;
// The namespace (types, and Prisma.sql / Prisma.join for raw queries in repos).
export { Prisma } from '../generated/sqlite/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
/** A client or an open transaction: repo functions that may run inside one take this. */
export type DbClient = Db | Prisma.TransactionClient;

/** A transaction of `db`: everything `fn` writes through `tx` commits together or not at all. */
export function inTransaction<T>(
  db: Db,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return db.$transaction(fn, options);
}

/** Which store a client talks to: the few queries that differ by dialect ask (see text filters). */
const dialects = new WeakMap<object, 'sqlite' | 'postgresql'>();

export function dialectOf(db: DbClient): 'sqlite' | 'postgresql' {
  return dialects.get(db) ?? 'sqlite';
}

/**
 * "Contains, ignoring letter case" on either store: SQLite's LIKE already folds ASCII, while
 * PostgreSQL compares case-sensitively unless asked. `mode` exists only on the PostgreSQL
 * client's types: the filter is checked against those, and passes for the shared (SQLite) type
 * as an object with one more key.
 */
export function containsIgnoringCase(db: DbClient, text: string): Prisma.StringFilter {
  if (dialectOf(db) === 'sqlite') return { contains: text };
  const insensitive = { contains: text, mode: 'insensitive' } satisfies PostgresPrisma.StringFilter;
  return insensitive;
}

/** True when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ModelMap = {
  model: Record<string, { payload: { scalars: unknown }; operations: Record<string, unknown> }>;
};
type Rows<M extends ModelMap> = { [K in keyof M['model']]: M['model'][K]['payload']['scalars'] };
type Operations<M extends ModelMap> = {
  [K in keyof M['model']]: keyof M['model'][K]['operations'];
};

/**
 * What the cast below relies on, checked by tsc: both clients have the same models, the same
 * operations on each, and return the same rows. Their argument types cannot be checked the same
 * way: with `mode` taken out they still differ (string filters' in / notIn / not), and tsc cannot
 * relate the two generated copies' generic delegate methods at all.
 */
const CLIENTS_AGREE: Same<Rows<PostgresPrisma.TypeMap>, Rows<Prisma.TypeMap>> &
  Same<Operations<PostgresPrisma.TypeMap>, Operations<Prisma.TypeMap>> = true;

/**
 * The PostgreSQL client, typed as the shared Db (the SQLite client's type). The one cast between
 * the two clients: tsc cannot prove the generated copies assignable (see CLIENTS_AGREE), and the
 * repos are written against one type so that both stores run the same code.
 */
function asSharedClient(client: PostgresClient): Db {
  void CLIENTS_AGREE;
  return client as unknown as Db;
}

/**
 * A transaction may wait this long for a connection under a burst (Prisma's default, 2 s,
 * fails busy moments that a pool would ride out) and run this long before it is given up.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export interface Database {
  db: Db;
  provider: 'sqlite' | 'postgresql';
  /** The PostgreSQL pool's connections: all, idle, and requests waiting for one (metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export async function openDatabase(
  provider: 'sqlite' | 'postgresql',
  url: string,
): Promise<Database> {
  if (provider === 'sqlite') {
    const db = new SqliteClient({
      adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 }),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    // WAL lets readers go on while a comment is written; NORMAL sync is safe under WAL.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await db.$queryRawUnsafe('PRAGMA temp_store = MEMORY');
    await db.$queryRawUnsafe('PRAGMA cache_size = -32000');
    dialects.set(db, 'sqlite');
    return { db, provider, close: () => db.$disconnect() };
  }
  const pool = createPgPool(url);
  const db = asSharedClient(
    new PostgresClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      transactionOptions: TRANSACTION_OPTIONS,
    }),
  );
  dialects.set(db, 'postgresql');
  return {
    db,
    provider,
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.$disconnect(),
  };
}
