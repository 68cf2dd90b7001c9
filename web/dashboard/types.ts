// Shapes of the moderation and admin API as the dashboard reads them: the server's own
// contracts (src/contracts/), so the two cannot drift apart. Only the constant lists come in as
// values; everything else is type-only.
import type { UserView } from '../../src/contracts/moderation-api.js';

export {
  ACTION_STATUS,
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  QUEUES,
} from '../../src/contracts/moderation-api.js';
export type {
  AdminPostView as AdminPost,
  AdminSiteView as AdminSite,
  ApiKeyView as ApiKey,
  AuditEntryView as AuditEntry,
  BanView,
  CommentStatus,
  DayStats,
  InvitationView as Invitation,
  ModerationAction as Action,
  ModerationItem,
  ModerationStats,
  Queue,
  QueueCounts,
  QueuePage,
  SiteContentsView as SiteContents,
  UserAccount,
} from '../../src/contracts/moderation-api.js';
export { TOXICITY_ATTRIBUTES } from '../../src/contracts/screening.js';
export type { Reason as ScreeningReason, ToxicityAction } from '../../src/contracts/screening.js';
export type { SiteSettings } from '../../src/contracts/site-settings.js';
/** The event types a webhook endpoint can subscribe to (README "Webhooks"). */
export { CHANGE_TYPES as WEBHOOK_EVENTS } from '../../src/contracts/webhooks-api.js';
export type {
  DeliveryView,
  OutboxStatusView,
  WebhookView,
} from '../../src/contracts/webhooks-api.js';

export type Sort = 'oldest' | 'newest' | 'priority';
export type User = UserView;

export interface Session {
  user: User;
  csrfToken: string;
}
