// The Redis connection for scale-out. Commands fail fast while Redis is away (no offline
// queue), so broadcasts still reach this process's own sockets and REST keeps serving; the
// log says when Redis goes and comes back.
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from './logger.js';

function newClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 5_000),
      connectTimeout: 5_000,
    },
  });
}
export type RedisClient = ReturnType<typeof newClient>;

export interface RedisConnection {
  client: RedisClient;
  /**
   * The client to give the socket.io adapter. Its publishes fail fast while Redis is away (so
   * local broadcasts go on), but the stream reader it duplicates waits for Redis to return:
   * a reader that failed fast would retry in a tight promise loop and starve the event loop.
   */
  adapterClient: RedisClient;
  /** Prefix of every key and channel, so several deployments can share one Redis. */
  prefix: string;
  /** False from the first error until Redis answers again. */
  readonly healthy: boolean;
  /**
   * Calls `listener(false)` when Redis goes away and `listener(true)` when it is back, so
   * what spans processes (cache invalidation, live rooms) can stop trusting itself and catch up.
   */
  onHealthChange(listener: (healthy: boolean) => void): () => void;
  close(): Promise<void>;
}

export async function connectRedis(
  url: string,
  prefix: string,
  log: Logger,
): Promise<RedisConnection> {
  const client = newClient(url);
  let healthy = true;
  const listeners = new Set<(healthy: boolean) => void>();
  const tell = (now: boolean) => {
    for (const l of listeners) {
      try {
        l(now);
      } catch (err) {
        log.error({ error: (err as Error).message }, 'Redis health listener failed');
      }
    }
  };
  client.on('error', (err: Error) => {
    if (!healthy) return;
    log.warn(
      { error: err.message },
      'Redis is unreachable: serving REST and local sockets only until it returns',
    );
    healthy = false;
    tell(false);
  });
  client.on('ready', () => {
    if (healthy) return;
    log.info('Redis is back: live updates span processes again');
    healthy = true;
    tell(true);
  });
  // Start without waiting forever: the client keeps reconnecting in the background.
  await Promise.race([
    client.connect(),
    new Promise((resolve) => setTimeout(resolve, 5_000)),
  ]).catch((err: Error) =>
    log.warn(
      { error: err.message },
      'Redis is unreachable at start-up: serving this process alone until it answers',
    ),
  );
  const adapterClient = new Proxy(client, {
    get(target, prop) {
      if (prop === 'duplicate') return () => target.duplicate({ disableOfflineQueue: false });
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  if (!client.isReady) {
    healthy = false;
  }
  return {
    client,
    adapterClient,
    prefix,
    get healthy() {
      return healthy;
    },
    onHealthChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await client.close().catch(() => client.destroy());
    },
  };
}

/** A message channel between the processes sharing one Redis. */
export interface ClusterChannel<T> {
  /** Sends to every other process; a send that fails while Redis is away is dropped (logged). */
  publish(message: T): void;
  /** Receives the other processes' messages, each checked against the channel's schema. */
  subscribe(listener: (message: T) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * A pub/sub channel whose messages are checked with `schema` when they arrive (a message from
 * another version, or garbage, is dropped and logged, never trusted by a cast). A process does
 * not receive its own messages.
 */
export function createClusterChannel<T>(
  redis: RedisConnection,
  name: string,
  schema: z.ZodType<T>,
  log: Logger,
): ClusterChannel<T> {
  const channel = `${redis.prefix}:${name}`;
  const origin = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  const Envelope = z.object({ from: z.string(), message: z.unknown() });
  const subscriber = redis.client.duplicate();
  subscriber.on('error', () => {}); // the main client already reports Redis outages
  return {
    publish(message) {
      redis.client
        .publish(channel, JSON.stringify({ from: origin, message }))
        .catch((err: Error) => {
          log.debug({ channel: name, error: err.message }, 'cluster message not sent');
        });
    },
    async subscribe(listener) {
      const listen = async () => {
        await subscriber.connect();
        await subscriber.subscribe(channel, (raw: string) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            parsed = undefined;
          }
          const envelope = Envelope.safeParse(parsed);
          const message = envelope.success ? schema.safeParse(envelope.data.message) : null;
          if (!envelope.success || !message?.success)
            return void log.warn({ channel: name }, 'dropped a malformed cluster message');
          if (envelope.data.from !== origin) listener(message.data);
        });
      };
      // Do not hold start-up hostage to Redis: the subscription completes when Redis answers.
      await Promise.race([listen(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(
        (err: Error) =>
          log.warn({ channel: name, error: err.message }, 'cluster channel: subscription failed'),
      );
    },
    async close() {
      await subscriber.close().catch(() => subscriber.destroy());
    },
  };
}

/** Does Redis answer? One PING, given up after `deadlineMs`. */
export async function pingRedis(redis: RedisConnection, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), deadlineMs);
  });
  try {
    await Promise.race([redis.client.ping(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
