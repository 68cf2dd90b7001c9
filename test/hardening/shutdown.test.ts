// SIGTERM under load: every request already in flight is answered (none reset), every comment
// answered 2xx is stored, and the process exits by itself within the limit.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { aComment, TEST_SECRET } from '../helpers/parley.js';
import { startChildServer, type ChildServer } from '../helpers/process.js';

const CONNECTIONS = 50;

/** Like a load generator: each client keeps its connection alive between requests. */
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** One POST; resolves with the status, or the socket error's code. */
function postOnce(
  url: string,
  body: object,
): Promise<{ status?: number; error?: string; json?: { comment?: { id: string } } }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          'X-Forwarded-For': `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => {
          let json: { comment?: { id: string } } | undefined;
          try {
            json = JSON.parse(text) as { comment?: { id: string } };
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, ...(json && { json }) });
        });
        res.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ error: err.code ?? err.message }),
        );
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(payload);
  });
}

describe('SIGTERM under load', () => {
  let database: TestDatabase;
  let server: ChildServer;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startChildServer({
      DATABASE_URL: database.url,
      PARLEY_SECRET: TEST_SECRET,
      SEED_DEMO: 'true',
      TRUST_PROXY: 'true',
      RATE_LIMIT_COMMENTS_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test(`when SIGTERM arrives while ${CONNECTIONS} clients post comments, then no request in flight is reset and every 2xx is stored`, async () => {
    const url = `${server.url}/api/sites/demo/posts/xz-style-backdoor-tarballs/comments`;
    const answered: { status?: number; error?: string; json?: { comment?: { id: string } } }[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const result = await postOnce(url, aComment());
        answered.push(result);
        if (result.error === 'ECONNREFUSED') return; // the server stopped accepting: done
      }
    };
    // Open the 50 connections first (one request each, all answered), like a proxy's pool of
    // upstream connections, so each is established and taken in before the load starts.
    // (Under load Node takes in new connections slowly; the kernel resets connections still
    // waiting in its accept queue when a listener closes, and no server can answer those.)
    answered.push(
      ...(await Promise.all(Array.from({ length: CONNECTIONS }, () => postOnce(url, aComment())))),
    );
    const clients = Array.from({ length: CONNECTIONS }, client);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const signalled = Date.now();
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    server.child.kill('SIGTERM');
    const code = await exited;
    const exitMs = Date.now() - signalled;
    stop = true;
    await Promise.all(clients);

    const ok = answered.filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300);
    const reset = answered.filter((r) => r.error !== undefined && r.error !== 'ECONNREFUSED');
    const failed = answered.filter((r) => r.status !== undefined && r.status >= 500);
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000);
    expect(reset, JSON.stringify(reset.slice(0, 5))).toEqual([]);
    expect(failed.map((r) => r.status)).toEqual([]);
    expect(ok.length).toBeGreaterThan(50);

    // Every comment that was answered 2xx is in the database.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(database.url.replace(/^file:/, ''), { readonly: true });
    const ids = ok.map((r) => r.json!.comment!.id);
    const placeholders = ids.map(() => '?').join(',');
    const stored = (
      db
        .prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE "id" IN (${placeholders})`)
        .get(...ids) as { n: number }
    ).n;
    db.close();
    expect(stored).toBe(ids.length);
    recordFigure('sigterm-under-load', {
      answered2xx: ok.length,
      stored,
      inFlightReset: reset.length,
      exitMs,
    });
  }, 60_000);
});
