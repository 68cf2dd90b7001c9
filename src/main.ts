// Entry point: `npm start` runs dist/main.js, `npm run dev` runs this file with tsx.
import cluster from 'node:cluster';
import { runPrimary } from './cluster.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** Requests in flight get this long to finish after SIGTERM; the process exits within the limit. */
const DRAIN_MS = 6_000;
const SHUTDOWN_LIMIT_MS = 9_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // WORKERS>1: this process only supervises; the workers (this file again) serve.
  if (config.workers > 1 && cluster.isPrimary) {
    await runPrimary(config, createLogger(config.logLevel));
    return;
  }
  const running = await startServer(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.parley.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Never hang: whatever is not done by then is cut off.
    setTimeout(() => {
      running.parley.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await running.close(DRAIN_MS);
    running.parley.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const admin = running.parley.demoAdmin;
  // Under WORKERS, the first worker speaks for all (and any that created the demo sign-in).
  if (cluster.isWorker && cluster.worker?.id !== 1 && !admin) return;
  if (config.seedDemo) {
    console.log(`\n  Parley is running: ${running.url}/  (demo article)`);
    console.log(`  Moderator dashboard: ${running.url}/moderate`);
  } else {
    console.log(`\n  Parley is running. Dashboard: ${running.url}/moderate`);
  }
  if (await running.parley.needsSetup())
    console.log(`  First run: open ${running.url}/moderate to create the admin account.`);
  if (admin) {
    console.log(`  Sign in with ${admin.email} / ${admin.password}  (shown once; change it with`);
    console.log(`  npm run admin -- set-password --email ${admin.email} --password '…')`);
  }
  console.log('');
}

main().catch((err: unknown) => {
  console.error(`Parley could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
