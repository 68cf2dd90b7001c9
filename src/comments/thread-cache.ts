// The public thread response, serialized once and kept in memory. Threads are read far more
// than written, so a GET of a cached page costs a Map lookup and a buffer write. Every change
// to a post's comments invalidates that post's pages (in every process, through Redis when
// configured); a read that raced with a change is not stored.
import { createHash } from 'node:crypto';

export interface CachedPage {
  body: Buffer;
  etag: string;
}

interface Entry extends CachedPage {
  postKey: string;
}

export function postKey(siteSlug: string, postSlug: string): string {
  return `${siteSlug}\0${postSlug}`;
}

/** The cache key of one page of a thread. */
export function pageKey(
  post: string,
  q: { sort: string; limit: number; cursor?: string | undefined },
): string {
  return `${post}\0${q.sort}\0${q.limit}\0${q.cursor ?? ''}`;
}

export class ThreadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #versions = new Map<string, number>();
  readonly #keysByPost = new Map<string, Set<string>>();
  #bytes = 0;
  #suspended = false;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /**
   * While suspended nothing is served or kept: with several processes and Redis away, this
   * process would not hear of another's changes, so a cached page could be stale.
   */
  suspend(suspended: boolean): void {
    this.#suspended = suspended;
    if (suspended) this.clear();
  }

  get(key: string): CachedPage | undefined {
    if (this.#suspended) return undefined;
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    // Least-recently-used order: a hit moves to the back of the Map.
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  /** The post's version; pass it back to set() so a read that raced with a change is dropped. */
  version(post: string): number {
    return this.#versions.get(post) ?? 0;
  }

  set(key: string, post: string, readAtVersion: number, value: unknown): CachedPage {
    const body = Buffer.from(JSON.stringify(value));
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    const page = { body, etag };
    if (this.#suspended || this.version(post) !== readAtVersion) return page;
    this.#drop(key);
    this.#entries.set(key, { ...page, postKey: post });
    let keys = this.#keysByPost.get(post);
    if (!keys) {
      keys = new Set();
      this.#keysByPost.set(post, keys);
    }
    keys.add(key);
    this.#bytes += body.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#drop(oldest, entry);
    }
    return page;
  }

  invalidate(post: string): void {
    this.#versions.set(post, this.version(post) + 1);
    for (const key of this.#keysByPost.get(post) ?? []) this.#drop(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#versions.clear();
    this.#keysByPost.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  #drop(key: string, entry = this.#entries.get(key)): void {
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
    const keys = this.#keysByPost.get(entry.postKey);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByPost.delete(entry.postKey);
  }
}
