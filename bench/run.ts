// npm run bench: everything a reader or moderator waits for, on SQLite and PostgreSQL, each
// with WORKERS=1 and WORKERS=2 (both with Redis, which WORKERS=2 needs), and a bare node:http
// baseline in its own process (like Parley) serving the same page, for the machine's limit.
// Every figure carries the 1-minute load average at its end: other work on the machine shows.
// Prints a table and writes JSON to bench/results/. Loopback only; about four minutes in all.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/db/database.js';
import {
  fanOut,
  freshDatabase,
  cpuMs,
  load as autocannonLoad,
  percentile,
  REDIS_URL,
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

const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgresql').split(',') as (
  | 'sqlite'
  | 'postgresql'
)[];

type Measured = LoadResult & { load: number };

interface StoreResult {
  store: string;
  workers: number;
  get200: Measured;
  get10k: Measured;
  post: Measured & { stored: number; lost: number; cpuMsPerRequest: number };
  /** Server CPU time per request (all its processes), which other load does not change. */
  get200CpuMsPerRequest: number;
  fanout: { p50: number; p99: number; readers: number; rounds: number; load: number } | null;
  peakRssMb: number;
}

/** autocannon, with the machine's 1-minute load average when the run ends. */
async function load(opts: Parameters<typeof autocannonLoad>[0]): Promise<Measured> {
  const result = await autocannonLoad(opts);
  return { ...result, load: round(loadavg()[0]!) };
}

/** The bare server, as its own process (bench/baseline-server.mjs), serving `bytes`. */
async function baseline(bytes: Buffer): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const file = join(dir, 'page.json');
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, [join(ROOT, 'bench/baseline-server.mjs'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
    });
    const { port } = JSON.parse(line) as { port: number };
    return await load({ url: `http://127.0.0.1:${port}/`, duration: DURATION });
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchStore(
  provider: 'sqlite' | 'postgresql',
  workers: number,
): Promise<{ result: StoreResult; firstPage: Buffer }> {
  const database = await freshDatabase(provider);
  const seeded = await seed(database.url, provider, { [SMALL]: 200, [LARGE]: 10_000, live: 0 });
  const server = await startParley({
    DATABASE_URL: database.url,
    WORKERS: String(workers),
    REDIS_URL,
    REDIS_PREFIX: `parley-bench-${process.pid}-${Date.now()}`,
  });
  try {
    const threadUrl = (post: string) => `${server.url}/api/sites/bench/posts/${post}/comments`;
    const firstPage = Buffer.from(await (await fetch(threadUrl(SMALL))).arrayBuffer());
    // Warm-up, on fresh connections so that every worker gets some: the first POST of a
    // process loads the screening model, the first GETs fill the thread cache.
    for (let i = 0; i < 4 * workers; i++) {
      const close = { Connection: 'close' };
      await fetch(threadUrl(SMALL), { headers: close });
      await fetch(threadUrl(LARGE), { headers: close });
      const res = await fetch(threadUrl('warm-up'), {
        method: 'POST',
        headers: {
          ...close,
          'Content-Type': 'application/json',
          'X-Forwarded-For': `192.0.2.${i + 1}`,
        },
        body: JSON.stringify({
          name: `Warm-up ${i}`,
          email: `warm${i}@example.com`,
          body: sentence(50_000 + i, 20),
          formToken: seeded.formToken('warm-up'),
          url: 'https://bench.example/warm-up',
          title: 'Warm-up',
        }),
      });
      if (res.status >= 300)
        throw new Error(`warm-up POST answered ${res.status}: ${await res.text()}`);
    }
    const pid = server.child.pid!;
    let cpu = cpuMs(pid);
    const get200 = await load({ url: threadUrl(SMALL), duration: DURATION });
    const get200Cpu = round((cpuMs(pid) - cpu) / Math.max(1, get200.ok + get200.non2xx));
    const get10k = await load({ url: threadUrl(LARGE), duration: DURATION });

    // Every POST unique, from its own client IP and email, through the full screening pipeline.
    const token = seeded.formToken('posting');
    const acceptedIds: string[] = [];
    let n = 0;
    cpu = cpuMs(pid);
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
    const postCpu = round((cpuMs(pid) - cpu) / Math.max(1, post.ok + post.non2xx));
    // Every comment answered 2xx must be in the database.
    const { db, close } = await openDatabase(provider, database.url);
    let stored = 0;
    for (let i = 0; i < acceptedIds.length; i += 500) {
      stored += await db.comment.count({ where: { id: { in: acceptedIds.slice(i, i + 500) } } });
    }
    await close();

    // The live fan-out once per store (WORKERS=1): it measures socket.io, not the workers.
    let fanout: StoreResult['fanout'] = null;
    if (workers === 1) {
      const readers = await startReaders([server.url], READERS, 'bench', 'live');
      const times = (
        await fanOut(threadUrl('live'), readers, ROUNDS, () => seeded.formToken('live'))
      ).map((s) => s.afterResponse);
      readers.close();
      fanout = {
        p50: round(percentile(times, 50)),
        p99: round(percentile(times, 99)),
        readers: READERS,
        rounds: ROUNDS,
        load: round(loadavg()[0]!),
      };
    }

    return {
      firstPage,
      result: {
        store: provider,
        workers,
        get200,
        get10k,
        post: { ...post, stored, lost: acceptedIds.length - stored, cpuMsPerRequest: postCpu },
        get200CpuMsPerRequest: get200Cpu,
        fanout,
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
  for (const provider of STORES) {
    for (const workers of WORKERS) {
      console.log(`… ${provider}, WORKERS=${workers}`);
      const r = await benchStore(provider, workers);
      firstPage ??= r.firstPage;
      results.push(r.result);
    }
  }
  console.log('… bare node:http baseline (own process)');
  const base = await baseline(firstPage!);

  const at = (m: { load: number }) => ` @${m.load}`;
  const rows: string[][] = [
    ['measure', ...results.map((r) => `${r.store} W=${r.workers}`), 'target'],
  ];
  const pct = (x: number) => `${Math.round((x / base.rps) * 100)}%`;
  rows.push([
    `bare node:http, own process, same ${firstPage!.length} bytes (req/s, p99 ms)`,
    ...results.map(() => `${base.rps} / ${base.p99}${at(base)}`),
    'baseline',
  ]);
  rows.push([
    'GET 200-comment thread (req/s, % of baseline, p50, p99 ms)',
    ...results.map(
      (r) =>
        `${r.get200.rps} (${pct(r.get200.rps)}), ${r.get200.p50}, ${r.get200.p99}${at(r.get200)}`,
    ),
    '≥50% of baseline, p99 <20 ms',
  ]);
  rows.push([
    'GET 10,000-comment thread, first page',
    ...results.map(
      (r) =>
        `${r.get10k.rps} (${pct(r.get10k.rps)}), ${r.get10k.p50}, ${r.get10k.p99}${at(r.get10k)}`,
    ),
    'within 2× of 200',
  ]);
  rows.push([
    'POST screened comment, 50 connections (req/s, p50, p99 ms)',
    ...results.map((r) => `${r.post.rps}, ${r.post.p50}, ${r.post.p99}${at(r.post)}`),
    '≥1,000 req/s, p99 <100 ms',
  ]);
  rows.push([
    'POST answered 2xx / of them stored / lost / errors',
    ...results.map(
      (r) => `${r.post.ok} / ${r.post.stored} / ${r.post.lost} / ${r.post.errors + r.post.non2xx}`,
    ),
    '0 lost',
  ]);
  rows.push([
    'server CPU ms per request, all processes: GET 200 / POST',
    ...results.map((r) => `${r.get200CpuMsPerRequest} / ${r.post.cpuMsPerRequest}`),
    'POST ≤ 2 ms (1,000/s on 2 cores)',
  ]);
  rows.push([
    `live fan-out to ${READERS} readers (p50, p99 ms)`,
    ...results.map((r) => (r.fanout ? `${r.fanout.p50}, ${r.fanout.p99}${at(r.fanout)}` : '—')),
    'p99 <100 ms',
  ]);
  rows.push([
    'server peak RSS, all processes (MB)',
    ...results.map((r) => String(r.peakRssMb)),
    '<300 MB per process',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\n${line(rows[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.slice(1).map(line).join('\n')}\n`,
  );
  console.log(
    '@n: the 1-minute load average when that figure was measured (2 cores; the load generator runs here too).',
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
