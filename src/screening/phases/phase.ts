import type { FoundLink } from '../links.js';
import type { ModelView } from '../scores.js';
import type { Decision, Reason, ScreeningContext, ToxicityScores } from '../types.js';

/** Facts computed once per comment and shared by the phases. */
export interface Analysis {
  /** links in the body */
  links: FoundLink[];
  /** author has an approved comment here and the site trusts such authors */
  trusted: boolean;
  /** the model's scores (with the site's layers) and what drove them */
  model: ModelView;
}

/** What the phases have found so far (read-only to phases). */
export interface Accumulator {
  readonly analysis: Analysis;
  readonly decision: Decision;
  readonly reasons: readonly Reason[];
}

/** A phase's verdict: the decision it asks for, with the reasons. Phases never throw. */
export interface PhaseOutcome {
  decision: Decision;
  reasons: Reason[];
  /** only the toxicity phase fills these */
  warnings?: Reason[];
  spamScore?: number;
  toxicity?: ToxicityScores;
}

/** A pure check: no DB, network or clock; returns nothing when it has no objection. */
export type Phase = (ctx: ScreeningContext, acc: Accumulator) => PhaseOutcome | undefined;

export const hold = (code: string, message: string, matches?: string[]): PhaseOutcome => ({
  decision: 'hold',
  reasons: [matches ? { code, message, matches } : { code, message }],
});

export const spam = (code: string, message: string, matches?: string[]): PhaseOutcome => ({
  decision: 'spam',
  reasons: [matches ? { code, message, matches } : { code, message }],
});
