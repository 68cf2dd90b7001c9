import { countNonLinkWords } from '../links.js';
import { hold, spam, type Phase } from './phase.js';

/** Bodies that are only links, or links with a word or two around them. */
export const linkOnly: Phase = ({ text }, { analysis }) => {
  const { links, trusted } = analysis;
  if (links.length === 0) return undefined;
  const words = countNonLinkWords(text, links);
  const urls = links.map((l) => l.url);
  if (words === 0 || (links.length >= 2 && words <= 3)) {
    // a trusted author pasting a bare link is odd, not spam
    const outcome = trusted ? hold : spam;
    return outcome(
      'LINK_ONLY',
      words === 0 ? 'the comment is only links' : 'the comment is mostly links',
      urls,
    );
  }
  if (words <= 3 && !trusted) {
    return hold(
      'LINK_MOSTLY',
      `a link with only ${words} word${words === 1 ? '' : 's'} of text`,
      urls,
    );
  }
  return undefined;
};
