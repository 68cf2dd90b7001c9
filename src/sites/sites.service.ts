// Sites are read on every public request (CORS, settings), so they are cached briefly.
// Settings changes call invalidate(); other processes pick them up within the TTL.
import type { Db } from '../db/database.js';
import { SiteNotFoundError } from '../errors.js';
import { readSiteSettings, type SiteSettings } from './site-settings.js';
import { getSiteById, getSiteBySlug } from './sites.repo.js';

export interface SiteView {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
}

const TTL_MS = 5_000;

export class SiteDirectory {
  readonly #cache = new Map<string, { site: SiteView | null; at: number }>();
  constructor(private readonly db: Db) {}

  async find(slug: string): Promise<SiteView | null> {
    const hit = this.#cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.site;
    const row = await getSiteBySlug(this.db, slug);
    const site = row ? toSiteView(row) : null;
    this.#cache.set(slug, { site, at: Date.now() });
    return site;
  }

  /** The cached site, if fresh; no database call (for the thread fast path). */
  peek(slug: string): SiteView | null | undefined {
    const hit = this.#cache.get(slug);
    return hit && Date.now() - hit.at < TTL_MS ? hit.site : undefined;
  }

  async get(slug: string): Promise<SiteView> {
    const site = await this.find(slug);
    if (!site) throw new SiteNotFoundError(slug);
    return site;
  }

  async getById(id: string): Promise<SiteView> {
    for (const { site } of this.#cache.values()) if (site?.id === id) return site;
    const row = await getSiteById(this.db, id);
    if (!row) throw new SiteNotFoundError(id);
    return toSiteView(row);
  }

  invalidate(slug?: string): void {
    if (slug) this.#cache.delete(slug);
    else this.#cache.clear();
  }
}

/** A stored site with its settings parsed and defaulted. */
export function toSiteView(row: { id: string; slug: string; name: string; allowedOrigins: unknown; settings: unknown }): SiteView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    allowedOrigins: Array.isArray(row.allowedOrigins) ? row.allowedOrigins.map(String) : [],
    settings: readSiteSettings(row.settings),
  };
}
