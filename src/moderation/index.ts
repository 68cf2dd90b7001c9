// Public face of moderation: the moderator API (queues, decisions, bans, audit, stats), reader
// reports, the ban lookup screening consults, the audit log other features write to, and the
// moderator's view of a comment that live updates carry.
import type { Router } from 'express';
import type { Actor, AuthGuard } from '../auth/index.js';
import type { Decided } from '../contracts/moderation-api.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { RateLimiters } from '../http/index.js';
import type { Logger } from '../logger.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import { loadItem, moderateComment } from './actions.service.js';
import { findActiveBan } from './bans.repo.js';
import type { ModerationFeedback } from './feedback.js';
import type { ModerationItem } from './moderation-item.js';
import { moderationRouter } from './moderation.routes.js';
import { countQueues, type Queue } from './queue.repo.js';
import { reportsRouter } from './reports.routes.js';

export { insertAudit, type AuditInput } from './audit.repo.js';
export { findActiveBan } from './bans.repo.js';
export type { ModerationFeedback } from './feedback.js';
export type { ModerationItem } from './moderation-item.js';
export { QUEUES, type Queue } from './queue.repo.js';
export { hideReportedComments } from './reports.service.js';

export interface ModerationModule {
  /** Mounted at /api/moderation. */
  router: Router;
  /** Public: POST /api/comments/:id/reports. */
  reportsRouter: Router;
  /** The moderator's view of a comment, as queues and live events carry it. */
  loadItem(commentId: string): Promise<ModerationItem>;
  /** How many comments each queue of a site holds. */
  countQueues(siteId: string): Promise<Record<Queue, number>>;
  /** One decision, as the dashboard takes it (one-click links in mails use it). */
  decide(actor: Actor, commentId: string, action: 'approve' | 'reject' | 'spam'): Promise<Decided>;
}

export interface ModerationModuleDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  hasher: Hasher;
  sites: SiteDirectory;
  publicUrl: string;
  feedback: ModerationFeedback;
  guard: AuthGuard;
  limits: RateLimiters;
}

export function createModerationModule(deps: ModerationModuleDeps): ModerationModule {
  const actions = {
    db: deps.db,
    events: deps.events,
    hasher: deps.hasher,
    feedback: deps.feedback,
    log: deps.log,
  };
  return {
    router: moderationRouter({ ...actions, sites: deps.sites, guard: deps.guard }),
    reportsRouter: reportsRouter({
      db: deps.db,
      events: deps.events,
      sites: deps.sites,
      hasher: deps.hasher,
      limits: deps.limits,
      ownOrigin: new URL(deps.publicUrl).origin,
    }),
    loadItem: (commentId) => loadItem(deps.db, commentId),
    countQueues: (siteId) => countQueues(deps.db, { siteIds: [siteId] }),
    decide: (actor, commentId, action) => moderateComment(actions, actor, commentId, action),
  };
}

/** Screening's view of the bans (screening does not read moderation's storage itself). */
export function banLookup(db: Db) {
  return {
    find: (siteId: string, who: { email: string; ipHash: string }, now: Date) =>
      findActiveBan(db, siteId, who, now),
  };
}
