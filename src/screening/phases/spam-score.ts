import { isAbusedTld } from '../links.js';
import { isWordDriver } from '../scores.js';
import type { Phase } from './phase.js';

/** Log-odds shift for authors with an approved comment: their odds of spam drop ~12x. */
const TRUSTED_SHIFT = -2.5;
/**
 * A further shift for a trusted author whose email address is confirmed (reply-mail opt-in):
 * an advertiser rarely proves an inbox it reads, so together the odds of spam drop ~55x.
 */
const VERIFIED_SHIFT = -1.5;
/** Log-odds shift for a first-time author linking to a TLD that dominates abuse reports. */
const ABUSED_TLD_SHIFT = 1.5;
/** Log-odds shift for authors whose only history here is rejected or spam comments. */
const BAD_HISTORY_SHIFT = 1.5;
/**
 * A short reply that links nowhere and names no website carries nothing to sell: "Great post,
 * thanks!" is a reader, not an advertiser (while "Very informative, thank you." opens many a
 * spam). The model alone cannot send one to the spam queue; it holds one only when it is sure
 * ("cheap cialis", "free gems, link in bio").
 */
const PLAIN_REPLY_WORDS = 12;
const PLAIN_REPLY_HOLD_AT = 0.85;

/** The model's tokens for a link and its shape: structure, not something said. */
const LINK_FEATURE = /^(?:<url>|link-tld:)/;
/** Log-odds the words among the top drivers must add (~4.5x) for a linked comment to be spam. */
const WORDS_SELL_AT = 1.5;

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const WORD = /[\p{L}\p{N}]+/gu;

/** The model's spam score (with the site's learnt layer), weighted by the author's history. */
export const spamScore: Phase = ({ text, settings, history, authorWebsite }, { analysis }) => {
  const raw = analysis.model.scores.spam;
  let shift = 0;
  if (analysis.trusted) {
    shift += TRUSTED_SHIFT;
    if (history.verifiedAuthor) shift += VERIFIED_SHIFT;
  } else {
    if (history.rejectedOrSpamByAuthor > 0) shift += BAD_HISTORY_SHIFT;
    if (analysis.links.some((l) => isAbusedTld(l.host))) shift += ABUSED_TLD_SHIFT;
  }
  const p = shift === 0 ? raw : sigmoid(logit(raw) + shift);
  const score = Math.round(p * 1000) / 1000;
  const drivers = analysis.model.drivers.spam
    .filter((d) => d.weight > 0)
    .slice(0, 3)
    .map((d) => d.feature);
  const why = drivers.length > 0 ? `: ${drivers.map((d) => `'${d}'`).join(', ')}` : '';
  const sells = analysis.model.drivers.spam.some(
    (d) =>
      d.weight > 0 && d.feature !== 'site:none' && /^(?:contact|links?|site|name):/.test(d.feature),
  );
  const plainReply =
    !sells &&
    analysis.links.length === 0 &&
    !authorWebsite?.trim() &&
    (text.match(WORD)?.length ?? 0) <= PLAIN_REPLY_WORDS;
  if (plainReply) {
    if (p < PLAIN_REPLY_HOLD_AT) return { decision: 'approve', spamScore: score, reasons: [] };
    return {
      decision: 'hold',
      spamScore: score,
      reasons: [{ code: 'SPAM_CLASSIFIER', message: `may be spam (${score.toFixed(2)})${why}` }],
    };
  }
  // Links alone hold a comment; it takes words that sell to call it spam (a reader citing three
  // sources is not an advertiser, and a moderator sees a held comment, not the spam tab).
  const wordWeight = analysis.model.drivers.spam
    .filter((d) => d.weight > 0 && isWordDriver(d.feature) && !LINK_FEATURE.test(d.feature))
    .reduce((sum, d) => sum + d.weight, 0);
  const sellsInWords = analysis.links.length === 0 || wordWeight >= WORDS_SELL_AT;
  if (p >= settings.spamThreshold && sellsInWords) {
    return {
      decision: 'spam',
      spamScore: score,
      reasons: [
        { code: 'SPAM_CLASSIFIER', message: `looks like spam (${score.toFixed(2)})${why}` },
      ],
    };
  }
  if (p >= settings.spamHoldThreshold) {
    return {
      decision: 'hold',
      spamScore: score,
      reasons: [{ code: 'SPAM_CLASSIFIER', message: `may be spam (${score.toFixed(2)})${why}` }],
    };
  }
  return { decision: 'approve', spamScore: score, reasons: [] };
};
