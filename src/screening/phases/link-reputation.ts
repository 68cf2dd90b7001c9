import { commercialHostWord, isShortener } from '../links.js';
import type { Reason } from '../types.js';
import type { Phase } from './phase.js';

/**
 * Where the links go, for authors the site does not know yet: shortened links hide the target,
 * and hosts named after pills, casinos or loans are what link spam points at.
 */
export const linkReputation: Phase = (_ctx, { analysis }) => {
  if (analysis.trusted || analysis.links.length === 0) return undefined;
  const reasons: Reason[] = [];
  const short = analysis.links.filter((l) => isShortener(l.host)).map((l) => l.url);
  if (short.length > 0) {
    reasons.push({
      code: 'LINK_SHORTENER',
      message: `shortened link hides its target: ${short[0]}`,
      matches: short,
    });
  }
  const commercial = analysis.links.filter((l) => commercialHostWord(l.host) !== null);
  if (commercial.length > 0) {
    reasons.push({
      code: 'LINK_COMMERCIAL',
      message: `link to a commercial-looking site: ${commercial[0]!.host}`,
      matches: commercial.map((l) => l.url),
    });
  }
  return reasons.length > 0 ? { decision: 'hold', reasons } : undefined;
};
