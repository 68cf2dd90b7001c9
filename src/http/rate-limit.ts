import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { RateLimitedError } from '../errors.js';

/** A per-client-IP limit on a write route; over it, a 429 in the usual error shape. */
export function writeRateLimit(perMinute: number): RateLimitRequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // TRUST_PROXY is the operator's explicit choice; the client IP then comes from req.ip.
    validate: { trustProxy: false, xForwardedForHeader: false },
    handler: (_req, _res, next, options) => next(new RateLimitedError(Math.ceil(options.windowMs / 1000))),
  });
}
