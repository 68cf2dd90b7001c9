// npm run bench:profile: where a screened comment POST spends its CPU. Starts Parley (dist/,
// WORKERS=1) under `node --cpu-prof`, warms it up, posts for BENCH_DURATION seconds with 10
// connections, stops it, and prints the server's CPU ms per POST and the busy time of the load
// window by package and by function. STORE=postgresql profiles PostgreSQL;
// PROFILE_TOP=40 lists more lines.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { cpuMs, freshDatabase, load, seed, sentence, startParley } from './lib.js';

const STORE = process.env.STORE === 'postgresql' ? 'postgresql' : 'sqlite';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
/** How many packages and functions the report lists. */
const TOP = Number(process.env.PROFILE_TOP ?? 15);

const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** A package (node_modules), a folder of dist/, a node: module, or what V8 names itself. */
function packageOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return '(gc)';
  if (!url) return '(native)';
  if (url.startsWith('wasm')) return 'wasm (Prisma query compiler)';
  if (url.includes('/generated/')) return 'Prisma generated client';
  if (url.includes('node_modules/')) {
    const rest = url.split('node_modules/').pop() ?? '';
    return rest
      .split('/')
      .slice(0, rest.startsWith('@') ? 2 : 1)
      .join('/');
  }
  if (url.includes('/dist/')) return `parley ${url.split('/dist/')[1]?.split('/')[0]}`;
  return url;
}

/** The load window on the monotonic clock V8's profile uses (µs), as this process saw it. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function report(file: string, windowUs: number, load?: { from: number; to: number }): void {
  const p = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let t = p.startTime;
  let busy = 0;
  // Both processes read CLOCK_MONOTONIC; if the clocks disagree, the last seconds before the end.
  const exact = load && load.from > p.startTime && load.to < p.endTime;
  const from = exact ? load.from : p.endTime - windowUs;
  const to = exact ? load.to : p.endTime - 500_000;
  if (!exact) console.log('(load window estimated from the end of the profile)');
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    // The load window only: not start-up, warm-up or shutdown.
    if (t < from || t > to) continue;
    const f = frames.get(p.samples[i] ?? -1);
    if (!f || f.functionName === '(idle)') continue;
    const us = p.timeDeltas[i + 1] ?? 0;
    busy += us;
    const pkg = packageOf(f.url, f.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`\nbusy CPU in the load window: ${Math.round(busy / 1000)} ms`);
  console.log(`by package:\n${top(byPackage, TOP)}\nby function:\n${top(byFunction, TOP)}`);
}

const profiles = mkdtempSync(join(tmpdir(), 'parley-profile-'));
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profiles}`;
const database = await freshDatabase(STORE);
const seeded = await seed(database.url, STORE, { posting: 0 });
const server = await startParley({ DATABASE_URL: database.url });
const url = `${server.url}/api/sites/bench/posts/posting/comments`;
const token = seeded.formToken('posting');
let n = 0;
const comment = () => {
  n += 1;
  return {
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
};
for (let i = 0; i < 50; i++) await fetch(url, { method: 'POST', ...comment() });
const before = cpuMs(server.child.pid!);
const loadFrom = nowUs();
const result = await load({
  url,
  duration: DURATION,
  connections: 10,
  requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...comment() }) }],
});
const loadTo = nowUs();
const used = cpuMs(server.child.pid!) - before;
await server.stop();
await database.drop();
console.log(
  `${STORE}: ${result.rps} POST/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.ok} answered 2xx; server CPU ${(used / Math.max(1, result.ok + result.non2xx)).toFixed(2)} ms per POST`,
);
const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
if (file) report(join(profiles, file), (DURATION + 3) * 1_000_000, { from: loadFrom, to: loadTo });
rmSync(profiles, { recursive: true, force: true });
process.exit(0);
