// npm run bench:export: a site of BENCH_EXPORT_COMMENTS comments (default 20,000: one thread of
// half of them, the rest over 20 threads) exported as Parley JSON lines and as WXR on SQLite
// and PostgreSQL (BENCH_EXPORT_STORES), each export in a child process run as `npm run export`
// runs: comments per second and peak RSS.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freshDatabase, ROOT, seed } from './lib.js';

const TOTAL = Number(process.env.BENCH_EXPORT_COMMENTS ?? 20_000);
/**
 * The heap settings `npm run export` runs with (package.json). The export's live heap stays near
 * 40-60 MB at any size, but V8 lets garbage grow the old space to ~4 times that between
 * collections (peak RSS 320-340 MB at 100,000 comments without these, ~220 MB with them).
 */
const EXPORT_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=8'];
const STORES = (process.env.BENCH_EXPORT_STORES ?? 'sqlite,postgresql').split(',') as (
  | 'sqlite'
  | 'postgresql'
)[];

const threads: Record<string, number> = { big: Math.floor(TOTAL / 2) };
for (let i = 0; i < 20; i++) threads[`t${i}`] = Math.floor(TOTAL / 2 / 20);

for (const provider of STORES) {
  const database = await freshDatabase(provider);
  try {
    const seedStart = performance.now();
    await seed(database.url, provider, threads);
    console.log(
      `${provider}: seeded ${TOTAL} comments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    for (const format of ['parley', 'wxr'] as const) {
      const line = execFileSync(
        process.execPath,
        [
          ...EXPORT_NODE_FLAGS,
          // e.g. --max-old-space-size=48: an export that finishes under it holds no more than
          // that. After the settings above, so that it wins over them.
          ...(process.env.BENCH_EXPORT_CHILD_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean),
          '--import',
          'tsx',
          join(ROOT, 'bench/export-child.ts'),
          provider,
          database.url,
          format,
        ],
        {
          env: { ...process.env, NODE_OPTIONS: '' },
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      const r = JSON.parse(line.trim().split('\n').pop()!) as {
        ms: number;
        bytes: number;
        comments: number;
        baseRssMb: number;
        peakRssMb: number;
      };
      console.log(
        `${provider} ${format.padEnd(6)} ${r.comments} comments in ${(r.ms / 1000).toFixed(1)} s = ${Math.round(r.comments / (r.ms / 1000))} comments/s, ${(r.bytes / 1e6).toFixed(1)} MB, peak RSS ${r.peakRssMb} MB (${r.baseRssMb} MB before the export)`,
      );
    }
  } finally {
    await database.drop();
  }
}
