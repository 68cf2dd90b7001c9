// Readers' hottest request — a cached page of a public thread — answered before express's
// router and middleware, straight from the thread cache. Anything it is not sure of (a page
// not cached, a site not in memory, an unusual query, a foreign origin that is not allowed)
// falls through to the express route, which validates, loads, caches and answers errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors, isOriginAllowed } from '../sites/index.js';
import type { SiteDirectory } from '../sites/index.js';
import { pageKey, postKey, type ThreadCache } from './thread-cache.js';

const THREAD_PATH = /^\/api\/sites\/([\w.~-]{1,200})\/posts\/([\w.~-]{1,200})\/comments$/;
const QUERY_KEYS = new Set(['sort', 'limit', 'cursor']);

/** True when it answered the request; false means express takes it. */
export type ThreadFastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createThreadFastPath(deps: {
  threadCache: ThreadCache;
  sites: SiteDirectory;
  ownOrigin: string;
}) {
  return function serveCachedThread(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url) return false;
    const q = req.url.indexOf('?');
    const match = THREAD_PATH.exec(q === -1 ? req.url : req.url.slice(0, q));
    if (!match) return false;
    const params = new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1));
    for (const key of params.keys()) if (!QUERY_KEYS.has(key)) return false;
    const sort = params.get('sort') ?? 'oldest';
    const limit = params.has('limit') ? Number(params.get('limit')) : 50;
    if (
      (sort !== 'oldest' && sort !== 'newest') ||
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > 100
    )
      return false;
    const site = deps.sites.peek(match[1]!);
    if (!site) return false;
    const page = deps.threadCache.get(
      pageKey(postKey(site.slug, match[2]!), {
        sort,
        limit,
        cursor: params.get('cursor') ?? undefined,
      }),
    );
    if (!page) return false;

    const origin = req.headers.origin;
    if (origin) {
      if (!isOriginAllowed(origin, site, deps.ownOrigin)) return false;
      applyCors(res, origin);
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', page.etag);
    if (req.headers['if-none-match'] === page.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', page.body.length);
    res.end(page.body);
    return true;
  };
}
