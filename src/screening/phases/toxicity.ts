import { strongest } from '../decision.js';
import { isWordDriver, LABEL_OF, mapAttributes, type ModelView } from '../scores.js';
import { scoreToxicity, type ToxicitySpan } from '../toxicity.js';
import {
  TOXICITY_ATTRIBUTES,
  type Reason,
  type ScreeningSettings,
  type ToxicityAttribute,
  type ToxicityScores,
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

/**
 * The rules' strongest hits (a threat with a target, a severe slur, an insult addressed to
 * someone) are right nearly every time they fire, so they may raise the model's score; elsewhere
 * the model decides and the rules only point at the words. Measured on the dev split, rule
 * scores of 0.9 and more for these attributes fired on 0–1 clean comments of 1,361; the
 * identity-attack patterns fired on 9, so they only explain, never raise.
 */
const RULES_RAISE: ReadonlySet<ToxicityAttribute> = new Set([
  'SEVERE_TOXICITY',
  'THREAT',
  'INSULT',
]);
const RULE_RAISE_AT = 0.9;

export interface ToxicityJudgement {
  scores: ToxicityScores;
  /** the rules' matches, for highlighting */
  spans: ToxicitySpan[];
  /** who set each attribute's score: the model, the rules, or a remote provider by name */
  sources: Record<ToxicityAttribute, string>;
}

/** Per attribute: the model's score, raised by a strong rule hit or a remote provider's score. */
export function judgeScores(
  view: ModelView,
  text: string,
  remote: ReadonlyArray<{ provider: string; toxicity?: Partial<ToxicityScores> }> = [],
): ToxicityJudgement {
  const rules = scoreToxicity(text);
  const judged = mapAttributes((attr) => {
    let score = view.scores[LABEL_OF[attr]];
    let source = 'model';
    const ruled = rules.scores[attr];
    if (RULES_RAISE.has(attr) && ruled >= RULE_RAISE_AT && ruled > score) {
      score = ruled;
      source = 'rules';
    }
    for (const r of remote) {
      const theirs = r.toxicity?.[attr];
      if (theirs !== undefined && theirs > score) {
        score = theirs;
        source = r.provider;
      }
    }
    return { score, source };
  });
  return {
    scores: mapAttributes((a) => judged[a].score),
    spans: rules.spans,
    sources: mapAttributes((a) => judged[a].source),
  };
}

/** Turns scores into a decision with the site's per-attribute thresholds and actions. */
export function judgeToxicity(
  judged: ToxicityJudgement,
  view: ModelView,
  settings: ScreeningSettings,
): PhaseOutcome {
  const out: PhaseOutcome = {
    decision: 'approve',
    reasons: [],
    warnings: [],
    toxicity: judged.scores,
  };
  for (const attr of TOXICITY_ATTRIBUTES) {
    const { threshold, action } = settings.toxicity[attr];
    const score = judged.scores[attr];
    if (action === 'off' || score < threshold) continue;
    const source = judged.sources[attr];
    const remote = source !== 'model' && source !== 'rules';
    const matches = remote ? [] : evidence(judged, view, attr);
    const quoted = matches.map((m) => `'${m}'`).join(', ');
    const reason: Reason = {
      code: `TOXICITY_${attr}`,
      message: remote
        ? `${source}: ${attr.toLowerCase().replace('_', ' ')} (${score.toFixed(2)})`
        : `${LABELS[attr]}: ${quoted || 'overall'} (${score.toFixed(2)})`,
      matches,
    };
    if (action === 'warn') {
      out.warnings?.push(reason);
      continue;
    }
    out.reasons.push(reason);
    out.decision = strongest(out.decision, action === 'reject' ? 'reject' : 'hold');
  }
  return out;
}

/** The words to show: the rules' matches for the attribute, else the model's strongest drivers. */
function evidence(judged: ToxicityJudgement, view: ModelView, attr: ToxicityAttribute): string[] {
  const ruled = judged.spans.filter((s) => (s.scores[attr] ?? 0) >= 0.5).map((s) => s.match);
  if (ruled.length > 0) return [...new Set(ruled)];
  return view.drivers[LABEL_OF[attr]]
    .filter((d) => d.weight > 0 && isWordDriver(d.feature))
    .slice(0, 3)
    .map((d) => d.feature);
}

/**
 * Toxicity: the model's scores (with the site's learnt layer), raised by the strongest rule
 * hits and by any remote provider (Perspective), judged against the site's rule per attribute.
 * Trusted authors are screened the same as anyone.
 */
export const toxicity: Phase = ({ text, settings, remote }, { analysis }) => {
  const judged = judgeScores(
    analysis.model,
    text,
    remote.flatMap((r) =>
      r.verdict?.toxicity ? [{ provider: r.provider, toxicity: r.verdict.toxicity }] : [],
    ),
  );
  return judgeToxicity(judged, analysis.model, settings);
};
