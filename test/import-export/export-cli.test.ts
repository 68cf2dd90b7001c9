// The command-line side, as real processes on real databases: npm run export (to a file and to
// stdout) and npm run admin -- commenter-export / erase.
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readParleyExport, readWxr } from '../../src/import-export/formats/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment } from '../helpers/moderation.js';
import { createTestParley, seedSite, TEST_SECRET, type TestParley } from '../helpers/parley.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
/** A tsx process starts in ~2 s on an idle machine, far slower on a loaded one. */
const CLI_TIMEOUT = 300_000;

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe.each(PROVIDERS)('export command line on %s', (provider) => {
  let t: TestParley;
  let dir: string;
  const cli = (script: string, ...args: string[]) =>
    run(TSX, [script, ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        DATABASE_URL: t.config.database.url,
        PARLEY_SECRET: TEST_SECRET,
        LOG_LEVEL: 'silent',
      },
    });

  beforeAll(async () => {
    t = await createTestParley(provider);
    dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    await seedSite(t.parley, { slug: 'blog', posts: [{ slug: 'hello' }, { slug: 'two' }] });
    const root = await insertTestComment(t.parley, {
      status: 'approved',
      email: 'cli@example.com',
    });
    await insertTestComment(t.parley, { status: 'pending', parentId: root });
    await insertTestComment(t.parley, { status: 'spam', post: 'two', email: 'cli@example.com' });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  }, CLI_TIMEOUT);

  test(
    'when npm run export writes a Parley file, then it reads back complete with progress on stderr',
    async () => {
      const file = join(dir, 'blog.jsonl');
      const out = await cli('scripts/export.ts', '--site', 'blog', '--format', 'parley', file);
      expect(out.stderr).toMatch(/\d+ records, 3 comments/);
      expect(out.stdout).toBe('');
      const records = await collect(readParleyExport(createReadStream(file)));
      expect(records.filter((r) => r.type === 'comment')).toHaveLength(3);
      expect(records.filter((r) => r.type === 'post')).toHaveLength(2);
    },
    CLI_TIMEOUT,
  );

  test(
    'when the file is "-", then the WXR goes to stdout alone',
    async () => {
      const out = await cli('scripts/export.ts', '--site', 'blog', '--format', 'wxr', '-');
      expect(out.stdout.startsWith('<?xml')).toBe(true);
      const records = await collect(readWxr(Readable.from([out.stdout])));
      expect(records.filter((r) => r.type === 'comment')).toHaveLength(3);
    },
    CLI_TIMEOUT,
  );

  test(
    'when the site is unknown, then it exits 1 with a message and writes no file',
    async () => {
      await expect(
        cli('scripts/export.ts', '--site', 'nope', '--format', 'wxr', join(dir, 'x.xml')),
      ).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('No site called "nope"'),
      });
      expect(existsSync(join(dir, 'x.xml'))).toBe(false);
    },
    CLI_TIMEOUT,
  );

  test(
    'when npm run admin exports then erases a commenter, then the file has their comments and the database no longer has the email',
    async () => {
      const file = join(dir, 'cli.json');
      await cli('scripts/admin.ts', 'commenter-export', '--email', 'CLI@example.com', file);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      expect(data.comments).toHaveLength(2);
      await expect(
        cli('scripts/admin.ts', 'erase', '--email', 'cli@example.com'),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--yes') });
      const out = await cli(
        'scripts/admin.ts',
        'erase',
        '--email',
        'cli@example.com',
        '--remove-bodies',
        '--yes',
      );
      expect(out.stdout).toContain('Erased 2 comment(s) on blog (bodies removed)');
      const db = t.parley.database.db;
      expect(await db.comment.count({ where: { authorEmail: 'cli@example.com' } })).toBe(0);
      const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'commenter.erase' } });
      expect(entry).toMatchObject({ actorId: null, actorName: 'command line' });
      expect(JSON.stringify(entry)).not.toContain('cli@example.com');
    },
    CLI_TIMEOUT,
  );
});
