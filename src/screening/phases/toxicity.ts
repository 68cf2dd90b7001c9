import { scoreToxicity, type ToxicityAnalysis } from '../toxicity.js';
import {
  TOXICITY_ATTRIBUTES,
  type Decision,
  type Reason,
  type ScreeningSettings,
  type ToxicityAttribute,
} from '../types.js';
import type { Phase, PhaseOutcome } from './phase.js';

const LABELS: Record<ToxicityAttribute, string> = {
  TOXICITY: 'toxic language',
  SEVERE_TOXICITY: 'severely toxic language',
  INSULT: 'insult aimed at a person',
  PROFANITY: 'profanity',
  THREAT: 'threat of violence',
  IDENTITY_ATTACK: 'attack on people for their identity',
};

const RANK: Record<Decision, number> = { approve: 0, hold: 1, spam: 2, reject: 3 };

/** Turns scores into a decision with the site's per-attribute thresholds and actions. */
export function judgeToxicity(
  analysis: ToxicityAnalysis,
  settings: ScreeningSettings,
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
    const reason: Reason = {
      code: `TOXICITY_${attr}`,
      message: `${LABELS[attr]}: ${quoted || 'overall'} (${score.toFixed(2)})`,
      matches,
    };
    if (action === 'warn') {
      out.warnings!.push(reason);
      continue;
    }
    out.reasons.push(reason);
    const decision: Decision = action === 'reject' ? 'reject' : 'hold';
    if (RANK[decision] > RANK[out.decision]) out.decision = decision;
  }
  return out;
}

/** Built-in toxicity; trusted authors are screened the same as anyone. */
export const toxicity: Phase = ({ text, settings }) => judgeToxicity(scoreToxicity(text), settings);
