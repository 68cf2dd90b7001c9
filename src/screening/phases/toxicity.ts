import { scoreToxicity, type ToxicityAnalysis } from '../toxicity.js';
import {
  TOXICITY_ATTRIBUTES,
  type Decision,
  type Reason,
  type ScreeningSettings,
  type ToxicityAttribute,
} from '../types.js';
import { strongest } from '../decision.js';
import type { Phase, PhaseOutcome } from './phase.js';

const LABELS: Record<ToxicityAttribute, string> = {
  TOXICITY: 'toxic language',
  SEVERE_TOXICITY: 'severely toxic language',
  INSULT: 'insult aimed at a person',
  PROFANITY: 'profanity',
  THREAT: 'threat of violence',
  IDENTITY_ATTACK: 'attack on people for their identity',
};

/** Turns scores into a decision with the site's per-attribute thresholds and actions. */
export function judgeToxicity(
  analysis: ToxicityAnalysis,
  settings: ScreeningSettings,
  /** Attributes whose score came from a remote provider, and which one. */
  sources: Partial<Record<ToxicityAttribute, string>> = {},
): PhaseOutcome {
  const out: PhaseOutcome = {
    decision: 'approve',
    reasons: [],
    warnings: [],
    toxicity: analysis.scores,
  };
  for (const attr of TOXICITY_ATTRIBUTES) {
    const { threshold, action } = settings.toxicity[attr];
    const score = analysis.scores[attr];
    if (action === 'off' || score < threshold) continue;
    const matches = [
      ...new Set(analysis.spans.filter((s) => (s.scores[attr] ?? 0) >= 0.5).map((s) => s.match)),
    ];
    const quoted = matches.map((m) => `'${m}'`).join(', ');
    const source = sources[attr];
    const reason: Reason = {
      code: `TOXICITY_${attr}`,
      message: source
        ? `${source}: ${attr.toLowerCase().replace('_', ' ')} (${score.toFixed(2)})`
        : `${LABELS[attr]}: ${quoted || 'overall'} (${score.toFixed(2)})`,
      matches: source ? [] : matches,
    };
    if (action === 'warn') {
      out.warnings!.push(reason);
      continue;
    }
    out.reasons.push(reason);
    out.decision = strongest(out.decision, action === 'reject' ? 'reject' : 'hold');
  }
  return out;
}

/**
 * Toxicity, Parley's own scores and those of any remote provider (Perspective) alike: for each
 * attribute the higher score is judged against the site's rule. Trusted authors are screened
 * the same as anyone.
 */
export const toxicity: Phase = ({ text, settings, remote }) => {
  const own = scoreToxicity(text);
  const scores = { ...own.scores };
  const sources: Partial<Record<ToxicityAttribute, string>> = {};
  for (const r of remote) {
    for (const attr of TOXICITY_ATTRIBUTES) {
      const theirs = r.verdict?.toxicity?.[attr];
      if (theirs !== undefined && theirs > scores[attr]) {
        scores[attr] = theirs;
        sources[attr] = r.provider;
      }
    }
  }
  return judgeToxicity({ scores, spans: own.spans }, settings, sources);
};
