import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../src/auth/passwords.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
// Each step starts the CLI in a new process (tsx compiles it first): on a loaded 2-core CI
// machine two starts took over 30 s.
const CHILD_TIMEOUT = 120_000;

describe.each(PROVIDERS)('npm run admin on %s', (provider) => {
  let database: TestDatabase;
  let opened: Database | undefined;
  const admin = (...args: string[]) =>
    run(TSX, ['scripts/admin.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await opened?.close();
    await database.drop();
  });

  test(
    'when create runs on an empty database, then it migrates and stores an argon2id admin',
    async () => {
      const out = await admin(
        'create',
        '--email',
        'Boss@Example.com',
        '--password',
        'long enough password',
        '--name',
        'Boss',
      );
      expect(out.stdout).toContain('Created admin boss@example.com');
      opened = await openDatabase(provider, database.url);
      const user = await opened.db.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
      expect(user).toMatchObject({ name: 'Boss', role: 'admin' });
      expect(await verifyPassword(user.passwordHash, 'long enough password')).toBe(true);
    },
    CHILD_TIMEOUT,
  );

  test(
    'when the account exists or a site is unknown, then it exits non-zero without changing anything',
    async () => {
      await expect(
        admin('create', '--email', 'boss@example.com', '--password', 'other long password'),
      ).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('already exists'),
      });
      await expect(
        admin(
          'create',
          '--email',
          'm@example.com',
          '--password',
          'long enough password',
          '--role',
          'moderator',
          '--sites',
          'nope',
        ),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining('No site called "nope"'),
      });
      const user = await opened!.db.user.findUniqueOrThrow({
        where: { email: 'boss@example.com' },
      });
      expect(await verifyPassword(user.passwordHash, 'long enough password')).toBe(true);
    },
    CHILD_TIMEOUT,
  );

  test(
    'when set-password runs, then the new password is stored',
    async () => {
      const out = await admin(
        'set-password',
        '--email',
        'BOSS@example.com',
        '--password',
        'a new long password',
      );
      expect(out.stdout).toContain('Password changed');
      const user = await opened!.db.user.findUniqueOrThrow({
        where: { email: 'boss@example.com' },
      });
      expect(await verifyPassword(user.passwordHash, 'a new long password')).toBe(true);
    },
    CHILD_TIMEOUT,
  );
});
