// Opens the store named by DATABASE_URL through a Prisma driver adapter: better-sqlite3 for
// file: URLs, node-postgres for postgresql:// URLs. Both generated clients come from the one
// schema, so the rest of the code types against one of them.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.js';
import { createPgPool } from './pg-pool.js';
import { sqliteFilePath } from './sqlite-path.js';

export type Db = SqliteClient;
export type { Prisma } from '../generated/sqlite/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
/** A client or an open transaction: repo functions that may run inside one take this. */
export type DbClient = Db | Prisma.TransactionClient;

export interface Database {
  db: Db;
  provider: 'sqlite' | 'postgresql';
  close(): Promise<void>;
}

export async function openDatabase(
  provider: 'sqlite' | 'postgresql',
  url: string,
): Promise<Database> {
  if (provider === 'sqlite') {
    const db = new SqliteClient({
      adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 }),
    });
    // WAL lets readers go on while a comment is written; NORMAL sync is safe under WAL.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await db.$queryRawUnsafe('PRAGMA temp_store = MEMORY');
    await db.$queryRawUnsafe('PRAGMA cache_size = -32000');
    return { db, provider, close: () => db.$disconnect() };
  }
  const db = new PostgresClient({
    adapter: new PrismaPg(createPgPool(url), { disposeExternalPool: true }),
  }) as unknown as Db;
  return { db, provider, close: () => db.$disconnect() };
}
