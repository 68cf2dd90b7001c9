// Shapes of the moderation and admin API as the dashboard reads them. Most are the server's
// own types (type-only imports: nothing of the server reaches the bundle), so they cannot
// drift apart.
import type { ModerationItem } from '../../src/moderation/moderation-item.js';

export type { ModerationItem };
export type { BanView } from '../../src/moderation/bans.service.js';
export type { AuditEntryView as AuditEntry } from '../../src/moderation/audit.service.js';
export type { DayStats, ModerationStats } from '../../src/moderation/stats.service.js';
export type { SiteSettings } from '../../src/sites/site-settings.js';
export type { AdminSiteView as AdminSite } from '../../src/admin/sites.admin.service.js';
export type ScreeningReason = ModerationItem['comment']['screening']['reasons'][number];

export const QUEUES = ['pending', 'toxic', 'spam', 'reported', 'approved', 'rejected'] as const;
export type Queue = (typeof QUEUES)[number];
export type QueueCounts = Record<Queue, number>;
export type Sort = 'oldest' | 'newest' | 'priority';
export type Action = 'approve' | 'reject' | 'spam' | 'not-spam' | 'delete';

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'moderator';
  /** Slugs of the sites this user moderates (every site for admins). */
  sites: string[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface QueuePage {
  items: ModerationItem[];
  nextCursor: string | null;
  counts: QueueCounts;
}

export const TOXICITY_ATTRIBUTES = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'IDENTITY_ATTACK',
] as const;
export type ToxicityAction = 'off' | 'warn' | 'hold' | 'reject';
