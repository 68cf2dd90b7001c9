// Direct SQL (the POST path's plain statements) on both stores: values read back as Prisma
// stores them, and inside inTransaction it is part of the transaction (a rollback takes it back,
// and once the transaction has ended it refuses to run).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  directSqlIn,
  directSqlOf,
  inTransaction,
  openDatabase,
  type Database,
  type DbClient,
} from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { PROVIDERS, createTestDatabase, type TestDatabase } from '../helpers/databases.js';

describe.each(PROVIDERS)('direct SQL on %s', (provider) => {
  let store: TestDatabase;
  let database: Database;
  const siteCount = async (slug: string) =>
    (
      await directSqlOf(database.db).query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM "Site" WHERE "slug" = $1',
        [slug],
      )
    )[0]!.n;
  const insertSite = (tx: DbClient, slug: string) =>
    directSqlIn(tx)!.query(
      'INSERT INTO "Site" ("id", "slug", "name", "allowedOrigins", "settings", "createdAt", "updatedAt") VALUES ($1, $1, $1, $2, $3, $4, $4)',
      [slug, '[]', '{}', new Date()],
    );

  beforeAll(async () => {
    store = await createTestDatabase(provider);
    await migrate(provider, store.url, join(import.meta.dirname, '../../prisma/migrations'));
    database = await openDatabase(provider, store.url);
  });
  afterAll(async () => {
    await database?.close();
    await store?.drop();
  });

  test('when a row written by Prisma is read directly, then dates, numbers and parameters match', async () => {
    const at = new Date('2026-12-01T12:34:56.789Z');
    await database.db.site.create({
      data: { slug: 'read-back', name: 'R', allowedOrigins: [], settings: {}, createdAt: at },
    });
    const [row] = await directSqlOf(database.db).query<{ createdAt: unknown; n: number }>(
      'SELECT "createdAt", (SELECT COUNT(*) FROM "Site" WHERE "createdAt" >= $2) AS n FROM "Site" WHERE "slug" = $1',
      ['read-back', at],
    );
    expect(new Date(row!.createdAt as string).toISOString()).toBe(at.toISOString());
    expect(row!.n).toBe(1);
  });

  test('when a transaction that wrote directly fails, then the direct write is rolled back', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await insertSite(tx, 'rolled-back');
        expect(await tx.site.count({ where: { slug: 'rolled-back' } })).toBe(1);
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await siteCount('rolled-back')).toBe(0);
    await inTransaction(database.db, (tx) => insertSite(tx, 'committed'));
    expect(await siteCount('committed')).toBe(1);
  });

  test('when the transaction has ended, then its direct SQL refuses to run', async () => {
    let kept: DbClient | null = null;
    await inTransaction(database.db, async (tx) => {
      kept = tx;
    });
    await expect(insertSite(kept!, 'too-late')).rejects.toThrow('Transaction already closed');
    expect(await siteCount('too-late')).toBe(0);
  });
});
