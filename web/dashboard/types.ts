// Shapes of the moderation and admin API as the dashboard reads them. They mirror
// src/moderation/moderation-item.ts, audit.service.ts, bans.service.ts, stats.service.ts and
// src/admin/sites.admin.service.ts; keep them in step.

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

export interface ScreeningReason {
  code: string;
  message: string;
  /** Words or phrases of the comment that triggered this reason. */
  matches?: string[];
}

export interface ModerationItem {
  comment: {
    id: string;
    status: string;
    body: string;
    /** Rendered server-side; the dashboard still re-sanitizes it (render.ts). */
    html: string;
    authorName: string;
    authorEmail: string;
    authorWebsite: string | null;
    ipHash: string;
    userAgent: string | null;
    createdAt: string;
    editedAt: string | null;
    reportCount: number;
    reportedAt: string | null;
    toxic: boolean;
    toxicityScore: number | null;
    spamScore: number | null;
    screening: { decision: string | null; reasons: ScreeningReason[]; scores: Record<string, unknown> | null };
  };
  post: { slug: string; title: string; url: string | null; site: string };
  parent: { id: string; authorName: string; html: string } | null;
  reports: { reason: string; note: string | null; createdAt: string }[];
  history: { approved: number; rejected: number; spam: number; pending: number };
}

export interface QueuePage {
  items: ModerationItem[];
  nextCursor: string | null;
  counts: QueueCounts;
}

export interface BanView {
  id: string;
  site: string;
  kind: 'email' | 'ip' | 'domain';
  value: string;
  reason: string | null;
  expiresAt: string | null;
  active: boolean;
  createdById: string | null;
  createdAt: string;
}

export interface AuditEntry {
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

export interface DayStats {
  date: string;
  total: number;
  approved: number;
  pending: number;
  spam: number;
  rejected: number;
  deleted: number;
}

export interface ModerationStats {
  perDay: DayStats[];
  byStatus: Omit<DayStats, 'date' | 'total'>;
  medianDecisionSeconds: number | null;
}

export const TOXICITY_ATTRIBUTES = ['TOXICITY', 'SEVERE_TOXICITY', 'INSULT', 'PROFANITY', 'THREAT', 'IDENTITY_ATTACK'] as const;
export type ToxicityAction = 'off' | 'warn' | 'hold' | 'reject';

export interface SiteSettings {
  autoCreatePosts: boolean;
  maxDepth: number;
  maxBodyLength: number;
  closeAfterDays: number;
  premoderation: 'nobody' | 'everyone' | 'first-time' | 'fewer-than' | 'links';
  premoderationMinApproved: number;
  linkLimit: number;
  moderationWords: string[];
  disallowedWords: string[];
  minSubmitSeconds: number;
  toxicity: Record<(typeof TOXICITY_ATTRIBUTES)[number], { threshold: number; action: ToxicityAction }>;
  spamThreshold: number;
  trustApprovedAuthors: boolean;
  failOpen: boolean;
  bannedAction: 'refuse' | 'hold';
  reportThreshold: number;
  hideReported: boolean;
}

export interface AdminSite {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
  createdAt: string;
  updatedAt: string;
}
