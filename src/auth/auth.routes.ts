import { Router, type RequestHandler } from 'express';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import { requireJson } from '../http/index.js';
import type { RateLimiters } from '../http/index.js';
import { parse } from '../http/index.js';
import { apiDoc, UserViewShape } from '../openapi/index.js';
import { z } from 'zod';
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

export function authRouter(deps: {
  db: Db;
  cookie: CookieOptions;
  events: EventBus;
  limits: RateLimiters;
  session: RequestHandler;
}): Router {
  const router = Router();
  const loginFailures = deps.limits({
    name: 'login-failures',
    windowMs: 15 * 60_000,
    limit: LOGIN_FAILURES_PER_IP,
    skipSuccessfulRequests: true,
  });
  const { session } = deps;

  router.post('/auth/login', loginFailures, requireJson, async (req, res) => {
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

  const SignedIn = z.object({
    user: UserViewShape,
    csrfToken: z.string().describe('Send as X-CSRF-Token on every state-changing request.'),
  });
  const doc = apiDoc(router);
  doc.post('/auth/login', {
    summary: 'Sign in: sets the session cookie',
    access: 'public',
    tag: 'Moderation',
    body: LoginBody,
    bodyExample: { email: 'mod@example.com', password: 'correct horse battery' },
    responses: { 200: { description: 'Signed in.', body: SignedIn } },
    errors: { 401: ['INVALID_CREDENTIALS'], 429: ['RATE_LIMITED'] },
  });
  doc.post('/auth/logout', {
    summary: 'Sign out: ends the session and its sockets',
    access: 'moderator',
    responses: { 204: { description: 'Signed out.' } },
  });
  doc.get('/auth/me', {
    summary: 'The signed-in account and its CSRF token',
    access: 'moderator',
    responses: { 200: { description: 'Signed in.', body: SignedIn } },
  });

  return router;
}
