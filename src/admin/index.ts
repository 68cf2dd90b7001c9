// Public face of the admin API: sites, their settings and API keys, posts, and accounts.
import type { Router } from 'express';
import type { Actor, AuthGuard, InvitationView } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { PostLookup } from '../posts/index.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import { adminRouter } from './admin.routes.js';

export interface AdminModule {
  /** Mounted at /api/admin. */
  router: Router;
}

export function createAdminModule(deps: {
  db: Db;
  events: EventBus;
  hasher: Hasher;
  sites: SiteDirectory;
  posts: PostLookup;
  guard: AuthGuard;
  /** Where Parley is reached: invitation links start with it. */
  publicUrl: string;
  /** Mails a new invitation's link to the invitee (when mail is on); never throws. */
  mailInvitation?: (
    inviter: Actor,
    invited: { invitation: InvitationView; link: string },
  ) => Promise<void>;
}): AdminModule {
  return { router: adminRouter(deps) };
}
