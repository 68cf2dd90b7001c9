// Shared pieces of the benchmarks: seeding realistic threads, starting Parley as `npm start`
// does (child process on dist/), driving it with autocannon and socket.io clients, and
// reading the server's peak RSS. Loopback only; every run is bounded in time.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, type Prisma } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { uuidv7 } from '../src/ids.js';
import { createFormTokens } from '../src/screening/form-tokens.js';
import { createHasher } from '../src/privacy/hashing.js';
import { renderCommentBody } from '../src/comments/render.js';

export const ROOT = join(import.meta.dirname, '..');
export const SECRET = 'bench-secret-0123456789abcdef';
export const REDIS_URL = process.env.PARLEY_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Fresh databases: the test suite's helper (an SQLite file in a temp folder, or a new PostgreSQL database). */
export { createTestDatabase as freshDatabase } from '../test/helpers/databases.js';

const WORDS = (
  'release tarball signing key maintainer build reproducible audit upstream patch review dependency ' +
  'vendor advisory timeline compromise backdoor commit history package mirror checksum volunteer funding ' +
  'distribution testing binary source scrutiny trust ecosystem contributor pressure library'
).split(' ');

export function sentence(seed: number, words = 24): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return `${out.join(' ')}.`;
}

/** Migrates and seeds a site with posts whose threads have `counts` comments each (¼ top-level). */
export async function seed(
  dbUrl: string,
  provider: 'sqlite' | 'postgresql',
  threads: Record<string, number>,
) {
  await migrate(provider, dbUrl, join(ROOT, 'prisma/migrations'));
  const { db, close } = await openDatabase(provider, dbUrl);
  const hasher = createHasher(SECRET);
  const site = await db.site.create({
    data: {
      slug: 'bench',
      name: 'Bench',
      allowedOrigins: [],
      settings: { minSubmitSeconds: 0, autoCreatePosts: true },
    },
  });
  for (const [slug, count] of Object.entries(threads)) {
    const post = await db.post.create({
      data: {
        siteId: site.id,
        slug,
        title: `Thread ${slug}`,
        url: `https://bench.example/${slug}`,
        commentCount: count,
      },
    });
    const start = Date.now() - count * 60_000;
    let batch: Prisma.CommentCreateManyInput[] = [];
    let root: { id: string } | null = null;
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(start + i * 60_000);
      const id = uuidv7(createdAt.getTime());
      const isRoot = i % 4 === 0;
      if (isRoot) root = { id };
      const body = sentence(i + count);
      const email = `reader${i % 500}@example.com`;
      batch.push({
        id,
        siteId: site.id,
        postId: post.id,
        parentId: isRoot ? null : root!.id,
        rootId: isRoot ? id : root!.id,
        depth: isRoot ? 0 : 1,
        authorName: `Reader ${i % 500}`,
        authorEmail: email,
        authorHash: hasher.author(email),
        body,
        html: renderCommentBody(body),
        status: 'approved',
        screening: { decision: 'approve' },
        ipHash: hasher.ip(`10.0.${i % 250}.1`),
        contentHash: hasher.content(body),
        createdAt,
        decidedAt: createdAt,
      });
      if (batch.length === 500) {
        await db.comment.createMany({ data: batch });
        batch = [];
      }
    }
    if (batch.length) await db.comment.createMany({ data: batch });
  }
  await close();
  return {
    siteId: site.id,
    formToken: (post: string) => createFormTokens(SECRET).issue(site.id, post, Date.now() - 60_000),
  };
}

/** Processes whose parent is `pid` (a cluster primary's workers). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
        out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * CPU time (user + system, ms) used so far by `pid` and its children (workers): divided by
 * the requests served it gives the cost of one, which the machine's other load does not change.
 */
export function cpuMs(pid: number): number {
  const TICKS_PER_SECOND = 100; // USER_HZ on Linux
  return [pid, ...childPids(pid)].reduce((sum, p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      return sum;
    }
  }, 0);
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts dist/main.js (build first with `npm run build`). */
export async function startParley(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_SECRET: SECRET,
      SEED_DEMO: 'false',
      // info: the start-up lines tell when every worker listens (no per-request lines).
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      RATE_LIMIT_COMMENTS_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 300) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Under WORKERS, health answers once the first worker listens: wait for all of them.
  const workers = Number(env.WORKERS ?? 1);
  for (let i = 0; out.split('Parley is listening').length - 1 < workers; i++) {
    if (child.exitCode !== null || i > 300) throw new Error(`workers did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    peakRssMb() {
      // The process and, under WORKERS, its workers.
      const pids = [child.pid!, ...childPids(child.pid!)];
      const kb = pids.reduce((sum, pid) => {
        try {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          return sum + Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        } catch {
          return sum;
        }
      }, 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  non2xx: number;
}

export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 50, duration: 8, ...opts });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface ReaderFleet {
  /** Resolves with the wall-clock time the last reader received comment `id`. */
  lastDelivery(id: string): Promise<number>;
  close(): void;
}

/**
 * `count` readers spread over `urls`, run in two child processes so that the readers'
 * own work does not queue behind one event loop.
 */
export async function startReaders(
  urls: string[],
  count: number,
  site: string,
  post: string,
): Promise<ReaderFleet> {
  const workers = [0, 1].map(() =>
    fork(join(ROOT, 'bench/fanout-client.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
  );
  const deliveries = new Map<string, number[]>();
  const waiters = new Map<string, () => void>();
  await Promise.all(
    workers.map(
      (w, i) =>
        new Promise<void>((resolve) => {
          w.on('message', (m: { ready?: boolean; id?: string; lastAt?: number }) => {
            if (m.ready) return resolve();
            const list = deliveries.get(m.id!) ?? [];
            list.push(m.lastAt!);
            deliveries.set(m.id!, list);
            if (list.length === workers.length) waiters.get(m.id!)?.();
          });
          w.send({ urls, count: Math.floor(count / 2) + (i === 0 ? count % 2 : 0), site, post });
        }),
    ),
  );
  return {
    lastDelivery(id) {
      return new Promise((resolve, reject) => {
        const done = () => resolve(Math.max(...deliveries.get(id)!));
        if (deliveries.get(id)?.length === workers.length) return done();
        const timer = setTimeout(() => reject(new Error('fan-out timed out')), 15_000);
        waiters.set(id, () => {
          clearTimeout(timer);
          done();
        });
      });
    },
    close() {
      for (const w of workers) w.send('stop');
    },
  };
}

export interface FanOutSample {
  /** ms from the POST's response to the last reader's comment:created (negative: before it). */
  afterResponse: number;
  /** ms from sending the POST to the last reader's comment:created. */
  afterRequest: number;
}

/** Posts `rounds` comments one after another and times each one's delivery to every reader. */
export async function fanOut(
  postUrl: string,
  readers: ReaderFleet,
  rounds: number,
  formToken: () => string,
): Promise<FanOutSample[]> {
  const samples: FanOutSample[] = [];
  const now = () => performance.timeOrigin + performance.now();
  for (let r = 0; r < rounds; r++) {
    const sentAt = now();
    const res = await fetch(postUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `172.16.${r}.9` },
      body: JSON.stringify({
        name: `Fan ${r}`,
        email: `fan${r}@example.com`,
        body: sentence(10_000 + r, 18),
        formToken: formToken(),
      }),
    });
    const respondedAt = now();
    if (res.status !== 201)
      throw new Error(`fan-out POST answered ${res.status}: ${await res.text()}`);
    const { comment } = (await res.json()) as { comment: { id: string } };
    const lastAt = await readers.lastDelivery(comment.id);
    samples.push({ afterResponse: lastAt - respondedAt, afterRequest: lastAt - sentAt });
    await new Promise((r2) => setTimeout(r2, 100));
  }
  return samples;
}
