// Derives the PostgreSQL variant of prisma/schema.prisma. The schema is written once (for
// SQLite); only the datasource provider and the generated client's folder differ.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS = {
  sqlite: join(ROOT, 'prisma/schema.prisma'),
  postgresql: join(ROOT, 'prisma/generated/schema.postgresql.prisma'),
};

export function writePostgresSchema() {
  const source = readFileSync(SCHEMAS.sqlite, 'utf8');
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/parley.db"', 'url      = "postgresql://localhost/parley"')
    .replace(
      'output       = "../src/generated/sqlite"',
      'output       = "../../src/generated/postgresql"',
    );
  if (derived === source)
    throw new Error('prisma/schema.prisma: provider or output line not found');
  mkdirSync(dirname(SCHEMAS.postgresql), { recursive: true });
  writeFileSync(
    SCHEMAS.postgresql,
    `// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs; do not edit.\n${derived}`,
  );
}
