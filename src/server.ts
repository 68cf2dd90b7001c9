// Composition root: config → migrations → database → demo seed → HTTP (+ realtime) server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createDemoAdminIfNone, seedDemoIfEmpty } from './demo/seed.js';
import { ensureFirstAdmin } from './auth/index.js';
import { EventBus } from './events.js';
import { createApp } from './http/app.js';
import { createLogger, redactError, type Logger } from './logger.js';
import { MIGRATIONS_DIR, WEB_DEMO_DIR, WEB_DIST_DIR } from './paths.js';
import { createHasher, type Hasher } from './privacy/hashing.js';
import { resolveSecret } from './privacy/secret.js';
import { SiteDirectory } from './sites/sites.service.js';
import { PostLookup } from './posts/posts.service.js';
import { attachRealtime, type Realtime } from './realtime/io.js';
import { connectRedis, type RedisConnection } from './redis.js';
import { createRateLimiters } from './http/rate-limit.js';
import { createDrain, type Drain } from './http/drain.js';
import { createFormTokens, type FormTokens } from './screening/form-tokens.js';
import { createEditTokens } from './comments/edit-tokens.js';
import { ThreadCache } from './comments/thread-cache.js';
import { ThreadCacheSync } from './comments/thread-cache-sync.js';
import { createThreadFastPath } from './comments/thread-fast-path.js';
import { CommentWriter } from './comments/comment-writer.js';
import { akismetClient } from './screening/providers/akismet.js';
import { perspectiveProvider } from './screening/providers/perspective.js';
import type { RemoteProvider } from './screening/providers/provider.js';
import { createScreeningService, type ScreeningService } from './screening/screening.service.js';

export interface Parley {
  config: Config;
  app: Express;
  database: Database;
  events: EventBus;
  sites: SiteDirectory;
  hasher: Hasher;
  formTokens: FormTokens;
  screening: ScreeningService;
  threadCache: ThreadCache;
  threadCacheSync: ThreadCacheSync;
  /** Requests in flight, for a graceful shutdown. */
  drain: Drain;
  /** The shared Redis connection (scale-out), when REDIS_URL is set. */
  redis: RedisConnection | null;
  /** Sign-in created for a fresh demo (shown once at start), or null. */
  demoAdmin: { email: string; password: string } | null;
  log: Logger;
  close(): Promise<void>;
}

/** Everything but the listening socket: migrated database, services and the express app. */
export async function buildParley(config: Config, options: { log?: Logger } = {}): Promise<Parley> {
  const log = options.log ?? createLogger(config.logLevel);
  if (config.trustProxy === true) {
    // Any client could then claim any address with X-Forwarded-For: per-IP limits, flood checks
    // and report de-duplication would count whatever it says.
    log.warn(
      'TRUST_PROXY=true trusts every X-Forwarded-For hop: set it to the number of proxies in front of Parley (usually 1) or their addresses',
    );
  }
  const applied = await migrate(config.database.provider, config.database.url, MIGRATIONS_DIR);
  if (applied.length > 0) log.info({ migrations: applied }, 'applied database migrations');

  const database = await openDatabase(config.database.provider, config.database.url);
  const secret = resolveSecret(config.secret);
  const hasher = createHasher(secret);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(database.db, hasher, WEB_DEMO_DIR));
  if (seeded) log.info('seeded the demo site and article');
  await ensureFirstAdmin(database.db, config.admin, log);
  const demoAdmin = seeded && !config.admin ? await createDemoAdminIfNone(database.db) : null;
  const events = new EventBus((err, name) =>
    log.error({ err: redactError(err), event: name }, 'event listener failed'),
  );
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, config.redisPrefix, log)
    : null;
  const sites = new SiteDirectory(database.db);
  const formTokens = createFormTokens(secret);
  const screening = createScreeningService({
    db: database.db,
    log,
    formTokens,
    ...remoteProviders(config),
    budgetMs: config.screeningBudgetMs,
  });
  const drain = createDrain();
  const threadCache = new ThreadCache();
  const threadCacheSync = new ThreadCacheSync(threadCache, events, log);
  if (redis) await threadCacheSync.attachRedis(redis);
  const app = createApp({
    limits: createRateLimiters(redis),
    isDraining: () => drain.draining,
    config,
    threadCache,
    posts: new PostLookup(database.db),
    writer: new CommentWriter(database.db, config.database.provider),
    db: database.db,
    sites,
    hasher,
    events,
    screening,
    formTokens,
    editTokens: createEditTokens(secret),
    feedback: screening.feedback,
    log,
    webRoot: WEB_DIST_DIR,
  });
  return {
    config,
    app,
    database,
    events,
    sites,
    hasher,
    formTokens,
    screening,
    threadCache,
    threadCacheSync,
    demoAdmin,
    log,
    redis,
    drain,
    async close() {
      await threadCacheSync.close();
      await redis?.close();
      await database.close();
    },
  };
}

/** Perspective and Akismet, when their keys are configured. */
function remoteProviders(config: Config) {
  const akismet = config.akismet
    ? akismetClient({
        apiKey: config.akismet.apiKey,
        blogUrl: config.publicUrl,
        ...(config.akismet.endpoint && { endpoint: config.akismet.endpoint }),
      })
    : null;
  const providers: RemoteProvider[] = [];
  if (config.perspective) {
    providers.push(
      perspectiveProvider({
        apiKey: config.perspective.apiKey,
        ...(config.perspective.endpoint && { endpoint: config.perspective.endpoint }),
      }),
    );
  }
  if (akismet) providers.push(akismet.provider);
  return { providers, akismet };
}

export interface RunningServer {
  url: string;
  server: Server;
  parley: Parley;
  realtime: Realtime;
  /** Stops the server; with `drainMs`, requests in flight get that long to finish first. */
  close(drainMs?: number): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { log?: Logger } = {},
): Promise<RunningServer> {
  const parley = await buildParley(config, options);
  const fastPath = createThreadFastPath({
    threadCache: parley.threadCache,
    sites: parley.sites,
    ownOrigin: new URL(config.publicUrl).origin,
  });
  const server = createServer(
    parley.drain.track((req, res) => {
      if (!fastPath(req, res)) parley.app(req, res);
    }),
  );
  parley.drain.watch(server);
  const realtime = attachRealtime(server, {
    config,
    db: parley.database.db,
    sites: parley.sites,
    events: parley.events,
    log: parley.log,
    redis: parley.redis,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    // The port is taken (or not ours to bind): leave nothing open behind us.
    await realtime.close().catch(() => {});
    await parley.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  parley.log.info({ url, database: config.database.provider }, 'Parley is listening');
  return {
    url,
    server,
    parley,
    realtime,
    async close(drainMs = 0) {
      // In-flight requests finish first (their comments are stored and answered), then live
      // sockets close, then whatever connection is still open, then the stores.
      const unfinished = await parley.drain.drain(server, drainMs);
      if (unfinished > 0)
        parley.log.warn({ unfinished }, 'shutting down with requests still in flight');
      await realtime.close();
      server.closeAllConnections();
      await parley.close();
    },
  };
}
