// The moderation and admin API as the dashboard reads it. Moderator-only shapes: they carry
// commenters' emails and IP hashes and never leave a moderator or admin route.
import type { Reason } from './screening.js';
import type { SiteSettings } from './site-settings.js';

export const QUEUES = ['pending', 'toxic', 'spam', 'reported', 'approved', 'rejected'] as const;
export type Queue = (typeof QUEUES)[number];
export type QueueCounts = Record<Queue, number>;

export const MODERATION_ACTIONS = ['approve', 'reject', 'spam', 'not-spam', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'rejected', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** The status each decision gives a comment (the dashboard moves its card by the same rule). */
export const ACTION_STATUS: Readonly<Record<ModerationAction, CommentStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  'not-spam': 'approved',
  delete: 'deleted',
};

export type BanKind = 'email' | 'ip' | 'domain';
export type Role = 'admin' | 'moderator';

export interface ScreeningView {
  decision: string | null;
  reasons: Reason[];
  scores: Record<string, number> | null;
  /** Per model label (toxicity, insult, spam…), the parts of the comment that raised its score most. */
  drivers: Record<string, Array<{ feature: string; weight: number }>>;
}

export interface AuthorHistory {
  approved: number;
  rejected: number;
  spam: number;
  pending: number;
}

/** The moderator's view of a comment: everything a decision needs. */
export interface ModerationItem {
  comment: {
    id: string;
    status: string;
    body: string;
    html: string;
    authorName: string;
    authorEmail: string;
    authorWebsite: string | null;
    /** The author confirmed their email address (reply-mail opt-in): a trust signal. */
    authorVerified: boolean;
    ipHash: string;
    userAgent: string | null;
    createdAt: string;
    editedAt: string | null;
    reportCount: number;
    reportedAt: string | null;
    toxic: boolean;
    toxicityScore: number | null;
    spamScore: number | null;
    screening: ScreeningView;
  };
  post: { slug: string; title: string; url: string | null; site: string };
  parent: { id: string; authorName: string; html: string } | null;
  reports: { reason: string; note: string | null; createdAt: string }[];
  /** This author's comments on this site, by status (authorHash). */
  history: AuthorHistory;
}

export interface QueuePage {
  items: ModerationItem[];
  nextCursor: string | null;
  counts: QueueCounts;
}

/** A decided comment and the audit entry that undoes the decision. */
export interface Decided {
  comment: ModerationItem;
  auditId: string;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  auditId?: string;
  error?: string;
}

export interface BanView {
  id: string;
  site: string;
  kind: BanKind;
  /** Normalised email, email domain, or (kind ip) the salted IP hash. */
  value: string;
  reason: string | null;
  expiresAt: string | null;
  active: boolean;
  createdById: string | null;
  createdAt: string;
}

export interface AuditEntryView {
  id: string;
  action: string;
  actor: { id: string | null; name: string | null };
  site: string | null;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
  undoneAt: string | null;
  undoneById: string | null;
}

export type UndoResult = { comment: ModerationItem } | { ban: BanView | null };

export interface DayStats extends Record<CommentStatus, number> {
  date: string;
  total: number;
}

export interface ModerationStats {
  perDay: DayStats[];
  byStatus: Record<CommentStatus, number>;
  /** Median seconds from submit to a moderator's decision; null when none were decided. */
  medianDecisionSeconds: number | null;
}

/** The signed-in user, as /api/auth/me answers. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Slugs of the sites this user moderates (every site for admins). */
  sites: string[];
}

/** An account as admins see it: never the password hash. */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  sites: string[];
  locked: boolean;
  createdAt: string;
}

export interface AdminSiteView {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: string[];
  /** Effective settings: stored values over defaults. */
  settings: SiteSettings;
  createdAt: string;
  updatedAt: string;
}

/** An invitation not yet taken up (admins). */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  sites: string[];
  expiresAt: string;
  createdAt: string;
}

/** A site's API key, never the key itself after creation. */
export interface ApiKeyView {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** What deleting a site would remove. */
export interface SiteContentsView {
  posts: number;
  comments: number;
  bans: number;
  apiKeys: number;
}

/** A post as its site's admins list it. */
export interface AdminPostView {
  slug: string;
  title: string;
  url: string | null;
  closed: boolean;
  /** Published comments (what readers see counted). */
  commentCount: number;
  /** Every stored comment, held and spam included. */
  totalComments: number;
  lastCommentAt: string | null;
  publishedAt: string;
}

/** Events a signed-in moderator's socket receives on the /moderation namespace. */
export interface ModerationEvents {
  'queue:added': (e: { queue: Queue; item: ModerationItem }) => void;
  'queue:removed': (e: { id: string; from: string; to: string }) => void;
  'queue:updated': (e: { item: ModerationItem }) => void;
  'queue:counts': (e: { site: string; counts: QueueCounts }) => void;
  /** Events may have been lost between processes: reload what is shown. */
  'queue:resync': () => void;
}

/** How a staff member is mailed about comments waiting for moderation. */
export const MODERATION_MAIL_MODES = ['immediate', 'hourly', 'daily', 'off'] as const;
export type ModerationMailMode = (typeof MODERATION_MAIL_MODES)[number];

/** GET and PUT /api/notifications/settings: one's own mail preferences. */
export interface NotificationSettingsView {
  mail: { enabled: boolean };
  moderation: ModerationMailMode;
  weekly: boolean;
  /** A widget language code (en, de, fr, …). */
  language: string;
}
