// Keeps every process's thread cache right: each change to a post's comments invalidates its
// cached pages here and, through a cluster channel (Redis), in every other process. While the
// channel cannot be trusted (Redis away) no cached page is served, since another process's
// change would go unheard; when it is back the cache starts empty.
import { z } from 'zod';
import type { EventBus } from '../events.js';
import type { ClusterChannel } from '../redis.js';
import { postKey, type ThreadCache } from './thread-cache.js';

/** What crosses processes: the post whose pages changed. */
export const ThreadInvalidation = z.object({ post: z.string().max(500) });
export type ThreadInvalidation = z.infer<typeof ThreadInvalidation>;

export interface ClusterHealth {
  readonly healthy: boolean;
  onHealthChange(listener: (healthy: boolean) => void): () => void;
}

export class ThreadCacheSync {
  #channel: ClusterChannel<ThreadInvalidation> | null = null;
  readonly #unsubscribe: (() => void)[];
  /** Posts whose invalidation the other processes are yet to hear, sent once per tick. */
  #unsent = new Set<string>();

  constructor(
    private readonly cache: ThreadCache,
    events: EventBus,
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
    if (!this.#channel) return;
    // A new comment changes its post twice (comment.created, post.count-changed), and a burst
    // more often: the other processes hear each post once per tick, this one at once.
    if (this.#unsent.size === 0) queueMicrotask(() => this.#send());
    this.#unsent.add(post);
  }

  #send(): void {
    const posts = [...this.#unsent];
    this.#unsent.clear();
    for (const post of posts) this.#channel?.publish({ post });
  }

  /** Shares invalidations with the other processes on this channel. */
  async share(channel: ClusterChannel<ThreadInvalidation>, health: ClusterHealth): Promise<void> {
    this.#channel = channel;
    await channel.subscribe(({ post }) => this.cache.invalidate(post));
    if (!health.healthy) this.cache.suspend(true);
    this.#unsubscribe.push(health.onHealthChange((healthy) => this.cache.suspend(!healthy)));
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe) off();
    this.#send();
    await this.#channel?.close();
  }
}
