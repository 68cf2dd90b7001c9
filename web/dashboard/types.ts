// Shapes of the moderation and admin API as the dashboard reads them: the server's own
// contracts (src/contracts/), so the two cannot drift apart. Only the constant lists come in as
// values; everything else is type-only.
import type { UserView } from '../../src/contracts/moderation-api.js';

export { MODERATION_ACTIONS, QUEUES } from '../../src/contracts/moderation-api.js';
export type {
  AdminSiteView as AdminSite,
  AuditEntryView as AuditEntry,
  BanView,
  DayStats,
  ModerationAction as Action,
  ModerationItem,
  ModerationStats,
  Queue,
  QueueCounts,
  QueuePage,
} from '../../src/contracts/moderation-api.js';
export { TOXICITY_ATTRIBUTES } from '../../src/contracts/screening.js';
export type { Reason as ScreeningReason, ToxicityAction } from '../../src/contracts/screening.js';
export type { SiteSettings } from '../../src/contracts/site-settings.js';

export type Sort = 'oldest' | 'newest' | 'priority';
export type User = UserView;

export interface Session {
  user: User;
  csrfToken: string;
}
