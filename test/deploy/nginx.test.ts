// The shipped deploy/nginx.conf, for real: nginx (TLS on a loopback port, its own prefix, pid and
// temp dirs) in front of two Parley processes on one PostgreSQL database and one Redis. Readers
// and writers connect from distinct loopback addresses (127.0.0.x), so the address nginx sees
// differs from the one Parley's socket sees (nginx's, 127.0.0.1): only X-Forwarded-For can tell
// Parley who wrote a comment.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHasher } from '../../src/privacy/hashing.js';
import { createNewsSite } from '../helpers/auth.js';
import { launchBrowser, newPage, waitForWidget } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { recordFigure } from '../helpers/figures.js';
import { aComment } from '../helpers/parley.js';
import { freePort, PROJECT_ROOT, startChildServer, type ChildServer } from '../helpers/process.js';

const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'nginx-deploy-shared-secret-0123';
const ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };
const COMMENTS = 6;

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find(
  existsSync,
);
if (!NGINX)
  console.warn('nginx not found (apt-get install nginx): skipping the deploy/nginx.conf test');

/** Extracts the `server { … }` block that contains `marker`, braces matched. */
function serverBlock(conf: string, marker: string): string {
  const at = conf.indexOf(marker);
  const start = conf.lastIndexOf('server {', at);
  let depth = 0;
  for (let i = conf.indexOf('{', start); i < conf.length; i++) {
    if (conf[i] === '{') depth++;
    if (conf[i] === '}' && --depth === 0) return conf.slice(start, i + 1);
  }
  throw new Error(`no server block around ${marker}`);
}

/** Replaces `from` in `text`, failing when the shipped file no longer has it. */
function must(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`deploy/nginx.conf no longer contains ${String(from)}`);
  return out;
}

interface Ports {
  http: number;
  https: number;
  onlyA: number;
  onlyB: number;
  upstreams: [number, number];
}

/**
 * The shipped file with loopback ports and a test certificate, plus two server blocks that copy
 * its TLS block but each proxy to one process only, so a test can choose the upstream.
 */
function renderConfig(dir: string, ports: Ports): string {
  let conf = readFileSync(join(PROJECT_ROOT, 'deploy/nginx.conf'), 'utf8');
  conf = must(
    conf,
    /(upstream parley \{[^}]*?)server 127\.0\.0\.1:3001([^;]*);\s*server 127\.0\.0\.1:3002([^;]*);/,
    `$1server 127.0.0.1:${ports.upstreams[0]}$2;\n    server 127.0.0.1:${ports.upstreams[1]}$3;`,
  );
  conf = must(conf, /^\s*listen \[::\]:\d+.*$/gm, '');
  conf = must(conf, 'listen 80;', `listen 127.0.0.1:${ports.http};`);
  conf = must(conf, 'listen 443 ssl', `listen 127.0.0.1:${ports.https} ssl`);
  conf = must(conf, /ssl_certificate .*;/, `ssl_certificate ${join(dir, 'cert.pem')};`);
  conf = must(conf, /ssl_certificate_key .*;/, `ssl_certificate_key ${join(dir, 'key.pem')};`);
  const tls = serverBlock(conf, `listen 127.0.0.1:${ports.https} ssl`);
  const pinned = (port: number, upstream: number, name: string) =>
    `upstream ${name} { server 127.0.0.1:${upstream}; keepalive 8; }\n${must(
      must(tls, `listen 127.0.0.1:${ports.https} ssl`, `listen 127.0.0.1:${port} ssl`),
      'proxy_pass http://parley;',
      `proxy_pass http://${name};`,
    )}\n`;
  conf += `\n${pinned(ports.onlyA, ports.upstreams[0], 'parley_only_a')}${pinned(ports.onlyB, ports.upstreams[1], 'parley_only_b')}`;
  writeFileSync(join(dir, 'parley.conf'), conf);
  const temp = (name: string) => `${name}_temp_path ${join(dir, `${name}-temp`)};`;
  const main = [
    // As root, nginx would hand requests to workers running as "nobody", who cannot read here.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  access_log ${join(dir, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${temp(t)}`),
    `  include ${join(dir, 'parley.conf')};`,
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), main);
  return join(dir, 'nginx.conf');
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = tcpConnect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An https request through nginx from a chosen loopback address (the test certificate is self-signed). */
function httpsRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from,
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

function reader(url: string, transports: ('polling' | 'websocket')[], from: string): Socket {
  return io(url, {
    transports,
    upgrade: false,
    forceNew: true,
    rejectUnauthorized: false,
    localAddress: from,
    reconnectionDelay: 50,
  } as Parameters<typeof io>[1]);
}

async function joinThread(socket: Socket): Promise<void> {
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('join', { site: 'news', post: 'story' })) as {
    ok: boolean;
  };
  expect(ack.ok).toBe(true);
}

describe.skipIf(!NGINX)('deploy/nginx.conf in front of two Parley processes', () => {
  let dir: string;
  let database: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  let nginx: ChildProcess;
  let nginxOut = '';
  let ports: Ports;
  let browser: Browser | undefined;
  const sockets: Socket[] = [];
  const origin = (port: number) => `https://127.0.0.1:${port}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-nginx-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    database = await createTestDatabase('postgresql');
    const [http, https, onlyA, onlyB, pa, pb] = await Promise.all(
      Array.from({ length: 6 }, () => freePort()),
    );
    ports = { http: http!, https: https!, onlyA: onlyA!, onlyB: onlyB!, upstreams: [pa!, pb!] };
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: `parley-nginx-${process.pid}-${Date.now()}`,
      PARLEY_SECRET: SECRET,
      TRUST_PROXY: '1',
      PUBLIC_URL: origin(ports.https),
      RATE_LIMIT_COMMENTS_PER_MINUTE: '1000',
      LOG_LEVEL: 'info',
    };
    // Both start together, as after a deploy: the migration lock keeps them from racing.
    [a, b] = await Promise.all([
      startChildServer({
        ...shared,
        PORT: String(pa),
        SEED_DEMO: 'true',
        PARLEY_ADMIN_EMAIL: ADMIN.email,
        PARLEY_ADMIN_PASSWORD: ADMIN.password,
      }),
      // Every process of one deployment runs with the same settings: both serve the demo at /
      // (seeding is idempotent and safe when both start at once).
      startChildServer({ ...shared, PORT: String(pb), SEED_DEMO: 'true' }),
    ]);
    const conf = renderConfig(dir, ports);
    nginx = spawn(NGINX!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stdout!.on('data', (d) => (nginxOut += String(d)));
    nginx.stderr!.on('data', (d) => (nginxOut += String(d)));
    await Promise.all([ports.https, ports.onlyA, ports.onlyB].map((p) => waitForPort(p))).catch(
      (err: Error) => {
        throw new Error(`${err.message}; nginx said: ${nginxOut}`);
      },
    );

    // A site for the tests, created on process A: B must know it from the shared database.
    expect(await createNewsSite(a.url, ADMIN)).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    if (nginx && nginx.exitCode === null) {
      await new Promise<void>((resolve) => {
        nginx.once('exit', () => resolve());
        nginx.kill('SIGQUIT');
      });
    }
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Posts a comment through nginx on `port`, from loopback address `from`. */
  async function post(port: number, from: string, headers: Record<string, string> = {}) {
    const token = JSON.parse(
      (await httpsRequest(`${origin(port)}/api/sites/news/posts/story/form-token`, { from })).body,
    ) as { token: string };
    const res = await httpsRequest(`${origin(port)}/api/sites/news/posts/story/comments`, {
      method: 'POST',
      from,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({
        ...aComment({ url: 'https://news.example/story', title: 'Story' }),
        formToken: token.token,
      }),
    });
    expect(res.status, res.body).toBe(201);
    return (JSON.parse(res.body) as { comment: { id: string } }).comment.id;
  }

  async function recordedIpHash(commentId: string): Promise<string> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT "ipHash" FROM "Comment" WHERE id = $1', [
        commentId,
      ]);
      return (rows[0] as { ipHash: string }).ipHash;
    } finally {
      await client.end();
    }
  }

  test('when a reader opens the demo article through nginx over https, then the widget loads and renders the thread', async () => {
    browser = await launchBrowser();
    const page = await newPage(browser, { ignoreHTTPSErrors: true });
    const answer = await page.goto(`${origin(ports.https)}/`);
    expect(answer?.status()).toBe(200);
    await waitForWidget(page);
    const rendered = await page.locator('[data-testid=comment]').count();
    expect(rendered).toBeGreaterThan(0);
    const plain = await fetch(`http://127.0.0.1:${ports.http}/embed.js`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe(`https://127.0.0.1/embed.js`);
    recordFigure('nginx: demo page through nginx, comments rendered by the widget', rendered);
  }, 60_000);

  test('when comments are posted through one upstream, then readers connected through the other receive every one', async () => {
    // Over WebSocket through the block pinned to B, and over long polling only through the
    // sticky shared block (polling would fail with "Session ID unknown" without stickiness).
    const onB = reader(origin(ports.onlyB), ['websocket'], '127.0.0.2');
    const polling = reader(origin(ports.https), ['polling'], '127.0.0.3');
    sockets.push(onB, polling);
    await Promise.all([joinThread(onB), joinThread(polling)]);
    const seen = { websocketOnB: new Set<string>(), pollingSticky: new Set<string>() };
    onB.on('comment:created', (c: { id: string }) => seen.websocketOnB.add(c.id));
    polling.on('comment:created', (c: { id: string }) => seen.pollingSticky.add(c.id));

    const posted: string[] = [];
    for (let i = 0; i < COMMENTS; i++) posted.push(await post(ports.onlyA, `127.0.1.${i + 1}`));
    const until = Date.now() + 10_000;
    while (
      (seen.websocketOnB.size < COMMENTS || seen.pollingSticky.size < COMMENTS) &&
      Date.now() < until
    )
      await new Promise((r) => setTimeout(r, 50));

    expect([...seen.websocketOnB].sort()).toEqual([...posted].sort());
    expect([...seen.pollingSticky].sort()).toEqual([...posted].sort());
    recordFigure('nginx: comments posted through upstream A', posted.length);
    recordFigure(
      'nginx: delivered to a WebSocket reader through upstream B',
      seen.websocketOnB.size,
    );
    recordFigure(
      'nginx: delivered to a long-polling reader through the sticky block',
      seen.pollingSticky.size,
    );
  }, 60_000);

  test('when a client posts through nginx, then Parley records its address from X-Forwarded-For, and a forged X-Forwarded-For changes nothing', async () => {
    const hasher = createHasher(SECRET);
    const honest = await post(ports.https, '127.0.2.7');
    const forged = await post(ports.https, '127.0.2.8', { 'X-Forwarded-For': '198.51.100.66' });

    expect(await recordedIpHash(honest)).toBe(hasher.ip('127.0.2.7'));
    const forgedHash = await recordedIpHash(forged);
    expect(forgedHash).toBe(hasher.ip('127.0.2.8'));
    expect(forgedHash).not.toBe(hasher.ip('198.51.100.66'));
    // Parley's own peer is nginx on 127.0.0.1: without the header it would record that.
    expect(forgedHash).not.toBe(hasher.ip('127.0.0.1'));
    recordFigure('nginx: forged X-Forwarded-For 198.51.100.66 from 127.0.2.8, recorded as', {
      recorded: forgedHash === hasher.ip('127.0.2.8') ? '127.0.2.8' : 'other',
    });
  }, 30_000);
});
