import { compiledWordLists, findListedWords } from '../word-lists.js';
import { hold, spam, type Phase } from './phase.js';

const quoteAll = (words: string[]) => words.map((w) => `'${w}'`).join(', ');

/** Site moderation words: hold. Checked in the body, name, email and website, like WordPress. */
export const moderationWords: Phase = (ctx) => {
  const { moderation } = compiledWordLists(ctx.settings);
  const found = findListedWords(moderation, [
    ctx.text,
    ctx.authorName,
    ctx.authorEmail,
    ctx.authorWebsite,
  ]);
  return found.length > 0
    ? hold('MODERATION_WORD', `contains moderation word ${quoteAll(found)}`, found)
    : undefined;
};

/** Site disallowed words: spam. */
export const disallowedWords: Phase = (ctx) => {
  const { disallowed } = compiledWordLists(ctx.settings);
  const found = findListedWords(disallowed, [
    ctx.text,
    ctx.authorName,
    ctx.authorEmail,
    ctx.authorWebsite,
  ]);
  return found.length > 0
    ? spam('DISALLOWED_WORD', `contains disallowed word ${quoteAll(found)}`, found)
    : undefined;
};
