// One info line per request, and the numbers metrics count, from one place: method, route
// pattern, status, duration and request id. Never the raw URL (paths and query strings carry
// slugs, tokens and cursors), headers, bodies, emails or addresses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { assignRequestId, routeOf } from './request-context.js';

/** A finished request, as metrics see it. */
export interface FinishedRequest {
  method: string;
  route: string;
  status: number;
  seconds: number;
}

export type RequestObserver = (done: FinishedRequest) => void;

export interface RequestLog {
  /** Express middleware: the first one of the app (a request already observed passes through). */
  middleware: RequestHandler;
  /**
   * Follows a request from before express (the server's handler, so the thread fast path is
   * counted too); `route` is asked once the response is finished.
   */
  observe(req: IncomingMessage, res: ServerResponse, route: () => string): void;
}

const OBSERVED = Symbol('parley.observed');

export function createRequestLog(log: Logger, observers: RequestObserver[] = []): RequestLog {
  function follow(req: IncomingMessage, res: ServerResponse, route: () => string): void {
    const tagged = req as IncomingMessage & { [OBSERVED]?: true };
    if (tagged[OBSERVED]) return;
    tagged[OBSERVED] = true;
    const requestId = assignRequestId(req, res);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const done: FinishedRequest = {
        method: req.method ?? 'GET',
        route: route(),
        status: res.statusCode,
        seconds,
      };
      for (const observer of observers) observer(done);
      if (log.isLevelEnabled('info'))
        log.info(
          {
            requestId,
            method: done.method,
            route: done.route,
            status: done.status,
            ms: Math.round(seconds * 10_000) / 10,
          },
          'request',
        );
    });
  }
  return {
    middleware(req, res, next) {
      follow(req, res, () => routeOf(req));
      next();
    },
    observe: follow,
  };
}
