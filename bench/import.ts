// npm run bench:import [-- 100000 1000000] [--only sqlite|postgresql] [--format disqus|wxr]
// Generates Disqus XML and WXR files of each size under /tmp (not committed), imports each into
// a fresh SQLite and PostgreSQL database in a child process, and prints comments per second
// and the child's peak RSS. Goal: 100,000 in under 30 s on SQLite; under 300 MB at 1,000,000.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase, type Provider } from '../test/helpers/databases.js';
import { writeBenchFile } from './import-files.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, format: { type: 'string' } },
});
const sizes = positionals.length > 0 ? positionals.map(Number) : [100_000, 1_000_000];
const providers: Provider[] = values.only ? [values.only as Provider] : ['sqlite', 'postgresql'];
const formats = (values.format ? [values.format] : ['disqus', 'wxr']) as ('disqus' | 'wxr')[];
const DIR = '/tmp/parley-bench-import';
/**
 * The heap settings `npm run import` runs with (package.json): the importer's live heap stays
 * near 60–80 MB whatever the file, and a smaller old space makes V8 collect before growing it
 * to several times that; a small young generation keeps less in flight between collections.
 */
const IMPORT_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=4'];
mkdirSync(DIR, { recursive: true });

const rows: Record<string, unknown>[] = [];
for (const size of sizes) {
  for (const format of formats) {
    const file = join(DIR, `${format}-${size}.xml`);
    if (!existsSync(file)) {
      const t = performance.now();
      await writeBenchFile(format, size, file);
      console.error(
        `generated ${file} (${(statSync(file).size / 1_048_576).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    for (const provider of providers) {
      const db = await createTestDatabase(provider);
      try {
        const out = execFileSync(
          process.execPath,
          [
            ...IMPORT_NODE_FLAGS,
            '--import',
            'tsx',
            join(import.meta.dirname, 'import-child.ts'),
            format,
            file,
          ],
          { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        const figures = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
        const row = {
          format,
          size,
          provider,
          mb: Math.round(statSync(file).size / 1_048_576),
          ...figures,
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      } finally {
        await db.drop();
      }
    }
  }
}
console.table(
  rows.map((r) => ({
    format: r.format,
    comments: r.size,
    store: r.provider,
    'file MB': r.mb,
    seconds: Number(r.seconds).toFixed(1),
    'comments/s': r.commentsPerSecond,
    'peak RSS MB': r.peakRssMb,
    status: r.status,
  })),
);
if (process.env.KEEP_BENCH_FILES !== '1') rmSync(DIR, { recursive: true, force: true });
