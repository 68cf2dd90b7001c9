import { findObfuscatedLinks } from '../links.js';
import { findLookalikeWords, hasInvisibleInWord } from '../normalize.js';
import type { Reason } from '../types.js';
import type { Phase } from './phase.js';

/**
 * Text dressed up to get past filters: "example dot com", "hxxp://", zero-width characters
 * inside words, Cyrillic letters posing as Latin ones. Humans rarely write these; one sign
 * holds, two or more mark spam.
 */
export const obfuscation: Phase = ({ text, authorName }) => {
  const reasons: Reason[] = [];
  const links = findObfuscatedLinks(text);
  if (links.length > 0) {
    reasons.push({
      code: 'LINK_OBFUSCATED',
      message: `disguised link: '${links[0]}'`,
      matches: [...links],
    });
  }
  if (hasInvisibleInWord(text) || hasInvisibleInWord(authorName)) {
    reasons.push({ code: 'HIDDEN_CHARACTERS', message: 'invisible characters inside words' });
  }
  const lookalikes = [...findLookalikeWords(text), ...findLookalikeWords(authorName)];
  if (lookalikes.length > 0) {
    reasons.push({
      code: 'LOOKALIKE_CHARACTERS',
      message: `words mixing Latin with lookalike letters: ${lookalikes.map((w) => `'${w}'`).join(', ')}`,
      matches: lookalikes,
    });
  }
  if (reasons.length === 0) return undefined;
  return { decision: reasons.length >= 2 ? 'spam' : 'hold', reasons };
};
