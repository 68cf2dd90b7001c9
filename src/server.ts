// The one composition root: config → migrations → database → kernel services → feature
// modules (each from its index.ts) → the HTTP app → the listening server with live updates.
// Nothing else builds a feature or wires one to another.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createAdminModule } from './admin/index.js';
import { createApiDocsModule } from './api-docs/index.js';
import { createAuthModule, ensureFirstAdmin, needsSetup } from './auth/index.js';
import {
  createCommentsModule,
  createThreadCacheSync,
  postKey,
  type ThreadCache,
  type ThreadCacheSync,
} from './comments/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { pingDatabase } from './db/health.js';
import { migrate } from './db/migrate.js';
import { createDemoAdminIfNone, seedDemoIfEmpty } from './demo/seed.js';
import { EventBus } from './events.js';
import { createApp } from './http/app.js';
import { createDrain, type Drain } from './http/drain.js';
import { createRateLimiters } from './http/rate-limit.js';
import { routeOf } from './http/request-context.js';
import { createRequestLog, type RequestObserver } from './http/request-log.js';
import { createLogger, redactError, type Logger } from './logger.js';
import { createMetricsModule, type Metrics } from './metrics/index.js';
import { banLookup, createModerationModule } from './moderation/index.js';
import {
  createNotificationsModule,
  type NotificationsModule,
  verifiedAuthorLookup,
} from './notifications/index.js';
import { MIGRATIONS_DIR, WEB_DEMO_DIR, WEB_DIST_DIR } from './paths.js';
import { createOutboxModule, type Outbox, type OutboxWorker } from './outbox/index.js';
import { createPerspectiveApiModule } from './perspective-api/index.js';
import { createPostsModule } from './posts/index.js';
import {
  createExportModule,
  createImporter,
  createImportExportModule,
  screenImportedWith,
  type ImporterDeps,
  type ScreenImported,
} from './import-export/index.js';
import { createHasher, type Hasher } from './privacy/hashing.js';
import { resolveSecret } from './privacy/secret.js';
import { attachRealtime, type Realtime } from './realtime/index.js';
import { connectRedis, pingRedis, type RedisConnection } from './redis.js';
import { createScreeningModule, type FormTokens, type Screener } from './screening/index.js';
import { createSitesModule, type SiteDirectory } from './sites/index.js';
import { createWebhooksModule } from './webhooks/index.js';

/** Health answers within this, whatever the database does. */
const HEALTH_DEADLINE_MS = 800;
/** After a delivery is queued, changes kick the outbox worker for this long (> a transaction's timeout). */
const QUEUED_NUDGE_WINDOW_MS = 30_000;
/** The route the thread fast path answers, for request logs and metrics. */
const THREAD_ROUTE = '/api/sites/:site/posts/:post/comments';

export interface Parley {
  config: Config;
  app: Express;
  database: Database;
  events: EventBus;
  sites: SiteDirectory;
  hasher: Hasher;
  formTokens: FormTokens;
  screening: Screener;
  threadCache: ThreadCache;
  threadCacheSync: ThreadCacheSync;
  /** Imports of other systems' export files (CLI, admin API). */
  importer: ImporterDeps;
  /** Answers cached thread pages before express. */
  fastPath: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => boolean;
  /** The server's request handler: request id, logs and metrics, the fast path, then express. */
  handle: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => void;
  /** Prometheus metrics, when METRICS_TOKEN is set. */
  metrics: Metrics | null;
  /** Live updates' view of the other modules. */
  live: Pick<Parameters<typeof attachRealtime>[1], 'auth' | 'moderation'>;
  /** Requests in flight, for a graceful shutdown. */
  drain: Drain;
  /** The shared Redis connection (scale-out), when REDIS_URL is set. */
  redis: RedisConnection | null;
  /** Mail to moderators and commenters (digests can be run by hand in tests). */
  notifications: NotificationsModule;
  /** Durable deliveries (webhooks, mail) and this process's worker (null with OUTBOX_WORKER=false). */
  outbox: Outbox;
  outboxWorker: OutboxWorker | null;
  /** Sign-in created for a fresh demo (shown once at start), or null. */
  demoAdmin: { email: string; password: string } | null;
  /** True while no account exists: the dashboard shows its first-run page. */
  needsSetup(): Promise<boolean>;
  log: Logger;
  close(): Promise<void>;
}

/** Everything but the listening socket: migrated database, modules and the express app. */
export async function buildParley(config: Config, options: { log?: Logger } = {}): Promise<Parley> {
  const log = options.log ?? createLogger(config.logLevel);
  if (config.trustProxy === true) {
    // Any client could then claim any address with X-Forwarded-For: per-IP limits, flood checks
    // and report de-duplication would count whatever it says.
    log.warn(
      'TRUST_PROXY=true trusts every X-Forwarded-For hop: set it to the number of proxies in front of Parley (usually 1) or their addresses',
    );
  }
  // Kernel: the store, secrets, events, Redis, rate limits.
  const database = await openStore(config, log);
  const { db } = database;
  const secret = resolveSecret(config.secret);
  const hasher = createHasher(secret);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(db, hasher, WEB_DEMO_DIR));
  if (seeded) log.info('seeded the demo site and article');
  await ensureFirstAdmin(db, config.admin, log);
  const demoAdmin = seeded && !config.admin ? await createDemoAdminIfNone(db) : null;
  const events = createEvents(log);
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, config.redisPrefix, log)
    : null;
  const limits = createRateLimiters(redis);
  const drain = createDrain();
  const publicUrl = config.publicUrl;
  const { metrics, router: metricsRouter } = createMetricsModule({
    token: config.metricsToken,
    db,
    pool: database.poolStats,
  });
  const observers: RequestObserver[] = metrics ? [(done) => metrics.request(done)] : [];
  const requestLog = createRequestLog(log, observers);

  // Features, lowest first.
  const sites = createSitesModule({ db, publicUrl });
  const posts = createPostsModule({ db, sites: sites.directory });
  const screening = createScreening(config, db, log, secret, metrics);
  const comments = await createCommentsModule({
    db,
    store: database.provider,
    events,
    log,
    hasher,
    secret,
    publicUrl,
    commentsPerMinute: config.rateLimitCommentsPerMinute,
    sites: sites.directory,
    posts: posts.lookup,
    screener: screening.screener,
    formTokens: screening.formTokens,
    limits,
    redis,
    replyMail: config.mail !== undefined,
  });
  const auth = createAuthModule({ db, events, limits, publicUrl });
  const moderation = createModerationModule({
    db,
    events,
    log,
    hasher,
    sites: sites.directory,
    publicUrl,
    feedback: screening.screener.feedback,
    guard: auth.guard,
    limits,
  });
  const admin = createAdminModule({
    db,
    events,
    hasher,
    sites: sites.directory,
    posts: posts.lookup,
    guard: auth.guard,
    publicUrl,
    // Bound late: the notifications module is built further down.
    mailInvitation: (inviter, invited) => notifications.mailInvitation(inviter, invited),
  });
  const perspectiveApi = createPerspectiveApiModule({ db, limits });
  const apiDocs = createApiDocsModule({ publicUrl });
  const exports = createExportModule({ db, hasher, events, log, publicUrl, guard: auth.guard });
  const importExport = createImportExportModule({
    db,
    hasher,
    sites: sites.directory,
    guard: auth.guard,
    screen: screenImportedWith(screening.screener),
    // Imports are not broadcast live: only the cached pages of the threads they changed go.
    invalidateThreads: (siteSlug, postSlugs) => {
      for (const slug of postSlugs) comments.threadCacheSync.invalidate(postKey(siteSlug, slug));
    },
    log,
    maxUploadBytes: config.importMaxUploadBytes,
  });

  // Outbox: deliveries recorded in the transaction of the change that causes them.
  const outboxStore = createOutboxModule({ db, store: database.provider });
  // When a transaction last queued a delivery: a change that queued none (most new comments)
  // then costs no claim query.
  let queuedAt = Number.NEGATIVE_INFINITY;
  const outbox: Outbox = {
    ...outboxStore,
    async enqueue(tx, messages) {
      const added = await outboxStore.enqueue(tx, messages);
      if (added > 0) queuedAt = Date.now();
      return added;
    },
  };
  let nudgeWorker = () => {};
  const webhooks = createWebhooksModule({
    db,
    events,
    sites: sites.directory,
    outbox,
    guard: auth.guard,
    publicUrl,
    timeoutMs: config.webhookTimeoutMs,
    privateTargets: config.webhookPrivateTargets,
    nudge: () => nudgeWorker(),
  });
  const notifications = createNotificationsModule({
    db,
    events,
    log,
    secret,
    publicUrl,
    mail: config.mail,
    guard: auth.guard,
    outbox,
    nudge: () => nudgeWorker(),
    decide: async (actor, commentId, action) => {
      const { comment } = await moderation.decide(actor, commentId, action);
      return { status: comment.comment.status };
    },
  });
  const outboxWorker = config.outbox.worker
    ? outbox.createWorker({
        log,
        handlers: { webhook: webhooks.handler, email: notifications.handler },
        retry: { baseDelayMs: config.outbox.retryBaseMs, maxAttempts: config.outbox.maxAttempts },
        leaseMs: config.outbox.leaseMs,
        pollMs: config.outbox.pollMs,
        retention: { keepMs: config.outbox.retentionDays * 86_400_000 },
      })
    : null;
  if (outboxWorker) {
    nudgeWorker = () => outboxWorker.nudge();
    // Changes that may have queued deliveries have committed: look now, not at the next tick.
    // A transaction that queued commits within its timeout, and its event follows the commit.
    for (const name of [
      'comment.created',
      'comment.status-changed',
      'comment.edited',
      'comment.reported',
    ] as const)
      events.subscribe(name, () => {
        if (Date.now() - queuedAt < QUEUED_NUDGE_WINDOW_MS) nudgeWorker();
      });
    outboxWorker.start();
  }

  const app = createApp({
    config,
    log,
    api: [
      { path: '/', router: sites.router },
      { path: '/', router: posts.router },
      { path: '/', router: comments.router },
      { path: '/', router: moderation.reportsRouter },
      { path: '/', router: auth.router },
      { path: '/moderation', router: moderation.router },
      { path: '/admin', router: importExport.router },
      { path: '/admin', router: webhooks.router },
      { path: '/admin', router: admin.router },
      { path: '/admin', router: exports.router },
      { path: '/', router: notifications.router },
      { path: '/', router: apiDocs.router },
    ],
    mounts: [
      { path: '/v1alpha1', router: perspectiveApi.router },
      ...(metricsRouter ? [{ path: '/', router: metricsRouter }] : []),
    ],
    health: () => pingDatabase(db, HEALTH_DEADLINE_MS),
    readiness: {
      database: () => pingDatabase(db, HEALTH_DEADLINE_MS),
      ...(redis && { redis: () => pingRedis(redis, HEALTH_DEADLINE_MS) }),
    },
    requestLog,
    isDraining: () => drain.draining,
    webRoot: WEB_DIST_DIR,
    demoAtRoot: config.seedDemo,
  });
  return {
    config,
    app,
    database,
    events,
    sites: sites.directory,
    hasher,
    formTokens: screening.formTokens,
    screening: screening.screener,
    threadCache: comments.threadCache,
    threadCacheSync: comments.threadCacheSync,
    importer: importExport.importer,
    fastPath: comments.fastPath,
    handle(req, res) {
      let fast = false;
      requestLog.observe(req, res, () => (fast ? THREAD_ROUTE : routeOf(req)));
      fast = comments.fastPath(req, res);
      if (!fast) app(req, res);
    },
    metrics,
    live: { auth, moderation },
    drain,
    redis,
    notifications,
    outbox,
    outboxWorker,
    demoAdmin,
    needsSetup: () => needsSetup(db),
    log,
    async close() {
      await outboxWorker?.stop();
      await notifications.close();
      await comments.close();
      await redis?.close();
      await database.close();
    },
  };
}

export interface ParleyImporter {
  config: Config;
  database: Database;
  sites: SiteDirectory;
  importer: ImporterDeps;
  log: Logger;
  close(): Promise<void>;
}

/**
 * What an import outside the server needs (the import CLI, the import benchmark), wired as
 * buildParley wires it: the migrated store, the sites, the importer, and the thread cache
 * invalidations that running servers hear through Redis. No HTTP app, outbox, mail or live
 * updates; the screening model (tens of MB) is loaded only when a run screens a comment.
 */
export async function buildImporter(
  config: Config,
  options: { log?: Logger } = {},
): Promise<ParleyImporter> {
  const log = options.log ?? createLogger(config.logLevel);
  const database = await openStore(config, log);
  const { db } = database;
  const secret = resolveSecret(config.secret);
  const hasher = createHasher(secret);
  const events = createEvents(log);
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, config.redisPrefix, log)
    : null;
  const sites = createSitesModule({ db, publicUrl: config.publicUrl });
  const { threadCacheSync } = await createThreadCacheSync({ events, log, redis });
  let screen: ScreenImported | null = null;
  const importer = createImporter({
    db,
    hasher,
    sites: sites.directory,
    screen: (input) => {
      screen ??= screenImportedWith(createScreening(config, db, log, secret, null).screener);
      return screen(input);
    },
    invalidateThreads: (siteSlug, postSlugs) => {
      for (const slug of postSlugs) threadCacheSync.invalidate(postKey(siteSlug, slug));
    },
    log,
  });
  return {
    config,
    database,
    sites: sites.directory,
    importer,
    log,
    async close() {
      await threadCacheSync.close();
      await redis?.close();
      await database.close();
    },
  };
}

/** Migrations applied (as the running version knows them), then the store opened. */
async function openStore(config: Config, log: Logger): Promise<Database> {
  const applied = await migrate(config.database.provider, config.database.url, MIGRATIONS_DIR, {
    onUnknown: (migrations) =>
      log.warn(
        { migrations },
        'the database has migrations this version of Parley does not know: it was upgraded by a newer version',
      ),
  });
  if (applied.length > 0) log.info({ migrations: applied }, 'applied database migrations');
  return openDatabase(config.database.provider, config.database.url);
}

function createEvents(log: Logger): EventBus {
  return new EventBus((err, name) =>
    log.error({ err: redactError(err), event: name }, 'event listener failed'),
  );
}

function createScreening(
  config: Config,
  db: Database['db'],
  log: Logger,
  secret: string,
  metrics: Metrics | null,
) {
  return createScreeningModule({
    config,
    db,
    log,
    secret,
    bans: banLookup(db),
    observer: metrics
      ? {
          phase: (name, seconds) => metrics.screeningPhase(name, seconds),
          screened: (decision, reasons) => metrics.screened(decision, reasons),
        }
      : undefined,
    verifiedAuthors: verifiedAuthorLookup(db),
  });
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
  const server = createServer(parley.drain.track((req, res) => parley.handle(req, res)));
  parley.drain.watch(server);
  const realtime = attachRealtime(server, {
    config,
    db: parley.database.db,
    sites: parley.sites,
    events: parley.events,
    log: parley.log,
    redis: parley.redis,
    ...parley.live,
  });
  parley.metrics?.setRealtimeSource(() => realtime.stats());
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
