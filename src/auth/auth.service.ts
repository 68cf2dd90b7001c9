// Sign-in, sessions and the "who am I" view. Sessions slide: each use within the 14 days
// pushes the expiry forward (at most once a minute, to spare the database a write per request).
import type { UserView } from '../contracts/moderation-api.js';
import type { Db } from '../db/database.js';
import { normaliseEmail } from '../privacy/hashing.js';
import { toActor, type Actor } from './actor.js';
import { InvalidCredentialsError } from './auth.errors.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { newCsrfToken, newSessionToken, SESSION_TTL_MS, sessionIdOf } from './session-token.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  getSessionWithUser,
  insertSession,
} from './sessions.repo.js';
import { visibleSites } from './site-access.js';
import { claimLoginAttempt, clearFailedLogins, getUserByEmail, lockUser } from './users.repo.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
const SLIDE_EVERY_MS = 60_000;

export interface SignedIn {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  /** Set when the cookie must be (re)sent: new session or extended expiry. */
  cookie?: { token: string; expiresAt: Date };
}

/** Accounts are found by their normalised email, like commenters (one rule for both). */
export const normaliseUserEmail = normaliseEmail;

export async function login(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignedIn> {
  const user = await getUserByEmail(db, normaliseUserEmail(email));
  // Every refusal looks and takes the same: unknown email, wrong password or locked account
  // each cost one password verification and answer the same 401.
  if (!user) {
    await verifyAgainstDummy(password);
    throw new InvalidCredentialsError();
  }
  // The attempt is counted before the password is checked, in one atomic step: parallel
  // guesses each take a number, and only the first MAX_FAILED_LOGINS are ever verified.
  const attempt = await claimLoginAttempt(db, user.id, now);
  if (attempt === null || attempt > MAX_FAILED_LOGINS) {
    if (attempt !== null) await lockUser(db, user.id, new Date(now.getTime() + LOCK_MS));
    await verifyAgainstDummy(password);
    throw new InvalidCredentialsError();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (attempt >= MAX_FAILED_LOGINS)
      await lockUser(db, user.id, new Date(now.getTime() + LOCK_MS));
    throw new InvalidCredentialsError();
  }
  await clearFailedLogins(db, user.id);
  return openSession(db, toActor(user), now);
}

export async function openSession(db: Db, actor: Actor, now: Date): Promise<SignedIn> {
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const sessionId = sessionIdOf(token);
  // Sign-ins are rare enough to sweep expired sessions here instead of on a timer.
  await deleteExpiredSessions(db, now);
  await insertSession(db, { id: sessionId, userId: actor.id, csrfToken, expiresAt });
  return { actor, sessionId, csrfToken, cookie: { token, expiresAt } };
}

/** The session behind a cookie token, or null when unknown or expired. */
export async function resumeSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<SignedIn | null> {
  const sessionId = sessionIdOf(token);
  const session = await getSessionWithUser(db, sessionId);
  if (!session) return null;
  if (session.expiresAt <= now) {
    await deleteSession(db, sessionId);
    return null;
  }
  const signedIn: SignedIn = {
    actor: toActor(session.user),
    sessionId,
    csrfToken: session.csrfToken,
  };
  if (now.getTime() - session.lastSeenAt.getTime() >= SLIDE_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await extendSession(db, sessionId, now, expiresAt);
    signedIn.cookie = { token, expiresAt };
  }
  return signedIn;
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

export async function toUserView(db: Db, actor: Actor): Promise<UserView> {
  const sites = await visibleSites(db, actor);
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    sites: sites.map((s) => s.slug),
  };
}
