// The only module that reads process.env. Parsed once at start-up; a bad value stops the
// process with one line naming the variable (see loadConfig).
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  /** TCP port to listen on. */
  PORT: port.default(3000),
  /** Processes serving the one port (node's cluster): a count, or auto for one per core. */
  WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], {
      error: 'must be auto or a whole number from 1 to 64',
    })
    .default(1),
  /** Interface to bind; 0.0.0.0 to listen on every interface. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** file:./data/parley.db (SQLite, the default) or postgresql://user@host:5432/db. */
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'must start with file: or postgresql://')
    .default('file:./data/parley.db'),
  /** The URL readers reach this server at; used in embed snippets and avatar links. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Behind a reverse proxy: how to trust X-Forwarded-For, as express's "trust proxy". */
  TRUST_PROXY: z.string().default('false'),
  /** Secret for salted hashes (emails, IPs) and signed form tokens; generated under ./data when unset. */
  PARLEY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Seed the demo site and article when the database has no sites. */
  SEED_DEMO: bool.default(true),
  /** Write rate limit: comments per client IP per minute. */
  RATE_LIMIT_COMMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Bearer token Prometheus sends to GET /metrics; without it /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Largest import file the admin API accepts, in MB (bigger files: npm run import). */
  IMPORT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100_000).default(1024),
  /** debug, info, warn, error or silent. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** socket.io scale-out across processes (optional). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of Parley's Redis keys and channels (several deployments may share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,50}$/, 'must be 1-50 letters, digits, : . - or _')
    .default('parley'),
  /** Optional screening providers. */
  /** Time budget for the remote screening providers together, in milliseconds. */
  SCREENING_BUDGET_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
  PERSPECTIVE_API_KEY: z.string().min(1).optional(),
  PERSPECTIVE_ENDPOINT: z.url().optional(),
  AKISMET_KEY: z.string().min(1).optional(),
  AKISMET_ENDPOINT: z.url().optional(),
  /** Outgoing mail (smtp://user:pass@host:587 or smtps://…:465); unset: Parley sends no mail. */
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^/]/.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender address of every mail (the site's name is the sender name); default parley@<PUBLIC_URL host>. */
  MAIL_FROM: z.email().optional(),
  /** Mails to one commenter address per hour, at most. */
  MAIL_HOURLY_CAP: z.coerce.number().int().min(1).max(1000).default(10),
  /** Deliver outbox messages (webhooks, mail) from this process. */
  OUTBOX_WORKER: bool.default(true),
  /** Wait after a first failed delivery, doubled per retry up to 6 h (ms). */
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** Attempts per message, the first included, before it is marked failed. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(11),
  /** How long a worker's claim on a message lasts before another process may take it over (ms). */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
  /** How often the worker looks for due messages (ms). */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Delivered outbox rows (and their attempts) are deleted this many days after delivery. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A webhook receiver must answer within this (ms). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** block: webhooks may not target private, loopback or link-local addresses (SSRF); default
   * block when PUBLIC_URL is https (a deployment), allow otherwise (a local install). */
  WEBHOOK_PRIVATE_TARGETS: z.enum(['allow', 'block']).optional(),
  /** First admin account, created at start when it does not exist. */
  PARLEY_ADMIN_EMAIL: z.email().optional(),
  PARLEY_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  /** Worker processes on the one port; 1 runs the server in this process. */
  workers: number;
  database: { provider: 'sqlite' | 'postgresql'; url: string };
  publicUrl: string;
  /** Value for express's "trust proxy" setting. */
  trustProxy: boolean | number | string;
  secret: string | undefined;
  seedDemo: boolean;
  rateLimitCommentsPerMinute: number;
  /** Largest import upload (admin API), in bytes. */
  importMaxUploadBytes: number;
  logLevel: Env['LOG_LEVEL'];
  metricsToken: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  screeningBudgetMs: number;
  perspective: { apiKey: string; endpoint: string | undefined } | undefined;
  akismet: { apiKey: string; endpoint: string | undefined } | undefined;
  admin: { email: string; password: string } | undefined;
  /** Outgoing mail; undefined when SMTP_URL is unset (mail is off). */
  mail: { smtpUrl: string; from: string; hourlyCap: number } | undefined;
  outbox: {
    worker: boolean;
    retryBaseMs: number;
    maxAttempts: number;
    leaseMs: number;
    pollMs: number;
    /** Delivered rows are kept this long (days). */
    retentionDays: number;
  };
  webhookTimeoutMs: number;
  /** Whether webhooks may reach private addresses (see WEBHOOK_PRIVATE_TARGETS). */
  webhookPrivateTargets: 'allow' | 'block';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

function parseTrustProxy(raw: string): Config['trustProxy'] {
  const v = raw.trim().toLowerCase();
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (/^\d+$/.test(v)) return Number(v); // number of hops
  // loopback, linklocal, uniquelocal or a comma-separated list of addresses/subnets
  if (/^[\w.:/,\s-]+$/.test(v)) return raw;
  throw new ConfigError(
    'TRUST_PROXY',
    'must be false, true, a hop count or a list of proxy addresses',
  );
}

/** Parses the environment (process.env by default). Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = cleaned[variable];
    throw new ConfigError(
      variable,
      `${issue.message}${value === undefined ? '' : ` (got "${value}")`}`,
    );
  }
  const e = parsed.data;
  if ((e.PARLEY_ADMIN_EMAIL === undefined) !== (e.PARLEY_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('PARLEY_ADMIN_PASSWORD', 'and PARLEY_ADMIN_EMAIL must be set together');
  }
  const provider: Config['database']['provider'] = e.DATABASE_URL.startsWith('file:')
    ? 'sqlite'
    : 'postgresql';
  const workers = e.WORKERS === 'auto' ? availableParallelism() : e.WORKERS;
  // Every worker keeps its own thread cache, rate-limit counters and sockets: only Redis tells
  // the others about a change, a count or a comment to push live.
  if (workers > 1 && !e.REDIS_URL) {
    throw new ConfigError(
      'WORKERS',
      `needs REDIS_URL when above 1 (got ${e.WORKERS}): live updates, thread-cache invalidation and rate limits cross worker processes through Redis`,
    );
  }
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    workers,
    database: { provider, url: e.DATABASE_URL },
    publicUrl,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secret: e.PARLEY_SECRET,
    seedDemo: e.SEED_DEMO,
    rateLimitCommentsPerMinute: e.RATE_LIMIT_COMMENTS_PER_MINUTE,
    importMaxUploadBytes: e.IMPORT_MAX_UPLOAD_MB * 1_048_576,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    screeningBudgetMs: e.SCREENING_BUDGET_MS,
    perspective: e.PERSPECTIVE_API_KEY
      ? { apiKey: e.PERSPECTIVE_API_KEY, endpoint: e.PERSPECTIVE_ENDPOINT }
      : undefined,
    akismet: e.AKISMET_KEY ? { apiKey: e.AKISMET_KEY, endpoint: e.AKISMET_ENDPOINT } : undefined,
    outbox: {
      worker: e.OUTBOX_WORKER,
      retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      leaseMs: e.OUTBOX_LEASE_MS,
      pollMs: e.OUTBOX_POLL_MS,
      retentionDays: e.OUTBOX_RETENTION_DAYS,
    },
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    webhookPrivateTargets:
      e.WEBHOOK_PRIVATE_TARGETS ?? (publicUrl.startsWith('https://') ? 'block' : 'allow'),
    admin:
      e.PARLEY_ADMIN_EMAIL && e.PARLEY_ADMIN_PASSWORD
        ? { email: e.PARLEY_ADMIN_EMAIL, password: e.PARLEY_ADMIN_PASSWORD }
        : undefined,
    mail: e.SMTP_URL
      ? {
          smtpUrl: e.SMTP_URL,
          from: e.MAIL_FROM ?? `parley@${new URL(publicUrl).hostname}`,
          hourlyCap: e.MAIL_HOURLY_CAP,
        }
      : undefined,
  });
}
