import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Db } from '../db/database.js';
import { RateLimitedError } from '../errors.js';
import type { EventBus } from '../events.js';
import { requireJson } from '../http/error-handler.js';
import { parse } from '../http/validate.js';
import { LoginBody } from './auth.schema.js';
import {
  clearSessionCookie,
  requireCsrf,
  requireSession,
  setSessionCookie,
  signedInOf,
  type CookieOptions,
} from './auth.middleware.js';
import { login, logout, toUserView } from './auth.service.js';

/** Failed sign-ins per client IP per 15 minutes; successful ones do not count. */
export const LOGIN_FAILURES_PER_IP = 20;

function loginRateLimit() {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: LOGIN_FAILURES_PER_IP,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // TRUST_PROXY is the operator's explicit choice (config.ts); express resolves req.ip from it.
    validate: { trustProxy: false },
    handler: (_req, _res, next, options) => next(new RateLimitedError(Math.ceil(options.windowMs / 1000))),
  });
}

export function authRouter(deps: { db: Db; cookie: CookieOptions; events: EventBus }): Router {
  const router = Router();
  const session = requireSession(deps.db, deps.cookie);

  router.post('/auth/login', loginRateLimit(), requireJson, async (req, res) => {
    const input = parse(LoginBody, req.body);
    const signedIn = await login(deps.db, input.email, input.password);
    setSessionCookie(res, deps.cookie, signedIn.cookie!.token, signedIn.cookie!.expiresAt);
    res.json({ user: await toUserView(deps.db, signedIn.actor), csrfToken: signedIn.csrfToken });
  });

  router.post('/auth/logout', session, requireCsrf, async (req, res) => {
    const { sessionId } = signedInOf(req);
    await logout(deps.db, sessionId);
    deps.events.publish('session.revoked', { sessionIds: [sessionId] });
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  router.get('/auth/me', session, async (req, res) => {
    const signedIn = signedInOf(req);
    res.json({ user: await toUserView(deps.db, signedIn.actor), csrfToken: signedIn.csrfToken });
  });

  return router;
}
