// WORKERS=2: one port, two worker processes under node's cluster, on SQLite (WAL, busy timeout)
// and Redis. Real processes: the primary is the child `npm start` runs; its workers are found
// in /proc by their parent.
import { readdirSync, readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createNewsSite } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { aComment } from '../helpers/parley.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';

const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out.sort((x, y) => x - y);
}

async function until<T>(what: string, probe: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many workers so far said they listen. */
const listening = (server: ChildServer) => server.output().split('Parley is listening').length - 1;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('when WORKERS is above 1 without REDIS_URL, then start-up refuses and says live updates need Redis', () => {
  expect(() => loadConfig({ WORKERS: '2' })).toThrow(ConfigError);
  expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS needs REDIS_URL.*live updates/);
  expect(loadConfig({ WORKERS: '2', REDIS_URL }).workers).toBe(2);
  expect(loadConfig({ WORKERS: 'auto', REDIS_URL }).workers).toBeGreaterThanOrEqual(1);
  expect(loadConfig({}).workers).toBe(1);
  expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS must be auto or a whole number/);
});

describe('WORKERS=2 on SQLite and Redis', () => {
  let database: TestDatabase;
  let server: ChildServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startChildServer({
      DATABASE_URL: database.url,
      WORKERS: '2',
      REDIS_URL,
      REDIS_PREFIX: `parley-workers-${process.pid}-${Date.now()}`,
      PARLEY_SECRET: 'workers-test-shared-secret-1',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
    });
    await until(
      'both workers listening',
      () =>
        childrenOf(server.child.pid!).length === 2 && listening(server) >= 2 ? true : undefined,
      60_000,
    );
    expect(await createNewsSite(server.url, ADMIN)).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await database?.drop();
  });

  test('when comments are posted on fresh connections, then a reader on one worker receives those written by either', async () => {
    const reader = io(server.url, { transports: ['websocket'], forceNew: true });
    sockets.push(reader);
    const ack = (await reader
      .timeout(10_000)
      .emitWithAck('join', { site: 'news', post: 'story' })) as { ok: boolean };
    expect(ack.ok).toBe(true);
    const seen = new Set<string>();
    reader.on('comment:created', (c: { id: string }) => seen.add(c.id));

    // Each request on its own connection: the primary deals connections to workers in turn.
    const posted: string[] = [];
    for (let i = 0; i < 8; i++) {
      const token = (await (
        await fetch(`${server.url}/api/sites/news/posts/story/form-token`, {
          headers: { Connection: 'close' },
        })
      ).json()) as { token: string };
      const res = await fetch(`${server.url}/api/sites/news/posts/story/comments`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Connection: 'close',
          'X-Forwarded-For': `203.0.113.${i + 1}`,
        },
        body: JSON.stringify({
          ...aComment({ url: 'https://news.example/story', title: 'Story' }),
          formToken: token.token,
        }),
      });
      expect(res.status).toBe(201);
      posted.push(((await res.json()) as { comment: { id: string } }).comment.id);
    }
    await until('every comment live', () => (seen.size === posted.length ? true : undefined));
    expect([...seen].sort()).toEqual([...posted].sort());
    recordFigure('workers: comments posted on fresh connections / received live by one reader', {
      posted: posted.length,
      received: seen.size,
    });
  }, 60_000);

  test('when a worker is killed, then the port keeps answering and the primary starts a replacement', async () => {
    const before = childrenOf(server.child.pid!);
    expect(before).toHaveLength(2);
    const victim = before[0]!;
    const killedAt = Date.now();
    process.kill(victim, 'SIGKILL');
    await until('the killed worker gone', () => (alive(victim) ? undefined : true));
    // The other worker answers meanwhile.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/health`, { headers: { Connection: 'close' } });
      expect(res.status).toBe(200);
    }
    const after = await until('a replacement worker', () => {
      const now = childrenOf(server.child.pid!);
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    });
    await until('the replacement listening', () => (listening(server) >= 3 ? true : undefined));
    recordFigure(
      'workers: ms from SIGKILL of a worker to its replacement listening',
      Date.now() - killedAt,
    );
    expect(after).toContain(before[1]);
    // Now the original survivor goes too: only the replacement is left to answer.
    process.kill(before[1]!, 'SIGKILL');
    await until('the second killed worker gone', () => (alive(before[1]!) ? undefined : true));
    await until('a fourth worker listening', () => (listening(server) >= 4 ? true : undefined));
    const res = await fetch(`${server.url}/api/health`, { headers: { Connection: 'close' } });
    expect(res.status).toBe(200);
  }, 60_000);

  test('when the primary gets SIGTERM, then every worker drains and all exit cleanly', async () => {
    const workers = await until('two workers again', () => {
      const now = childrenOf(server.child.pid!);
      return now.length === 2 ? now : undefined;
    });
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    expect(server.output()).toContain('stopping workers');
  }, 30_000);
});
