// npm run bench:live: 1,000 readers in one room; time from a POST's response to the last
// reader's comment:created, on one process and on two processes sharing Redis (readers split
// between them, comments posted to the first). Loopback only; about a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectReaders, fanOut, freshDatabase, percentile, REDIS_URL, seed, startParley } from './lib.js';

const READERS = Number(process.env.BENCH_READERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

async function scenario(name: string, processes: number): Promise<{ name: string; p50: number; p99: number; max: number; rssMb: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-live-'));
  const provider = processes > 1 ? 'postgresql' : 'sqlite';
  const database = await freshDatabase(provider, dir);
  const seeded = await seed(database.url, provider, { live: 0 });
  const env = { DATABASE_URL: database.url, ...(processes > 1 && { REDIS_URL, REDIS_PREFIX: `parley-bench-${Date.now()}` }) };
  const servers = [];
  for (let i = 0; i < processes; i++) servers.push(await startParley(env));
  try {
    const readers = await connectReaders(servers.map((s) => s.url), READERS, 'bench', 'live');
    const times = await fanOut(`${servers[0]!.url}/api/sites/bench/posts/live/comments`, readers, ROUNDS, () => seeded.formToken('live'));
    for (const s of readers) s.disconnect();
    const r = (x: number) => Math.round(x * 10) / 10;
    return { name, p50: r(percentile(times, 50)), p99: r(percentile(times, 99)), max: r(Math.max(...times)), rssMb: servers.map((s) => s.peakRssMb()) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows = [await scenario('1 process (SQLite)', 1), await scenario('2 processes + Redis (PostgreSQL)', 2)];
  console.log(`\nLive fan-out: ${READERS} readers in one room, ${ROUNDS} comments; ms from the POST's response to the last reader's comment:created\n`);
  console.log('| setup | p50 ms | p99 ms | max ms | server peak RSS MB |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.p50} | ${r.p99} | ${r.max} | ${r.rssMb.join(' + ')} |`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
