// Opens the store named by DATABASE_URL through a Prisma driver adapter: better-sqlite3 for
// file: URLs, node-postgres for postgresql:// URLs. Both generated clients come from the one
// schema, so the rest of the code types against one of them.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import {
  PrismaClient as PostgresClient,
  type Prisma as PostgresPrisma,
} from '../generated/postgresql/client.js';
import { createPgPool } from './pg-pool.js';
import { sqliteFilePath } from './sqlite-path.js';
import { postgresDirect, sqliteDirect, type DirectSql } from './direct-sql.js';
import {
  directSqlOfTransaction,
  postgresTransactionNotes,
  sqliteTransactionNotes,
  type TransactionNotes,
} from './direct-transactions.js';

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
  const notes = transactionNotes.get(db);
  if (!notes) return db.$transaction(fn, options);
  return notes.run(
    (f) => db.$transaction((tx) => f(tx), options),
    (tx) => fn(tx as Prisma.TransactionClient),
  );
}

const transactionNotes = new WeakMap<object, TransactionNotes>();

/**
 * Direct SQL on the connection of a transaction opened by inTransaction, refused once it has
 * ended; null for any other client (then go through the client).
 */
export function directSqlIn(tx: DbClient): DirectSql | null {
  return directSqlOfTransaction(tx);
}

const directs = new WeakMap<object, DirectSql>();

/** The driver under a client opened here, for the hot path's plain SQL (see direct-sql.ts). */
export function directSqlOf(db: Db): DirectSql {
  const direct = directs.get(db);
  if (!direct) throw new Error('This client was not opened by openDatabase.');
  return direct;
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
    const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 });
    // Direct SQL shares the adapter's connection (one writer, and Prisma's transactions).
    let client: BetterSqlite3.Database | undefined;
    const direct = sqliteDirect(() => {
      if (!client?.open) throw new Error('The SQLite connection is not open.');
      return client;
    });
    const notes = sqliteTransactionNotes(direct);
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
      notes.watch(adapter);
      return adapter;
    };
    const db = new SqliteClient({ adapter: factory, transactionOptions: TRANSACTION_OPTIONS });
    // WAL lets readers go on while a comment is written; NORMAL sync is safe under WAL.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await db.$queryRawUnsafe('PRAGMA temp_store = MEMORY');
    await db.$queryRawUnsafe('PRAGMA cache_size = -32000');
    dialects.set(db, 'sqlite');
    directs.set(db, direct);
    transactionNotes.set(db, notes);
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
  directs.set(db, postgresDirect(pool));
  transactionNotes.set(db, postgresTransactionNotes(pool));
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
