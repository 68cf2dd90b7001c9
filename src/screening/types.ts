import type { SpamModel } from './spam-classifier.js';

export type { CountTable, SpamModel } from './spam-classifier.js';

/** Outcome of screening, strongest first: reject > spam > hold > approve. */
export type Decision = 'approve' | 'hold' | 'spam' | 'reject';

/** The six core Perspective attributes; the built-in scorer produces all of them. */
export const TOXICITY_ATTRIBUTES = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'IDENTITY_ATTACK',
] as const;
export type ToxicityAttribute = (typeof TOXICITY_ATTRIBUTES)[number];

/** One probability in [0,1] per attribute. */
export type ToxicityScores = Record<ToxicityAttribute, number>;

export interface Reason {
  /** Stable machine code, e.g. `LINK_LIMIT`, `TOXICITY_INSULT`. */
  code: string;
  /** Human-readable, e.g. "3 links, the limit is 2". */
  message: string;
  /** matched words/phrases, so the dashboard can highlight them */
  matches?: string[];
}

export type ToxicityAction = 'off' | 'warn' | 'hold' | 'reject';

/** Per-site settings, already defaulted by the caller (see DEFAULT_SCREENING_SETTINGS). */
export interface ScreeningSettings {
  /** MORE than this many links -> hold (WordPress semantics: "3 links, the limit is 2"). */
  linkLimit: number;
  /** Match -> hold. Case-insensitive whole word or phrase; also checked in name, email, website. */
  moderationWords: string[];
  /** Match -> spam. Same matching as moderationWords. */
  disallowedWords: string[];
  /** Form token younger than this -> hold. */
  minSubmitSeconds: number;
  toxicity: Record<ToxicityAttribute, { threshold: number; action: ToxicityAction }>;
  /** Classifier probability >= this -> spam; >= SPAM_HOLD_THRESHOLD (0.6) -> hold. */
  spamThreshold: number;
  /** Authors with an approved comment on this site get a lower spam weighting. */
  trustApprovedAuthors: boolean;
}

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
}

export interface ScreeningContext {
  /** comment body as typed (markdown-ish plain text) */
  text: string;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  /** value of the hidden honeypot field; non-empty -> spam */
  honeypot: string | null;
  formToken: FormTokenState;
  /** facts the service loaded from the DB */
  history: ScreeningHistory;
  /** the caller found a ban */
  banned: { kind: 'email' | 'ip' | 'domain'; value: string } | null;
  settings: ScreeningSettings;
  /** base + per-site learned counts */
  spamModel: SpamModel;
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
}
