// Keeps every process's thread cache right: each change to a post's comments invalidates its
// cached pages here and, through a Redis channel, in every other process.
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { RedisConnection } from '../redis.js';
import { postKey, type ThreadCache } from './thread-cache.js';

export class ThreadCacheSync {
  #publish: ((post: string) => void) | null = null;
  #closeRemote: (() => Promise<void>) | null = null;
  readonly #unsubscribe: (() => void)[];

  constructor(
    private readonly cache: ThreadCache,
    events: EventBus,
    private readonly log: Logger,
  ) {
    const onChange = (e: { siteSlug: string; postSlug: string }) =>
      this.invalidate(postKey(e.siteSlug, e.postSlug));
    this.#unsubscribe = [
      events.subscribe('comment.created', onChange),
      events.subscribe('comment.status-changed', onChange),
      events.subscribe('comment.edited', onChange),
      events.subscribe('post.count-changed', onChange),
    ];
  }

  invalidate(post: string): void {
    this.cache.invalidate(post);
    this.#publish?.(post);
  }

  /** Shares invalidations with the other processes on this Redis. */
  async attachRedis(redis: RedisConnection): Promise<void> {
    const channel = `${redis.prefix}:thread-cache`;
    const origin = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    const subscriber = redis.client.duplicate();
    subscriber.on('error', () => {}); // the main client already reports Redis outages
    const listen = async () => {
      await subscriber.connect();
      await subscriber.subscribe(channel, (message: string) => {
        const [from, post] = JSON.parse(message) as [string, string];
        if (from !== origin) this.cache.invalidate(post);
      });
    };
    // Do not hold start-up hostage to Redis: the subscription completes when Redis answers.
    await Promise.race([listen(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(
      (err: Error) =>
        this.log.warn({ error: err.message }, 'thread cache: Redis subscription failed'),
    );
    // While Redis is away this process cannot hear other processes' changes: it serves no
    // cached page until Redis is back, and then starts from an empty cache.
    if (!redis.healthy) this.cache.suspend(true);
    const offHealth = redis.onHealthChange((healthy) => this.cache.suspend(!healthy));
    subscriber.on('ready', () => this.cache.clear());
    this.#publish = (post) => {
      redis.client.publish(channel, JSON.stringify([origin, post])).catch((err: Error) => {
        this.log.debug({ error: err.message }, 'thread cache invalidation not shared');
      });
    };
    this.#closeRemote = async () => {
      offHealth();
      await subscriber.close().catch(() => subscriber.destroy());
    };
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe) off();
    await this.#closeRemote?.();
  }
}
