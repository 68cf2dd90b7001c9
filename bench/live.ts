// npm run bench:live: 1,000 readers in one room; time from a POST's response to the last
// reader's comment:created, on one process and on two processes sharing Redis (readers split
// between them, comments posted to the first). Loopback only; about a minute.
import {
  fanOut,
  freshDatabase,
  percentile,
  REDIS_URL,
  seed,
  startParley,
  startReaders,
} from './lib.js';

const READERS = Number(process.env.BENCH_READERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

interface Row {
  name: string;
  p50: number;
  p99: number;
  max: number;
  p50FromRequest: number;
  p99FromRequest: number;
  rssMb: number[];
}

async function scenario(name: string, processes: number): Promise<Row> {
  const provider = processes > 1 ? 'postgresql' : 'sqlite';
  const database = await freshDatabase(provider);
  const seeded = await seed(database.url, provider, { live: 0 });
  const env = {
    DATABASE_URL: database.url,
    ...(processes > 1 && { REDIS_URL, REDIS_PREFIX: `parley-bench-${Date.now()}` }),
  };
  const servers = [];
  for (let i = 0; i < processes; i++) servers.push(await startParley(env));
  try {
    const readers = await startReaders(
      servers.map((s) => s.url),
      READERS,
      'bench',
      'live',
    );
    const samples = await fanOut(
      `${servers[0]!.url}/api/sites/bench/posts/live/comments`,
      readers,
      ROUNDS,
      () => seeded.formToken('live'),
    );
    readers.close();
    const r = (x: number) => Math.round(x * 10) / 10;
    const after = samples.map((s) => s.afterResponse);
    const fromRequest = samples.map((s) => s.afterRequest);
    return {
      name,
      p50: r(percentile(after, 50)),
      p99: r(percentile(after, 99)),
      max: r(Math.max(...after)),
      p50FromRequest: r(percentile(fromRequest, 50)),
      p99FromRequest: r(percentile(fromRequest, 99)),
      rssMb: servers.map((s) => s.peakRssMb()),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  }
}

async function main(): Promise<void> {
  const rows = [
    await scenario('1 process (SQLite)', 1),
    await scenario('2 processes + Redis (PostgreSQL)', 2),
  ];
  console.log(
    `\nLive fan-out: ${READERS} readers in one room (in 2 reader processes), ${ROUNDS} comments.`,
  );
  console.log(
    "ms from the POST's response to the last reader's comment:created (negative: every reader had it before the response arrived), and from the POST's sending.\n",
  );
  console.log(
    '| setup | after response p50 | p99 | max | after request p50 | p99 | server peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.p50} | ${r.p99} | ${r.max} | ${r.p50FromRequest} | ${r.p99FromRequest} | ${r.rssMb.join(' + ')} |`,
    );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
