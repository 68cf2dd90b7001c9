import type { RemoteOutcome } from './providers/provider.js';

export type { RemoteOutcome };
import type { SiteModel } from './models.js';

export type { SiteModel } from './models.js';

/** Outcome of screening, strongest first: reject > spam > hold > approve. */
export type Decision = 'approve' | 'hold' | 'spam' | 'reject';

export { TOXICITY_ATTRIBUTES } from '../contracts/screening.js';
export type {
  Reason,
  ToxicityAction,
  ToxicityAttribute,
  ToxicityScores,
} from '../contracts/screening.js';
import type { Reason, ToxicityScores } from '../contracts/screening.js';
import type { SiteSettings } from '../contracts/site-settings.js';

/** The screening part of a site's settings, defaulted (src/contracts/site-settings.ts). */
export type ScreeningSettings = Pick<
  SiteSettings,
  | 'linkLimit'
  | 'moderationWords'
  | 'disallowedWords'
  | 'minSubmitSeconds'
  | 'toxicity'
  | 'spamThreshold'
  | 'spamHoldThreshold'
  | 'trustApprovedAuthors'
  | 'premoderation'
  | 'premoderationMinApproved'
  | 'failOpen'
>;

export type FormTokenState =
  | { status: 'ok'; ageMs: number }
  | { status: 'missing' | 'invalid' | 'expired' };

export interface ScreeningHistory {
  /** previously approved comments by this email on this site */
  approvedByAuthor: number;
  rejectedOrSpamByAuthor: number;
  /** same normalised body from same email or IP on the same post in the last day */
  duplicateOnPost: boolean;
  /** comments from this IP hash in the last 10 minutes (excluding this one) */
  recentFromIp: number;
  /** comments from this email in the last 10 minutes (excluding this one) */
  recentFromEmail: number;
  secondsSinceLastFromIpOrEmail: number | null;
  /** The author confirmed their email address (reply-mail opt-in): a trust signal. */
  verifiedAuthor?: boolean;
}

export interface ScreeningContext {
  /** comment body as typed (markdown-ish plain text) */
  text: string;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  /** value of the hidden honeypot field; non-empty -> spam */
  honeypot: string | null;
  /** the new comment's form token, checked; null when re-screening an edit */
  formToken: FormTokenState | null;
  /** facts the service loaded from the DB */
  history: ScreeningHistory;
  /** the caller found a ban */
  banned: { kind: 'email' | 'ip' | 'domain'; value: string } | null;
  settings: ScreeningSettings;
  /** the shipped model and the site's learnt layers on top of it */
  model: SiteModel;
  /** what the remote providers (Perspective, Akismet) said, or why they could not */
  remote: RemoteOutcome[];
  /** re-screening an edit (token/honeypot/duplicate/burst checks are skipped on edits) */
  isEdit: boolean;
}

export interface ScreeningResult {
  decision: Decision;
  /** every reason found, human-readable */
  reasons: Reason[];
  scores: { spam: number } & ToxicityScores;
  /** toxicity attributes whose action is 'warn' and that fired: the widget asks "Do you want to rephrase?" */
  warnings: Reason[];
  /** per label, the model's strongest parts of this comment (stored for the dashboard) */
  drivers: Record<string, Array<{ feature: string; weight: number }>>;
  /** seconds each step took ("analysis", then each phase), when the caller passed a clock */
  timings?: Array<[phase: string, seconds: number]>;
}
