/**
 * Screening pipeline: an ordered list of small pure phases. Unlike a first-match pipeline,
 * every phase runs and every reason is kept (moderators want all of them); the strongest
 * decision wins: reject > spam > hold > approve. No DB, network or clock calls happen here.
 */
import { findLinks } from './links.js';
import { authorFields } from './phases/author-fields.js';
import { banned } from './phases/banned.js';
import { duplicate } from './phases/duplicate.js';
import { flood } from './phases/flood.js';
import { formToken } from './phases/form-token.js';
import { honeypot } from './phases/honeypot.js';
import { linkLimit } from './phases/link-limit.js';
import { linkOnly } from './phases/link-only.js';
import { linkReputation } from './phases/link-reputation.js';
import { obfuscation } from './phases/obfuscation.js';
import { premoderation } from './phases/premoderation.js';
import { remoteProviders } from './phases/remote-providers.js';
import { strongest } from './decision.js';
import type { Accumulator, Analysis, Phase } from './phases/phase.js';
import { spamScore } from './phases/spam-score.js';
import { judgeScores, judgeToxicity, toxicity } from './phases/toxicity.js';
import { disallowedWords, moderationWords } from './phases/word-lists.js';
import { LABELS, type Label } from './model/index.js';
import { shippedModel, type SiteModel } from './models.js';
import type { ToxicitySpan } from './toxicity.js';
import { LABEL_OF, modelView, type ModelView } from './scores.js';
import type {
  Decision,
  Reason,
  ScreeningContext,
  ScreeningResult,
  ScreeningSettings,
  ToxicityAttribute,
  ToxicityScores,
} from './types.js';

export const PHASES: ReadonlyArray<readonly [name: string, phase: Phase]> = [
  // the caller found a ban on the email, IP or domain
  ['banned', banned],
  // bot signals from the form itself (skipped on edits)
  ['honeypot', honeypot],
  ['formToken', formToken],
  ['duplicate', duplicate],
  ['flood', flood],
  // the site's own word lists, over body, name, email and website
  ['disallowedWords', disallowedWords],
  ['moderationWords', moderationWords],
  // keyword-stuffed or URL names
  ['authorFields', authorFields],
  // links: over the limit, link-only bodies, shorteners and commercial hosts, disguised links
  ['linkLimit', linkLimit],
  ['linkOnly', linkOnly],
  ['linkReputation', linkReputation],
  ['obfuscation', obfuscation],
  // learned spam probability, weighted by the author's history and where their links go
  ['spamScore', spamScore],
  // what remote providers said of spam, or that they could not answer
  ['remoteProviders', remoteProviders],
  // toxicity, Parley's and the providers' scores alike: applies to trusted authors too
  ['toxicity', toxicity],
  // the site's pre-moderation rule: who waits whatever the rest found
  ['premoderation', premoderation],
];

const ZERO_TOXICITY: ToxicityScores = {
  TOXICITY: 0,
  SEVERE_TOXICITY: 0,
  INSULT: 0,
  PROFANITY: 0,
  THREAT: 0,
  IDENTITY_ATTACK: 0,
};

/**
 * Runs every phase over one comment. With `clock` (seconds, e.g. performance.now() / 1000) the
 * result also says how long the shared analysis and each phase took; the pipeline itself never
 * reads a clock.
 */
export function screenComment(ctx: ScreeningContext, clock?: () => number): ScreeningResult {
  const timings: Array<[string, number]> | undefined = clock ? [] : undefined;
  let mark = clock?.() ?? 0;
  const lap = (phase: string) => {
    if (!clock || !timings) return;
    const now = clock();
    timings.push([phase, now - mark]);
    mark = now;
  };
  const analysis: Analysis = {
    links: findLinks(ctx.text),
    trusted: ctx.settings.trustApprovedAuthors && ctx.history.approvedByAuthor > 0,
    model: modelView(
      ctx.model,
      { text: ctx.text, name: ctx.authorName, website: ctx.authorWebsite },
      explainFrom(ctx.settings),
    ),
  };
  let decision: Decision = 'approve';
  const reasons: Reason[] = [];
  const warnings: Reason[] = [];
  let spam = 0;
  let tox = ZERO_TOXICITY;
  lap('analysis');
  for (const [name, phase] of PHASES) {
    const acc: Accumulator = { analysis, decision, reasons };
    const out = phase(ctx, acc);
    lap(name);
    if (!out) continue;
    decision = strongest(decision, out.decision);
    reasons.push(...out.reasons);
    if (out.warnings) warnings.push(...out.warnings);
    if (out.spamScore !== undefined) spam = out.spamScore;
    if (out.toxicity) tox = out.toxicity;
  }
  return {
    decision,
    reasons,
    warnings,
    scores: { spam, ...tox },
    drivers: driversOf(analysis.model),
    ...(timings && { timings }),
  };
}

/** Below this score the dashboard shows no drivers for a label. */
const DRIVERS_SHOWN_FROM = 0.2;

/** What the dashboard highlights: per label that scored at all, the model's strongest parts. */
function driversOf(view: ModelView): ScreeningResult['drivers'] {
  const out: ScreeningResult['drivers'] = {};
  for (const label of LABELS) {
    const positive = view.drivers[label].filter((d) => d.weight > 0);
    if (positive.length > 0 && view.scores[label] >= DRIVERS_SHOWN_FROM) out[label] = positive;
  }
  return out;
}

/**
 * Which labels need their drivers: the spam phase reads them at any score; a toxicity label's
 * are shown from DRIVERS_SHOWN_FROM and quoted in a reason once the site's threshold is met.
 */
function explainFrom(settings: ScreeningSettings): (label: Label) => number {
  const from = new Map<Label, number>();
  for (const [attr, label] of Object.entries(LABEL_OF) as Array<[ToxicityAttribute, Label]>) {
    const rule = settings.toxicity[attr];
    from.set(label, Math.min(DRIVERS_SHOWN_FROM, rule.action === 'off' ? 1 : rule.threshold));
  }
  return (label) => from.get(label) ?? 0;
}

/** Toxicity only, for the draft "check" endpoint: the same model and rules as screening. */
export function checkToxicity(
  text: string,
  settings: ScreeningSettings,
  model: SiteModel,
): { scores: ToxicityScores; reasons: Reason[]; warnings: Reason[]; decision: Decision } {
  const view = modelView(model, { text }, explainFrom(settings));
  const out = judgeToxicity(judgeScores(view, text), view, settings);
  return {
    scores: out.toxicity ?? ZERO_TOXICITY,
    reasons: out.reasons,
    warnings: out.warnings ?? [],
    decision: out.decision,
  };
}

/**
 * Toxicity scores and the rules' spans for any text, as the Perspective-compatible API answers:
 * the same model and rules as screening, without a site's layers.
 */
export function toxicityOfText(
  text: string,
  model: SiteModel = { base: shippedModel(), layers: { spam: null, toxicity: null } },
): { scores: ToxicityScores; spans: ToxicitySpan[] } {
  // the answer carries scores and the rules' spans, not the model's drivers
  const judged = judgeScores(
    modelView(model, { text }, () => Number.POSITIVE_INFINITY),
    text,
  );
  return { scores: judged.scores, spans: judged.spans };
}
