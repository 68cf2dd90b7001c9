// Loads the session from the parley_session cookie and guards moderator/admin routes.
// The signed-in state is kept beside the request (a WeakMap), not on it, so it stays typed.
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { assertAdmin } from './actor.js';
import { CsrfFailedError, UnauthenticatedError } from './auth.errors.js';
import { resumeSession, type SignedIn } from './auth.service.js';
import { safeEqual, SESSION_COOKIE } from './session-token.js';

const signedInByRequest = new WeakMap<Request, SignedIn>();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CookieOptions {
  /** Secure cookies when Parley is served over https (config.publicUrl). */
  secure: boolean;
}

export function cookieOptionsFor(publicUrl: string): CookieOptions {
  return { secure: publicUrl.startsWith('https:') };
}

export function setSessionCookie(
  res: Response,
  opts: CookieOptions,
  token: string,
  expiresAt: Date,
): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: opts.secure,
      expires: expiresAt,
    }),
  );
}

export function clearSessionCookie(res: Response, opts: CookieOptions): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: opts.secure,
      expires: new Date(0),
    }),
  );
}

function tokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
}

/** Rejects the request with 401 unless it carries a live session; slides its expiry. */
export function requireSession(db: Db, cookie: CookieOptions): RequestHandler {
  return async (req, res, next) => {
    const token = tokenOf(req);
    const signedIn = token ? await resumeSession(db, token) : null;
    if (!signedIn) throw new UnauthenticatedError();
    if (signedIn.cookie)
      setSessionCookie(res, cookie, signedIn.cookie.token, signedIn.cookie.expiresAt);
    signedInByRequest.set(req, signedIn);
    next();
  };
}

/** State-changing requests must echo the session's CSRF token in X-CSRF-Token. */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const sent = req.get('x-csrf-token');
  if (!sent || !safeEqual(sent, signedInOf(req).csrfToken)) throw new CsrfFailedError();
  next();
};

export const requireAdmin: RequestHandler = (req, _res, next) => {
  assertAdmin(actorOf(req));
  next();
};

export function signedInOf(req: Request): SignedIn {
  const signedIn = signedInByRequest.get(req);
  if (!signedIn) throw new UnauthenticatedError();
  return signedIn;
}

export function actorOf(req: Request): Actor {
  return signedInOf(req).actor;
}
