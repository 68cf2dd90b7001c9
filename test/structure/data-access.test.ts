// Prisma only in repos: no feature module outside a *.repo.ts file (or the db/ kernel) calls the
// database client. Services take a transaction through inTransaction() from src/db.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
/** A client call: db.comment.findMany(, tx.post.update(, db.$transaction(, x.$queryRaw`… */
const CLIENT_CALL =
  /\b(?:db|tx|prisma|client)\s*\.\s*(?:\$(?:transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)\b|[a-z]\w*\s*\.\s*(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\s*\()/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') yield* sourceFiles(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      yield path;
    }
  }
}

test('when the source is scanned, then only repos and the db kernel call the Prisma client', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file).replaceAll('\\', '/');
    if (rel.endsWith('.repo.ts') || rel.startsWith('db/')) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (CLIENT_CALL.test(line)) offenders.push(`src/${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});

test('when a client call sits in a service, then the scan finds it', () => {
  // The pattern itself, so the test above cannot pass by matching nothing.
  for (const line of [
    'const rows = await deps.db.comment.findMany({',
    'await db.$transaction(async (tx) => {',
    '  await tx.post.update({ where',
    'db.$queryRaw`SELECT 1`',
  ])
    expect(CLIENT_CALL.test(line), line).toBe(true);
  expect(CLIENT_CALL.test('const change = await inTransaction(deps.db, (tx) => f(tx));')).toBe(
    false,
  );
});
