// Starts Parley as a child process, the way `npm start` does, and waits until it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');

/**
 * A port free right now, for a server that must be told its port before it listens. It is
 * drawn below the kernel's ephemeral range (32768+), where the outgoing connections of every
 * parallel test (to PostgreSQL, Redis, SMTP) take theirs: a port handed out by `listen(0)` is
 * in that range and was taken by such a connection before the server listened on it, in CI.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 22_000);
    if (await canListen(port)) return port;
  }
}

/**
 * Starts something on a port from freePort(), trying another port when a parallel test took it
 * between the check and the start (EADDRINUSE), up to five tries.
 */
export async function startOnFreePort<T>(
  start: (port: number) => Promise<T>,
): Promise<{ port: number; started: T }> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      return { port, started: await start(port) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 4) throw err;
    }
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** `node scripts/start.mjs` (build if needed, migrate, seed, serve) with the given environment. */
export async function startChildServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ChildServer> {
  // A free port can be taken by another test process before the child listens: try another.
  for (let attempt = 0; ; attempt++) {
    try {
      return await startChildOnce(env, timeoutMs);
    } catch (err) {
      if (env.PORT || attempt >= 4 || !String((err as Error).message).includes('EADDRINUSE'))
        throw err;
    }
  }
}

async function startChildOnce(
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ChildServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/start.mjs')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in time:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      if (out.includes('Parley is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
