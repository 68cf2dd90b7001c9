// Public face of accounts and sessions.
export { authRouter } from './auth.routes.js';
export {
  actorOf,
  cookieOptionsFor,
  requireAdmin,
  requireCsrf,
  requireSession,
} from './auth.middleware.js';
export { assertCanModerateSite, canModerateSite, type Actor, type Role } from './actor.js';
export { ensureFirstAdmin } from './bootstrap.js';
export {
  createUserAccount,
  listUserAccounts,
  updateUserAccount,
  type UserAccount,
} from './users.service.js';
export { resumeSession, type SignedIn } from './auth.service.js';
export { SESSION_COOKIE } from './session-token.js';
