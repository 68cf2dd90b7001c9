import { SPAM_HOLD_THRESHOLD } from '../defaults.js';
import { isAbusedTld } from '../links.js';
import { sigmoid, spamProbability } from '../spam-classifier.js';
import type { Phase } from './phase.js';

/** Log-odds shift for authors with an approved comment: their odds of spam drop ~12x. */
const TRUSTED_SHIFT = -2.5;
/** Log-odds shift for a first-time author linking to a TLD that dominates abuse reports. */
const ABUSED_TLD_SHIFT = 1.5;
/** Log-odds shift for authors whose only history here is rejected or spam comments. */
const BAD_HISTORY_SHIFT = 1.5;

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));

/** The learning classifier (base + per-site counts), weighted by the author's history. */
export const spamScore: Phase = ({ text, spamModel, settings, history }, { analysis }) => {
  const raw = spamProbability(spamModel, text);
  let shift = 0;
  if (analysis.trusted) shift += TRUSTED_SHIFT;
  else {
    if (history.rejectedOrSpamByAuthor > 0) shift += BAD_HISTORY_SHIFT;
    if (analysis.links.some((l) => isAbusedTld(l.host))) shift += ABUSED_TLD_SHIFT;
  }
  const p = shift === 0 ? raw : sigmoid(logit(raw) + shift);
  const score = Math.round(p * 1000) / 1000;
  if (p >= settings.spamThreshold) {
    return {
      decision: 'spam',
      spamScore: score,
      reasons: [{ code: 'SPAM_CLASSIFIER', message: `looks like spam (${score.toFixed(2)})` }],
    };
  }
  if (p >= SPAM_HOLD_THRESHOLD) {
    return {
      decision: 'hold',
      spamScore: score,
      reasons: [{ code: 'SPAM_CLASSIFIER', message: `may be spam (${score.toFixed(2)})` }],
    };
  }
  return { decision: 'approve', spamScore: score, reasons: [] };
};
