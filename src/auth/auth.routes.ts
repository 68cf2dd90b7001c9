import { randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import { Router, type RequestHandler } from 'express';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import { requireJson } from '../http/index.js';
import type { RateLimiters } from '../http/index.js';
import { parse } from '../http/index.js';
import { apiDoc, UserViewShape } from '../openapi/index.js';
import { z } from 'zod';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  InvitationTokenParams,
  LoginBody,
  SetupBody,
  UpdateMeBody,
} from './auth.schema.js';
import {
  clearSessionCookie,
  requireCsrf,
  requireSession,
  setSessionCookie,
  signedInOf,
  type CookieOptions,
} from './auth.middleware.js';
import { CsrfFailedError } from './auth.errors.js';
import { login, logout, openSession, toUserView, type SignedIn } from './auth.service.js';
import {
  changeOwnPassword,
  createFirstAdmin,
  needsSetup,
  renameSelf,
  signOutEverywhere,
} from './account.service.js';
import { acceptInvitation, peekInvitation } from './invitations.service.js';
import { toActor } from './actor.js';
import { safeEqual } from './session-token.js';
import { siteIdsForSlugs } from './site-access.js';

/** Failed sign-ins per client IP per 15 minutes; successful ones do not count. */
export const LOGIN_FAILURES_PER_IP = 20;
/** First-run and invitation attempts per client IP per 15 minutes. */
export const SETUP_ATTEMPTS_PER_IP = 10;
const SETUP_COOKIE = 'parley_setup';

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
  const setupAttempts = deps.limits({
    name: 'setup-attempts',
    windowMs: 15 * 60_000,
    limit: SETUP_ATTEMPTS_PER_IP,
  });
  const { session } = deps;

  const signIn = async (res: import('express').Response, signedIn: SignedIn) => {
    setSessionCookie(res, deps.cookie, signedIn.cookie!.token, signedIn.cookie!.expiresAt);
    res.json({ user: await toUserView(deps.db, signedIn.actor), csrfToken: signedIn.csrfToken });
  };

  router.post('/auth/login', loginFailures, requireJson, async (req, res) => {
    const input = parse(LoginBody, req.body);
    await signIn(res, await login(deps.db, input.email, input.password));
  });

  router.post('/auth/logout', session, requireCsrf, async (req, res) => {
    const { sessionId } = signedInOf(req);
    await logout(deps.db, sessionId);
    deps.events.publish('session.revoked', { sessionIds: [sessionId] });
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  router.post('/auth/logout-everywhere', session, requireCsrf, async (req, res) => {
    const { actor } = signedInOf(req);
    await signOutEverywhere(deps.db, actor);
    deps.events.publish('user.access-changed', { userId: actor.id });
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  router.post('/auth/password', session, requireCsrf, requireJson, async (req, res) => {
    const signedIn = signedInOf(req);
    await changeOwnPassword(deps.db, signedIn, parse(ChangePasswordBody, req.body));
    // Other sessions ended; their live sockets close (this one reconnects with its session).
    deps.events.publish('user.access-changed', { userId: signedIn.actor.id });
    res.status(204).end();
  });

  router.get('/auth/me', session, async (req, res) => {
    const signedIn = signedInOf(req);
    res.json({ user: await toUserView(deps.db, signedIn.actor), csrfToken: signedIn.csrfToken });
  });

  router.patch('/auth/me', session, requireCsrf, requireJson, async (req, res) => {
    const signedIn = signedInOf(req);
    const { name } = parse(UpdateMeBody, req.body);
    await renameSelf(deps.db, signedIn.actor, name);
    res.json({
      user: await toUserView(deps.db, { ...signedIn.actor, name }),
      csrfToken: signedIn.csrfToken,
    });
  });

  // First run: while no account exists, the first visitor creates the admin. The POST must
  // echo the token of a SameSite=Strict cookie set by the GET (a double-submit CSRF check:
  // another site can neither read the token nor send the cookie).
  router.get('/auth/setup', async (_req, res) => {
    const needed = await needsSetup(deps.db);
    if (!needed) {
      res.json({ needed });
      return;
    }
    const csrfToken = randomBytes(24).toString('base64url');
    res.append(
      'Set-Cookie',
      stringifySetCookie(SETUP_COOKIE, csrfToken, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/api/auth/setup',
        secure: deps.cookie.secure,
        maxAge: 3600,
      }),
    );
    res.json({ needed, csrfToken });
  });

  router.post('/auth/setup', setupAttempts, requireJson, async (req, res) => {
    const cookie = req.headers.cookie ? parseCookie(req.headers.cookie)[SETUP_COOKIE] : undefined;
    const sent = req.get('x-csrf-token');
    if (!cookie || !sent || !safeEqual(cookie, sent)) throw new CsrfFailedError();
    const input = parse(SetupBody, req.body);
    const signedIn = await createFirstAdmin(deps.db, input);
    res.status(201);
    await signIn(res, signedIn);
  });

  router.get('/auth/invitations/:token', setupAttempts, async (req, res) => {
    const { token } = parse(InvitationTokenParams, req.params);
    res.json({ invitation: await peekInvitation(deps.db, token) });
  });

  // The token in the path is the proof (unguessable, one use); no session exists yet.
  router.post('/auth/invitations/:token', setupAttempts, requireJson, async (req, res) => {
    const { token } = parse(InvitationTokenParams, req.params);
    const user = await acceptInvitation(deps.db, token, parse(AcceptInvitationBody, req.body));
    const siteIds = await siteIdsForSlugs(deps.db, user.sites);
    const signedIn = await openSession(deps.db, toActor({ ...user, siteIds }), new Date());
    res.status(201);
    await signIn(res, signedIn);
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
  doc.patch('/auth/me', {
    summary: 'Change one’s own display name (shown in the dashboard and the audit log)',
    access: 'moderator',
    body: UpdateMeBody,
    bodyExample: { name: 'Alex (moderator)' },
    responses: { 200: { description: 'The account.', body: SignedIn } },
  });
  doc.post('/auth/logout-everywhere', {
    summary: 'Sign out everywhere: ends every session of the account, this one included',
    access: 'moderator',
    responses: { 204: { description: 'Every session ended; the cookie is cleared.' } },
  });
  doc.post('/auth/password', {
    summary: 'Change one’s own password: the account’s other sessions end',
    access: 'moderator',
    body: ChangePasswordBody,
    bodyExample: { current: 'correct horse battery', password: 'a longer new passphrase' },
    responses: { 204: { description: 'Changed; this session stays signed in.' } },
    errors: { 400: ['WRONG_PASSWORD'] },
  });
  doc.get('/auth/setup', {
    summary: 'First run: whether Parley still needs its first admin',
    description:
      'While no account exists, the answer carries a token and sets a SameSite=Strict `parley_setup` cookie; POST /api/auth/setup must send the same token as X-CSRF-Token.',
    access: 'public',
    tag: 'Moderation',
    responses: {
      200: {
        description: 'Set up needed (with the token to send), or not.',
        body: z.union([
          z.object({ needed: z.literal(true), csrfToken: z.string() }),
          z.object({ needed: z.literal(false) }),
        ]),
        example: { needed: false },
      },
    },
  });
  doc.post('/auth/setup', {
    summary: 'First run: create the first admin and sign in',
    description:
      'Needs the `parley_setup` cookie from GET /api/auth/setup and its token as X-CSRF-Token. Refused once any account exists.',
    access: 'public',
    tag: 'Moderation',
    body: SetupBody,
    bodyExample: { email: 'owner@example.com', name: 'Owner', password: 'correct horse battery' },
    responses: { 201: { description: 'The admin, signed in.', body: SignedIn } },
    errors: { 403: ['CSRF_FAILED'], 409: ['SETUP_DONE', 'EMAIL_TAKEN'], 429: ['RATE_LIMITED'] },
  });
  doc.get('/auth/invitations/:token', {
    summary: 'What an invitation link is for (its email and role), before accepting it',
    access: 'public',
    tag: 'Moderation',
    params: InvitationTokenParams,
    responses: {
      200: {
        description: 'The invitation.',
        body: z.object({
          invitation: z.object({ email: z.string(), role: z.enum(['admin', 'moderator']) }),
        }),
        example: { invitation: { email: 'new-mod@example.com', role: 'moderator' } },
      },
    },
    errors: { 404: ['INVITATION_INVALID'], 429: ['RATE_LIMITED'] },
  });
  doc.post('/auth/invitations/:token', {
    summary: 'Accept an invitation: choose a name and password, and sign in',
    description: 'The token in the path is the proof; a link works once, for 7 days.',
    access: 'public',
    tag: 'Moderation',
    params: InvitationTokenParams,
    body: AcceptInvitationBody,
    bodyExample: { name: 'New moderator', password: 'correct horse battery' },
    responses: { 201: { description: 'The new account, signed in.', body: SignedIn } },
    errors: {
      404: ['INVITATION_INVALID'],
      409: ['EMAIL_TAKEN'],
      429: ['RATE_LIMITED'],
    },
  });
  doc.get('/auth/me', {
    summary: 'The signed-in account and its CSRF token',
    access: 'moderator',
    responses: { 200: { description: 'Signed in.', body: SignedIn } },
  });

  return router;
}
