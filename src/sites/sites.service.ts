// Sites are read on every public request (CORS, settings), so they are cached briefly, in a
// bounded LRU. Settings changes call invalidate(); other processes pick them up within the
// TTL. A name that cannot be a site's slug is answered "not found" without a lookup and is
// never cached, so random names cannot grow the cache or reach the database.
import { readStringList } from '../db/json-columns.js';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.js';
import { SiteNotFoundError } from '../errors.js';
import { readSiteSettings, type SiteSettings } from '../contracts/site-settings.js';
import { getSiteById, getSiteBySlug } from './sites.repo.js';

export interface SiteView {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
}

const TTL_MS = 5_000;
const MAX_SITES = 2_000;
/** Every slug a site can have (admin slugs are stricter); anything else is not a site. */
const POSSIBLE_SLUG = /^[\w.~-]{1,100}$/;

export class SiteDirectory {
  readonly #bySlug = new LRUCache<string, { site: SiteView | null }>({
    max: MAX_SITES,
    ttl: TTL_MS,
  });
  readonly #byId = new LRUCache<string, SiteView>({ max: MAX_SITES, ttl: TTL_MS });
  constructor(private readonly db: Db) {}

  async find(slug: string): Promise<SiteView | null> {
    if (!POSSIBLE_SLUG.test(slug)) return null;
    const hit = this.#bySlug.get(slug);
    if (hit) return hit.site;
    const row = await getSiteBySlug(this.db, slug);
    const site = row ? toSiteView(row) : null;
    this.#remember(slug, site);
    return site;
  }

  /** The cached site, if fresh; no database call (for the thread fast path). */
  peek(slug: string): SiteView | null | undefined {
    return this.#bySlug.get(slug)?.site;
  }

  async get(slug: string): Promise<SiteView> {
    const site = await this.find(slug);
    if (!site) throw new SiteNotFoundError(POSSIBLE_SLUG.test(slug) ? slug : null);
    return site;
  }

  async getById(id: string): Promise<SiteView> {
    const hit = this.#byId.get(id);
    if (hit) return hit;
    const row = await getSiteById(this.db, id);
    if (!row) throw new SiteNotFoundError(null);
    const site = toSiteView(row);
    this.#remember(site.slug, site);
    return site;
  }

  invalidate(slug?: string): void {
    if (slug) {
      const id = this.#bySlug.get(slug)?.site?.id;
      this.#bySlug.delete(slug);
      if (id) this.#byId.delete(id);
    } else {
      this.#bySlug.clear();
      this.#byId.clear();
    }
  }

  /** Entries held, for tests of the bound. */
  get size(): number {
    return this.#bySlug.size + this.#byId.size;
  }

  #remember(slug: string, site: SiteView | null): void {
    this.#bySlug.set(slug, { site });
    if (site) this.#byId.set(site.id, site);
  }
}

/** A stored site with its settings parsed and defaulted. */
export function toSiteView(row: {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: unknown;
  settings: unknown;
}): SiteView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    allowedOrigins: readStringList(row.allowedOrigins),
    settings: readSiteSettings(row.settings),
  };
}
