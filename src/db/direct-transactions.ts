// Direct SQL inside a Prisma transaction: each adapter's transaction is noted as it opens, so
// the transaction client that Prisma hands the callback can be given direct SQL on the same
// connection (SQLite has one; on PostgreSQL it is the pool connection the transaction holds),
// refused once the transaction has ended (committed, rolled back, or given up on a timeout).
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { postgresDirect, type DirectSql } from './direct-sql.js';

interface Opened {
  closed: boolean;
  conn?: pg.PoolClient;
}

/** What an adapter's transactions look like to this file. */
interface TransactionStarter {
  startTransaction(
    ...args: never[]
  ): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
}

type Begin<T> = (fn: (tx: object) => Promise<T>) => Promise<T>;

/** Runs one transaction so that its callback's client has direct SQL (see directSqlIn). */
export interface TransactionNotes {
  run<T>(begin: Begin<T>, fn: (tx: object) => Promise<T>): Promise<T>;
}

const inTransactions = new WeakMap<object, DirectSql>();

/** The direct SQL of a transaction client TransactionNotes ran, or null. */
export function directSqlOfTransaction(tx: object): DirectSql | null {
  return inTransactions.get(tx) ?? null;
}

function whileOpen(direct: DirectSql, opened: Opened): DirectSql {
  return {
    dialect: direct.dialect,
    query(sql, params) {
      if (opened.closed) return Promise.reject(new Error('Transaction already closed'));
      return direct.query(sql, params);
    },
  };
}

/**
 * SQLite: the adapter opens one transaction at a time (a mutex), on its one connection, so the
 * transaction open while a callback runs is that callback's. `watch` each adapter it connects.
 */
export function sqliteTransactionNotes(direct: DirectSql) {
  let current: Opened | null = null;
  return {
    watch(adapter: TransactionStarter): void {
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args) => {
        const tx = await start(...args);
        const opened: Opened = { closed: false };
        current = opened;
        const end = () => {
          opened.closed = true;
          if (current === opened) current = null;
        };
        const [commit, rollback] = [tx.commit.bind(tx), tx.rollback.bind(tx)];
        tx.commit = () => (end(), commit());
        tx.rollback = () => (end(), rollback());
        return tx;
      };
    },
    run<T>(begin: Begin<T>, fn: (tx: object) => Promise<T>): Promise<T> {
      return begin((tx) => {
        if (current) inTransactions.set(tx, whileOpen(direct, current));
        return fn(tx);
      });
    },
  } satisfies TransactionNotes & { watch(adapter: TransactionStarter): void };
}

/**
 * PostgreSQL: transactions run side by side, each on its own pool connection. The first
 * connection taken (promise-style: pg-pool's own queries pass a callback) in the context of
 * run() is the one the adapter's startTransaction opened.
 */
export function postgresTransactionNotes(pool: pg.Pool): TransactionNotes {
  const context = new AsyncLocalStorage<Opened>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = ((...args: unknown[]) => {
    if (args.length > 0) return (connect as (...a: unknown[]) => unknown)(...args);
    return connect().then((conn) => {
      const opened = context.getStore();
      if (opened && !opened.conn && !opened.closed) {
        opened.conn = conn;
        const release = conn.release.bind(conn);
        conn.release = (err?: Error | boolean) => {
          opened.closed = true;
          release(err);
        };
      }
      return conn;
    });
  }) as typeof pool.connect;
  return {
    run<T>(begin: Begin<T>, fn: (tx: object) => Promise<T>): Promise<T> {
      const opened: Opened = { closed: false };
      return context.run(opened, () =>
        begin((tx) => {
          if (opened.conn) inTransactions.set(tx, whileOpen(postgresDirect(opened.conn), opened));
          return fn(tx);
        }),
      );
    },
  };
}
