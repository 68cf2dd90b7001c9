// Who a request is, for logs and error bodies: one request id per request (a sane inbound
// X-Request-Id from the proxy in front is kept, so its logs and ours line up; anything else is
// replaced), echoed as X-Request-Id on every response, and the route pattern it matched.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** What an inbound id may look like: short, no spaces, nothing a log line could be split by. */
const SANE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
// Kept beside the request rather than on it, so no cast is needed to read them back.
const requestIds = new WeakMap<IncomingMessage, string>();
const routeBases = new WeakMap<IncomingMessage, string>();

/** What express leaves on a request it routed (nothing on the fast path's requests). */
type Routed = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** Gives the request its id (once) and sets the X-Request-Id response header. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const existing = requestIds.get(req);
  if (existing) return existing;
  const inbound = req.headers['x-request-id'];
  const id = typeof inbound === 'string' && SANE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
  requestIds.set(req, id);
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** The request's id, assigned by assignRequestId. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestIds.get(req);
}

/**
 * Placed before each mounted router: remembers where it is mounted, because express restores
 * req.baseUrl when an error leaves the router, and the pattern would lose its prefix.
 */
export const markRouteBase: RequestHandler = (req, _res, next) => {
  routeBases.set(req, req.baseUrl);
  next();
};

/** The route pattern (/api/sites/:site/posts), never the path as sent: paths can carry anything. */
export function routeOf(req: Routed): string {
  const raw = req.route?.path;
  const pattern = Array.isArray(raw) ? raw[0] : raw;
  if (typeof pattern !== 'string') return '(unmatched)';
  const base = routeBases.get(req) ?? req.baseUrl ?? '';
  return `${base}${pattern === '/' ? '' : pattern}` || '/';
}
