// Prisma CLI configuration. The CLI runs its JavaScript schema engine through a driver
// adapter, so no native engine binary is downloaded (see README, "Migrations").
// PRISMA_PROVIDER=postgresql selects the PostgreSQL variant of the schema.
import { defineConfig } from 'prisma/config';

const provider = process.env.PRISMA_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema:
    provider === 'postgresql'
      ? 'prisma/generated/schema.postgresql.prisma'
      : 'prisma/schema.prisma',
  migrations: { path: `prisma/migrations/${provider}` },
  async adapter() {
    if (provider === 'postgresql') {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({
        connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/test',
      });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({
      url: process.env.DATABASE_URL ?? 'file:./data/prisma-cli.db',
    });
  },
});
