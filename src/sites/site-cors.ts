// CORS per site: a browser may call a site's public API only from that site's allowed origins
// (and from Parley's own pages). Requests without an Origin header (curl, server-to-server)
// are not browser cross-origin requests and pass.
import type { Request, RequestHandler, Response } from 'express';
import { OriginNotAllowedError } from '../errors.js';
import type { SiteView } from './sites.service.js';

export function isOriginAllowed(
  origin: string,
  site: Pick<SiteView, 'allowedOrigins'>,
  ownOrigin: string,
): boolean {
  if (origin === ownOrigin) return true;
  return site.allowedOrigins.some(
    (allowed) => allowed === '*' || allowed.replace(/\/+$/, '') === origin,
  );
}

export function applyCors(
  res: { setHeader(name: string, value: string): unknown },
  origin: string,
): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, If-None-Match');
  res.setHeader('Access-Control-Max-Age', '600');
}

/** Checks the Origin against the site that resolveSite returns for this request. */
export function siteCors(
  ownOrigin: string,
  resolveSite: (req: Request) => Promise<SiteView>,
): RequestHandler {
  return async (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    try {
      const site = await resolveSite(req);
      if (!isOriginAllowed(origin, site, ownOrigin)) {
        // The refusal itself is readable by the page (never a preflight's: nothing is written),
        // so the widget can tell its owner which origin to allow instead of guessing.
        if (req.method !== 'OPTIONS') {
          res.setHeader('Access-Control-Allow-Origin', origin);
          res.setHeader('Vary', 'Origin');
        }
        throw new OriginNotAllowedError();
      }
      applyCors(res, origin);
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
