// A Parley app on a real database for HTTP tests. Every JSON response of a public route is
// recorded and, on close, scanned for the commenters' emails: one leak fails the file.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { buildParley, type Parley } from '../../src/server.js';
import { createTestDatabase, type Provider, type TestDatabase } from './databases.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef';
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts/public-responses');

export interface TestParley {
  parley: Parley;
  config: Config;
  http: express.Express;
  api: () => ReturnType<typeof request>;
  /**
   * POSTs as a real reader would: a form token issued a minute ago (so timing checks pass)
   * and a client IP of its own (so flood checks do not see one IP posting everything).
   */
  post: (
    url: string,
    options?: { ip?: string; formToken?: string | null },
  ) => { send(body: object): Promise<request.Response> };
  /** Emails that tests sent; no public response may contain one. */
  emails: Set<string>;
  publicResponses: string[];
  close(): Promise<void>;
}

export function testConfig(databaseUrl: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    PUBLIC_URL: 'http://parley.test',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    PARLEY_SECRET: TEST_SECRET,
    RATE_LIMIT_COMMENTS_PER_MINUTE: '10000',
    TRUST_PROXY: 'true',
    ...extra,
  });
}

export async function createTestParley(
  provider: Provider,
  options: {
    env?: Record<string, string>;
    name?: string;
    connectVia?: (url: string) => string;
    log?: Logger;
  } = {},
): Promise<TestParley> {
  const database: TestDatabase = await createTestDatabase(provider);
  const config = testConfig(
    options.connectVia ? options.connectVia(database.url) : database.url,
    options.env,
  );
  const parley = await buildParley(config, options.log ? { log: options.log } : {});
  const emails = new Set<string>();
  const publicResponses: string[] = [];

  const http = express();
  http.use((req, res, next) => {
    // The API reference names the moderator API's private fields as schema keys: it is
    // documentation, carrying no commenter's data.
    const isPublic =
      !req.path.startsWith('/api/moderation') &&
      !req.path.startsWith('/api/auth') &&
      !req.path.startsWith('/api/admin') &&
      req.path !== '/api/openapi.json';
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (isPublic && body !== undefined)
        publicResponses.push(
          typeof body === 'string'
            ? body
            : Buffer.isBuffer(body)
              ? body.toString('utf8')
              : JSON.stringify(body),
        );
      return send(body);
    };
    next();
  });
  http.use((req, res, next) => {
    // req.body is filled by the app's own JSON parser by the time the response is sent.
    res.on('finish', () => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      if (typeof email === 'string' && email.includes('@')) emails.add(email.trim().toLowerCase());
    });
    next();
  });
  http.use(parley.app);

  return {
    parley,
    config,
    http,
    api: () => request(http),
    post: (url, opts = {}) => ({
      async send(body: object) {
        const m = /\/api\/sites\/([^/]+)\/posts\/([^/]+)\//.exec(url);
        let formToken = opts.formToken;
        if (formToken === undefined && m) {
          const site = await parley.sites.find(m[1]!);
          formToken = site ? parley.formTokens.issue(site.id, m[2]!, Date.now() - 60_000) : null;
        }
        return request(http)
          .post(url)
          .set('X-Forwarded-For', opts.ip ?? nextIp())
          .send({ ...(formToken && { formToken }), ...body });
      },
    }),
    emails,
    publicResponses,
    async close() {
      const file = join(
        ARTIFACTS,
        `${options.name ?? provider}-${process.pid}-${Date.now()}.jsonl`,
      );
      for (const body of publicResponses) appendFileSync(file, `${body.replace(/\n/g, ' ')}\n`);
      await parley.close();
      await database.drop();
      assertNoEmailLeaks(publicResponses, emails);
    },
  };
}

export function assertNoEmailLeaks(bodies: string[], emails: Set<string>): void {
  const leaks = bodies.filter((body) => {
    const lower = body.toLowerCase();
    return (
      [...emails].some((email) => lower.includes(email)) ||
      /"(authorEmail|ipHash|ip|userAgent)"\s*:/.test(body)
    );
  });
  expect(leaks, 'a public response contains a commenter email or private field').toEqual([]);
}

/** A site with one post, for tests. */
export async function seedSite(
  parley: Parley,
  opts: {
    slug?: string;
    settings?: Record<string, unknown>;
    allowedOrigins?: string[];
    posts?: { slug: string; title?: string; closed?: boolean; publishedAt?: Date }[];
  } = {},
) {
  const site = await parley.database.db.site.create({
    data: {
      slug: opts.slug ?? 'blog',
      name: 'Test Blog',
      allowedOrigins: opts.allowedOrigins ?? [],
      settings: (opts.settings ?? {}) as object,
    },
  });
  for (const p of opts.posts ?? [{ slug: 'hello' }]) {
    await parley.database.db.post.create({
      data: {
        siteId: site.id,
        slug: p.slug,
        title: p.title ?? `Post ${p.slug}`,
        url: `https://blog.test/${p.slug}`,
        closed: p.closed ?? false,
        publishedAt: p.publishedAt ?? new Date(),
      },
    });
  }
  parley.sites.invalidate();
  return site;
}

let ipCounter = 0;
/** A distinct documentation-range address per call. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

let counter = 0;
/** A valid comment body; unique text by default so no duplicate logic interferes. */
export function aComment(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: 'Ada Reader',
    email: `ada.reader${counter}@example.com`,
    body: `A thoughtful comment number ${counter} about the article.`,
    ...overrides,
  };
}

/** A listening Parley (HTTP + socket.io) on a fresh database, for socket tests. */
export async function startTestServer(provider: Provider, env: Record<string, string> = {}) {
  const { startServer } = await import('../../src/server.js');
  const database = await createTestDatabase(provider);
  const { startOnFreePort } = await import('./process.js');
  const { started: running } = await startOnFreePort((port) =>
    startServer(
      testConfig(database.url, {
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        ...env,
      }),
    ),
  );
  return {
    ...running,
    database,
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}
