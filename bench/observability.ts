// npm run bench:observability: what request logs and metrics cost on the hottest request (a
// cached page of a 200-comment thread) and what one /metrics scrape costs. Three servers on
// the same SQLite database, run in turn twice: logs off and metrics off (LOG_LEVEL=warn),
// request logs on (LOG_LEVEL=info), request logs and metrics on (METRICS_TOKEN set).
import { recordFigure } from '../test/helpers/figures.js';
import { freshDatabase, load, percentile, seed, startParley, type LoadResult } from './lib.js';

const TOKEN = 'bench-metrics-token-0123456789';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
const CONNECTIONS = 10;

const MODES: Record<string, Record<string, string>> = {
  'logs off, metrics off': { LOG_LEVEL: 'warn' },
  'request logs': { LOG_LEVEL: 'info' },
  'request logs + metrics': { LOG_LEVEL: 'info', METRICS_TOKEN: TOKEN },
};

async function main(): Promise<void> {
  const database = await freshDatabase('sqlite');
  await seed(database.url, 'sqlite', { hot: 200 });
  const results: Record<string, LoadResult[]> = {};
  let scrapeMs: number[] = [];
  let scrapeBytes = 0;
  for (let round = 0; round < 2; round++) {
    for (const [mode, env] of Object.entries(MODES)) {
      const server = await startParley({ DATABASE_URL: database.url, ...env });
      const url = `${server.url}/api/sites/bench/posts/hot/comments?limit=100`;
      await fetch(url); // fills the thread cache
      const result = await load({ url, connections: CONNECTIONS, duration: DURATION_S });
      results[mode] = [...(results[mode] ?? []), result];
      if (env.METRICS_TOKEN) {
        for (let i = 0; i < 20; i++) {
          const started = performance.now();
          const res = await fetch(`${server.url}/metrics`, {
            headers: { Authorization: `Bearer ${TOKEN}` },
          });
          const text = await res.text();
          scrapeMs.push(performance.now() - started);
          scrapeBytes = text.length;
        }
      }
      await server.stop();
    }
  }
  await database.drop();
  scrapeMs = scrapeMs.slice(5); // the first scrapes count the queues
  const best = (mode: string) => Math.max(...(results[mode] ?? []).map((r) => r.rps));
  const base = best('logs off, metrics off');
  console.log(
    `\nCached thread page (200 comments, limit 100), ${CONNECTIONS} connections, ${DURATION_S} s, best of 2:`,
  );
  const figures: Record<string, unknown> = {};
  for (const mode of Object.keys(MODES)) {
    const rs = results[mode] ?? [];
    const rps = best(mode);
    const p99 = Math.min(...rs.map((r) => r.p99));
    const errors = rs.reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(
      `  ${mode.padEnd(24)} ${String(rps).padStart(6)} req/s  p99 ${p99} ms  ${Math.round((rps / base) * 100)}% of logs off  errors ${errors}`,
    );
    figures[mode] = { rps, p99, errors, ofBaseline: Math.round((rps / base) * 100) / 100 };
  }
  const scrape = {
    p50Ms: percentile(scrapeMs, 50),
    p99Ms: percentile(scrapeMs, 99),
    bytes: scrapeBytes,
  };
  console.log(
    `  /metrics scrape: p50 ${scrape.p50Ms.toFixed(1)} ms, p99 ${scrape.p99Ms.toFixed(1)} ms, ${scrape.bytes} bytes`,
  );
  recordFigure('bench-observability', { ...figures, scrape });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
