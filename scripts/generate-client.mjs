// npm postinstall: generates the Prisma clients for both stores (SQLite and PostgreSQL)
// from the one schema. Runs offline: the CLI uses its JavaScript engines (prisma.config.ts).
import { execFileSync } from 'node:child_process';
import { ROOT, SCHEMAS, writePostgresSchema } from './prisma-schemas.mjs';

writePostgresSchema();
for (const [provider, schema] of Object.entries(SCHEMAS)) {
  execFileSync('npx', ['--no-install', 'prisma', 'generate', '--schema', schema], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log('Generated Prisma clients for SQLite and PostgreSQL.');
