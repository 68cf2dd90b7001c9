// Screening's vocabulary as the API and the dashboard see it: the six Perspective attributes,
// per-attribute actions, and a reason a comment was held.

/** The six core Perspective attributes; Parley's scorer produces all of them. */
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

export type ToxicityAction = 'off' | 'warn' | 'hold' | 'reject';

export interface Reason {
  /** Stable machine code, e.g. `LINK_LIMIT`, `TOXICITY_INSULT`. */
  code: string;
  /** Human-readable, e.g. "3 links, the limit is 2". */
  message: string;
  /** Matched words or phrases, so the dashboard can highlight them. */
  matches?: string[];
}
