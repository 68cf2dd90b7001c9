// Creates a migration for both stores from the change to prisma/schema.prisma since the last
// migration:   npm run db:migration -- <name>        (e.g. add-reports)
// Check mode:  npm run db:migration -- --check       (exit 1 when the schema has unmigrated changes)
//
// `prisma migrate dev` needs a native engine that cannot be downloaded here, so migrations
// are written with `prisma migrate diff --script` (JavaScript engine, offline) between the
// schema as it was at the last migration (prisma/migrations/schema.snapshot.prisma) and the
// schema now. Both providers get a folder with the same name; src/db/migrate.ts applies them.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATAMODEL_LINES,
  derivePostgres,
  ROOT,
  SCHEMAS,
  writePostgresSchema,
} from './prisma-schemas.mjs';

const SNAPSHOT = join(ROOT, 'prisma/migrations/schema.snapshot.prisma');
const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run db:migration -- <name> | --check');
  process.exit(2);
}

writePostgresSchema();
const scratch = mkdtempSync(join(tmpdir(), 'parley-migration-'));

function snapshotFor(provider) {
  if (!existsSync(SNAPSHOT)) return null;
  const snap = readFileSync(SNAPSHOT, 'utf8');
  const out = join(scratch, `snapshot.${provider}.prisma`);
  writeFileSync(out, provider === 'sqlite' ? snap : derivePostgres(snap, DATAMODEL_LINES));
  return out;
}

function diff(provider) {
  const from = snapshotFor(provider);
  const args = ['--no-install', 'prisma', 'migrate', 'diff', '--script'];
  args.push(...(from ? ['--from-schema-datamodel', from] : ['--from-empty']));
  args.push('--to-schema-datamodel', SCHEMAS[provider]);
  mkdirSync(join(ROOT, 'data'), { recursive: true });
  const sql = execFileSync('npx', args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PRISMA_PROVIDER: provider,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      DATABASE_URL:
        provider === 'sqlite'
          ? `file:${join(scratch, 'diff.db')}`
          : (process.env.PARLEY_MIGRATION_PG_URL ??
            'postgresql://postgres@127.0.0.1:5432/postgres'),
    },
  });
  return sql.includes('This is an empty migration') ? '' : sql.trim();
}

const changes = { sqlite: diff('sqlite'), postgresql: diff('postgresql') };
const pending = Object.values(changes).some((sql) => sql.length > 0);

if (arg === '--check') {
  if (pending) {
    console.error(
      'prisma/schema.prisma has changes without a migration: run npm run db:migration -- <name>',
    );
    process.exit(1);
  }
  console.log('Migrations are in step with prisma/schema.prisma.');
  process.exit(0);
}
if (!pending) {
  console.log('No schema changes since the last migration.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const name = `${stamp}_${arg.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
for (const [provider, sql] of Object.entries(changes)) {
  const dir = join(ROOT, 'prisma/migrations', provider, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
  writeFileSync(
    join(ROOT, 'prisma/migrations', provider, 'migration_lock.toml'),
    `provider = "${provider}"\n`,
  );
  console.log(`Wrote prisma/migrations/${provider}/${name}/migration.sql`);
}
copyFileSync(SCHEMAS.sqlite, SNAPSHOT);
