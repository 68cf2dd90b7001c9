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

/** Each line that differs between the variants, as it reads for SQLite and for PostgreSQL. */
const VARIANT_LINES = [
  ['provider = "sqlite"', 'provider = "postgresql"'],
  ['url      = "file:../data/parley.db"', 'url      = "postgresql://localhost/parley"'],
  ['output       = "../src/generated/sqlite"', 'output       = "../../src/generated/postgresql"'],
];

/**
 * The PostgreSQL variant of a schema written for SQLite. Every line to swap must occur exactly
 * once: a schema edit that renames or repeats one fails here instead of deriving a wrong file.
 * `lines` picks which swaps apply (a schema snapshot has no generator output to move).
 */
export function derivePostgres(source, lines = VARIANT_LINES) {
  let out = source;
  for (const [from, to] of lines) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`prisma schema: expected one line "${from}", found ${count}`);
    out = out.replace(from, to);
  }
  return out;
}

/** The swaps for a schema used only as a datamodel (migrate diff): provider and url. */
export const DATAMODEL_LINES = VARIANT_LINES.slice(0, 2);

export function writePostgresSchema() {
  const derived = derivePostgres(readFileSync(SCHEMAS.sqlite, 'utf8'));
  mkdirSync(dirname(SCHEMAS.postgresql), { recursive: true });
  writeFileSync(
    SCHEMAS.postgresql,
    `// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs; do not edit.\n${derived}`,
  );
}
