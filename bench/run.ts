// npm run bench: everything a reader or moderator waits for, on SQLite and PostgreSQL, with
// a bare node:http baseline for the machine's limit. Prints a table and writes JSON to
// bench/results/. Loopback only; about three minutes in all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database.js';
import {
  fanOut,
  freshDatabase,
  load,
  percentile,
  ROOT,
  seed,
  sentence,
  startParley,
  startReaders,
  type LoadResult,
} from './lib.js';

const SMALL = 'thread-200';
const LARGE = 'thread-10000';
const READERS = Number(process.env.BENCH_READERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);

interface StoreResult {
  store: string;
  get200: LoadResult;
  get10k: LoadResult;
  post: LoadResult & { stored: number; lost: number };
  fanout: { p50: number; p99: number; readers: number; rounds: number };
  peakRssMb: number;
}

async function baseline(bytes: Buffer): Promise<LoadResult> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': bytes.length,
    });
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const result = await load({ url, duration: DURATION });
  server.close();
  return result;
}

async function benchStore(
  provider: 'sqlite' | 'postgresql',
): Promise<{ result: StoreResult; firstPage: Buffer }> {
  const database = await freshDatabase(provider);
  const seeded = await seed(database.url, provider, { [SMALL]: 200, [LARGE]: 10_000, live: 0 });
  const server = await startParley({ DATABASE_URL: database.url });
  try {
    const threadUrl = (post: string) => `${server.url}/api/sites/bench/posts/${post}/comments`;
    const firstPage = Buffer.from(await (await fetch(threadUrl(SMALL))).arrayBuffer());
    await fetch(threadUrl(LARGE));
    const get200 = await load({ url: threadUrl(SMALL), duration: DURATION });
    const get10k = await load({ url: threadUrl(LARGE), duration: DURATION });

    // Every POST unique, from its own client IP and email, through the full screening pipeline.
    const token = seeded.formToken('posting');
    const acceptedIds: string[] = [];
    let n = 0;
    const post = await load({
      url: threadUrl('posting'),
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            n += 1;
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              },
              body: JSON.stringify({
                name: `Bench Reader ${n}`,
                email: `bench${n}@example.com`,
                body: `Comment ${n}: ${sentence(n, 30)}`,
                formToken: token,
                url: 'https://bench.example/posting',
                title: 'Posting',
              }),
            };
          },
          onResponse: (status: number, body: string) => {
            if (status === 201 || status === 202)
              acceptedIds.push((JSON.parse(body) as { comment: { id: string } }).comment.id);
          },
        },
      ],
    });
    // Every comment answered 2xx must be in the database.
    const { db, close } = await openDatabase(provider, database.url);
    let stored = 0;
    for (let i = 0; i < acceptedIds.length; i += 500) {
      stored += await db.comment.count({ where: { id: { in: acceptedIds.slice(i, i + 500) } } });
    }
    await close();

    const readers = await startReaders([server.url], READERS, 'bench', 'live');
    const times = (
      await fanOut(threadUrl('live'), readers, ROUNDS, () => seeded.formToken('live'))
    ).map((s) => s.afterResponse);
    readers.close();

    return {
      firstPage,
      result: {
        store: provider,
        get200,
        get10k,
        post: { ...post, stored, lost: acceptedIds.length - stored },
        fanout: {
          p50: round(percentile(times, 50)),
          p99: round(percentile(times, 99)),
          readers: READERS,
          rounds: ROUNDS,
        },
        peakRssMb: server.peakRssMb(),
      },
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const started = Date.now();
  const results: StoreResult[] = [];
  let firstPage: Buffer | null = null;
  for (const provider of ['sqlite', 'postgresql'] as const) {
    console.log(`… ${provider}`);
    const r = await benchStore(provider);
    firstPage ??= r.firstPage;
    results.push(r.result);
  }
  const base = await baseline(firstPage!);

  const rows: string[][] = [['measure', ...results.map((r) => r.store), 'target']];
  const pct = (x: number) => `${Math.round((x / base.rps) * 100)}%`;
  rows.push([
    'bare node:http, same bytes as GET 200 (req/s, p99 ms)',
    ...results.map(() => `${base.rps} / ${base.p99}`),
    'baseline',
  ]);
  rows.push([
    'GET 200-comment thread (req/s, p50, p99 ms)',
    ...results.map(
      (r) => `${r.get200.rps} (${pct(r.get200.rps)}), ${r.get200.p50}, ${r.get200.p99}`,
    ),
    '≥50% of baseline, p99 <20 ms',
  ]);
  rows.push([
    'GET 10,000-comment thread, first page',
    ...results.map(
      (r) => `${r.get10k.rps} (${pct(r.get10k.rps)}), ${r.get10k.p50}, ${r.get10k.p99}`,
    ),
    'within 2× of 200',
  ]);
  rows.push([
    'POST screened comment (req/s, p50, p99 ms)',
    ...results.map((r) => `${r.post.rps}, ${r.post.p50}, ${r.post.p99}`),
    '≥800 req/s (SQLite), p99 <100 ms',
  ]);
  rows.push([
    'POST answered 2xx / of them stored / lost / errors',
    ...results.map(
      (r) => `${r.post.ok} / ${r.post.stored} / ${r.post.lost} / ${r.post.errors + r.post.non2xx}`,
    ),
    '0 lost',
  ]);
  rows.push([
    `live fan-out to ${READERS} readers (p50, p99 ms)`,
    ...results.map((r) => `${r.fanout.p50}, ${r.fanout.p99}`),
    'p99 <100 ms',
  ]);
  rows.push(['server peak RSS (MB)', ...results.map((r) => String(r.peakRssMb)), '<300 MB']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\n${line(rows[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.slice(1).map(line).join('\n')}\n`,
  );
  console.log(`Finished in ${Math.round((Date.now() - started) / 1000)} s.`);

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(
    ROOT,
    'bench/results',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), baseline: base, results }, null, 2),
  );
  console.log(`Wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
