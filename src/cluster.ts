// WORKERS=N: the primary process of node's cluster. It applies migrations once, starts one
// worker and waits until it listens (so seeding the demo, the first admin and a generated
// secret happen once), then starts the others on the same port. A worker that dies is replaced
// (with a growing pause when it keeps dying at start); SIGTERM is passed to every worker, each
// drains its own requests, and the primary exits when all have.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';
import { migrate } from './db/migrate.js';
import type { Logger } from './logger.js';
import { MIGRATIONS_DIR } from './paths.js';

/** Workers get this long to drain after SIGTERM before they are killed. */
const STOP_LIMIT_MS = 12_000;
/** A worker that dies sooner than this after it started counts as failing at start. */
const EARLY_DEATH_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

export async function runPrimary(config: Config, log: Logger): Promise<void> {
  const applied = await migrate(config.database.provider, config.database.url, MIGRATIONS_DIR);
  if (applied.length > 0) log.info({ migrations: applied }, 'applied database migrations');
  log.info(
    { workers: config.workers },
    'starting workers; clients without WebSocket (long polling) need sticky sessions, which one port cannot give: behind a proxy, prefer separate processes on separate ports (docs/deploy.md)',
  );

  let stopping = false;
  let earlyDeaths = 0;
  const startedAt = new Map<Worker, number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    earlyDeaths = lived < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    const delay = Math.min(MAX_RESTART_DELAY_MS, earlyDeaths * 1_000);
    log.warn(
      { worker: worker.process.pid, code, signal, restartInMs: delay },
      'a worker stopped; starting another',
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  // The first one alone: it seeds and creates what must exist once.
  await new Promise<void>((resolve, reject) => {
    const first = fork();
    first.once('listening', () => resolve());
    first.once('exit', (code) => reject(new Error(`the first worker exited with ${code}`)));
  });
  for (let i = 1; i < config.workers; i++) fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers: each finishes its requests in flight');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    setTimeout(() => {
      log.error('workers took too long to stop; killing them');
      for (const w of workers) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const w of workers) {
      w.once('exit', () => {
        left -= 1;
        if (left === 0) {
          log.info('stopped');
          process.exit(0);
        }
      });
      w.process.kill(signal);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
