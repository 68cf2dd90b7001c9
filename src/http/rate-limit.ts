// Rate limits on writes, in one place. With REDIS_URL the counts live in Redis
// (rate-limit-redis), so N processes give the limit once, not N times; while Redis is away each
// process counts on its own in memory rather than letting everything through, and goes back to
// Redis when it answers again.
import type { Request, RequestHandler } from 'express';
import {
  MemoryStore,
  rateLimit,
  type ClientRateLimitInfo,
  type IncrementResponse,
  type Options,
  type Store,
} from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { RateLimitedError } from '../errors.js';
import type { RedisConnection } from '../redis.js';

export interface RateLimitRule {
  /** Names the counter (Redis key prefix); one name, one budget. */
  name: string;
  windowMs: number;
  limit: number;
  /** Only failed requests count (sign-in). */
  skipSuccessfulRequests?: boolean;
  /** Whose budget a request spends; default the client IP (req.ip, TRUST_PROXY-aware). */
  key?: (req: Request) => string;
  /** The error to answer with when over the limit; default 429 RATE_LIMITED. */
  refuse?: (retryAfterSeconds: number) => Error;
}

export type RateLimiters = (rule: RateLimitRule) => RequestHandler;

export function createRateLimiters(redis: RedisConnection | null): RateLimiters {
  return (rule) =>
    rateLimit({
      windowMs: rule.windowMs,
      limit: rule.limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      ...(rule.skipSuccessfulRequests && { skipSuccessfulRequests: true }),
      ...(rule.key && { keyGenerator: rule.key }),
      ...(redis && {
        store: new RedisWithFallbackStore(redis, `${redis.prefix}:rl:${rule.name}:`),
      }),
      // TRUST_PROXY is the operator's explicit choice (config.ts); express resolves req.ip from it.
      validate: { trustProxy: false, xForwardedForHeader: false, keyGeneratorIpFallback: false },
      handler: (_req, _res, next, options) => {
        const seconds = Math.ceil(options.windowMs / 1000);
        next(rule.refuse ? rule.refuse(seconds) : new RateLimitedError(seconds));
      },
    });
}

/** Retry Redis this long after it failed. */
const RETRY_REDIS_MS = 2_000;

/** Redis first; the process's own memory while Redis cannot be reached. */
class RedisWithFallbackStore implements Store {
  readonly #memory = new MemoryStore();
  #redis: RedisStore | null = null;
  #retryAt = 0;
  #options: Options | null = null;

  constructor(
    private readonly connection: RedisConnection,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.#options = options;
    this.#memory.init(options);
  }

  async #store(): Promise<RedisStore | null> {
    if (this.#redis) return this.#redis;
    if (Date.now() < this.#retryAt || !this.connection.client.isReady || !this.#options)
      return null;
    const store = new RedisStore({
      sendCommand: (...args: string[]) => this.connection.client.sendCommand(args),
      prefix: this.prefix,
    });
    try {
      await store.init(this.#options);
      this.#redis = store;
      return store;
    } catch {
      this.#retryAt = Date.now() + RETRY_REDIS_MS;
      return null;
    }
  }

  async #either<T>(
    viaRedis: (s: RedisStore) => Promise<T>,
    viaMemory: () => Promise<T>,
  ): Promise<T> {
    const store = await this.#store();
    if (store) {
      try {
        return await viaRedis(store);
      } catch {
        this.#redis = null;
        this.#retryAt = Date.now() + RETRY_REDIS_MS;
      }
    }
    return viaMemory();
  }

  increment(key: string): Promise<IncrementResponse> {
    return this.#either(
      (s) => s.increment(key),
      () => this.#memory.increment(key),
    );
  }

  decrement(key: string): Promise<void> {
    return this.#either(
      (s) => s.decrement(key),
      () => this.#memory.decrement(key),
    );
  }

  resetKey(key: string): Promise<void> {
    return this.#either(
      (s) => s.resetKey(key),
      () => this.#memory.resetKey(key),
    );
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.#either(
      (s) => s.get(key),
      () => this.#memory.get(key),
    );
  }
}
