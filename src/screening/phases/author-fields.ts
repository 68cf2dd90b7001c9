import { findLinks } from '../links.js';
import { foldText } from '../normalize.js';
import type { Reason } from '../types.js';
import type { Phase } from './phase.js';

/** Words that on their own make a name look commercial. */
const STRONG =
  /\b(?:viagra|cialis|levitra|tramadol|xanax|oxycodone|pharmacy|meds|casino|poker|slots?|betting|bet\d*|loans?|payday|forex|crypto|bitcoin|btc|seo|backlinks?|essays?|dissertations?|homework|replica|rolex|porn|xxx|escorts?|followers|keto|jerseys|spins|viagra)\b/g;
/** Words that only count together with others ("Best Casino Bonus"). */
const WEAK =
  /\b(?:cheap|buy|best|free|online|discount|deals?|sale|bonus|services?|agency|near me|24\/?7|signals|profits?|hd|videos?|download|outlet|win|prize|offers?|trading|dating|singles|pills|insurance|lawyers?|attorneys?|plumbers?|plumbing|locksmiths?|movers|repair|fast|approval|instant|watches|diet|instagram|tiktok|youtube|likes|shop|store|marketing|company|emergency|wholesale|hot|sexy)\b/g;
/** Names that impersonate the site's staff. */
const RESERVED =
  /^(?:admin|administrator|moderator|mod|support|support team|webmaster|staff|site owner|official|customer service)$/;

const countMatches = (s: string, re: RegExp) => s.match(re) ?? [];

/**
 * Keyword stuffing in the author fields: spammers use the name as anchor text for their site
 * ("Cheap Viagra Online"), or put a URL in it.
 */
export const authorFields: Phase = ({ authorName, authorWebsite }) => {
  const name = foldText(authorName).trim();
  const reasons: Reason[] = [];
  let spam = false;

  const nameLinks = findLinks(name);
  if (nameLinks.length > 0 || /\bhttps?:|\bwww\./.test(name)) {
    spam = true;
    reasons.push({
      code: 'NAME_URL',
      message: 'the name contains a web address',
      matches: nameLinks.map((l) => l.url),
    });
  }
  const strong = countMatches(name, STRONG);
  const weak = countMatches(name, WEAK);
  const keywords = [...strong, ...weak];
  if (strong.length >= 1 && keywords.length >= 2) {
    spam = true;
    reasons.push({
      code: 'NAME_KEYWORDS',
      message: `keyword-stuffed name: '${authorName}'`,
      matches: keywords,
    });
  } else if (strong.length === 1 || weak.length >= 3) {
    reasons.push({
      code: 'NAME_KEYWORDS',
      message: `commercial words in the name: '${authorName}'`,
      matches: keywords,
    });
  }
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > 5) {
    reasons.push({ code: 'NAME_TOO_LONG', message: `the name has ${words.length} words` });
  }
  if (RESERVED.test(name.replace(/[^\p{L}\s]/gu, '').trim())) {
    reasons.push({
      code: 'NAME_RESERVED',
      message: `the name '${authorName}' impersonates site staff`,
    });
  }
  if (authorWebsite) {
    const host = findLinks(authorWebsite)[0]?.host ?? authorWebsite;
    const hostWords = host.replace(/[.-]/g, ' ');
    const strongHost = countMatches(hostWords, STRONG);
    if (strongHost.length > 0) {
      reasons.push({
        code: 'WEBSITE_KEYWORDS',
        message: `commercial website: ${host}`,
        matches: strongHost,
      });
    }
  }
  if (reasons.length === 0) return undefined;
  return { decision: spam ? 'spam' : 'hold', reasons };
};
