// Public face of accounts and sessions: the sign-in routes, the guards moderator and admin
// routes stand behind, who an actor is and what they may touch, and account management.
import type { RequestHandler, Router } from 'express';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { RateLimiters } from '../http/index.js';
import { cookieOptionsFor, requireAdmin, requireCsrf, requireSession } from './auth.middleware.js';
import { authRouter } from './auth.routes.js';
import { resumeSession, type SignedIn } from './auth.service.js';

export { actorOf, signedInOf } from './auth.middleware.js';
export {
  assertAdmin,
  assertCanModerateSite,
  canModerateSite,
  type Actor,
  type Role,
} from './actor.js';
export { ForbiddenError } from './auth.errors.js';
export { resumeSession, type SignedIn } from './auth.service.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { MIN_PASSWORD_LENGTH } from './passwords.js';
export { SESSION_COOKIE } from './session-token.js';
export { siteIdsForSlugs, visibleSites } from './site-access.js';
export {
  createUserAccount,
  deleteUserAccount,
  listUserAccounts,
  updateUserAccount,
  type NewUser,
  type UserAccount,
  type UserChanges,
} from './users.service.js';
export { CannotRemoveSelfError, EmailTakenError } from './auth.errors.js';
export {
  createInvitation,
  listInvitations,
  withdrawInvitation,
  type InvitationView,
} from './invitations.service.js';
export { currentUserNames, needsSetup } from './account.service.js';

/** What moderator and admin routes stand behind. */
export interface AuthGuard {
  /** 401 unless the request carries a live session (its expiry slides). */
  session: RequestHandler;
  /** State-changing requests must echo the session's CSRF token. */
  csrf: RequestHandler;
  /** 403 unless the signed-in user is an admin. */
  admin: RequestHandler;
}

export interface AuthModule {
  router: Router;
  guard: AuthGuard;
  /** The session behind a cookie token (the moderator socket's handshake). */
  resume(token: string): Promise<SignedIn | null>;
}

export function createAuthModule(deps: {
  db: Db;
  events: EventBus;
  limits: RateLimiters;
  publicUrl: string;
}): AuthModule {
  const cookie = cookieOptionsFor(deps.publicUrl);
  const guard: AuthGuard = {
    session: requireSession(deps.db, cookie),
    csrf: requireCsrf,
    admin: requireAdmin,
  };
  return {
    router: authRouter({
      db: deps.db,
      events: deps.events,
      limits: deps.limits,
      cookie,
      session: guard.session,
    }),
    guard,
    resume: (token) => resumeSession(deps.db, token),
  };
}
