// Who a request is, for logs and error bodies: one request id per request (a sane inbound
// X-Request-Id from the proxy in front is kept, so its logs and ours line up; anything else is
// replaced), echoed as X-Request-Id on every response, and the route pattern it matched.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';

/** What an inbound id may look like: short, no spaces, nothing a log line could be split by. */
const SANE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
const REQUEST_ID = Symbol('parley.requestId');
const ROUTE_BASE = Symbol('parley.routeBase');

type Tagged = IncomingMessage & { [REQUEST_ID]?: string; [ROUTE_BASE]?: string };

/** Gives the request its id (once) and sets the X-Request-Id response header. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const tagged = req as Tagged;
  const existing = tagged[REQUEST_ID];
  if (existing) return existing;
  const inbound = req.headers['x-request-id'];
  const id = typeof inbound === 'string' && SANE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
  tagged[REQUEST_ID] = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** The request's id, assigned by assignRequestId. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return (req as Tagged)[REQUEST_ID];
}

/**
 * Placed before each mounted router: remembers where it is mounted, because express restores
 * req.baseUrl when an error leaves the router, and the pattern would lose its prefix.
 */
export const markRouteBase: RequestHandler = (req, _res, next) => {
  (req as unknown as Tagged)[ROUTE_BASE] = req.baseUrl;
  next();
};

/** The route pattern (/api/sites/:site/posts), never the path as sent: paths can carry anything. */
export function routeOf(req: Request): string {
  const raw = (req.route as { path?: unknown } | undefined)?.path;
  const pattern = Array.isArray(raw) ? raw[0] : raw;
  if (typeof pattern !== 'string') return '(unmatched)';
  const base = (req as unknown as Tagged)[ROUTE_BASE] ?? req.baseUrl ?? '';
  return `${base}${pattern === '/' ? '' : pattern}` || '/';
}
