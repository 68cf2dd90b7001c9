import { hold, type Phase } from './phase.js';

/** WordPress semantics: the limit is the most allowed, so "3 links, the limit is 2" holds. */
export const linkLimit: Phase = ({ settings }, { analysis }) => {
  const n = analysis.links.length;
  return n > settings.linkLimit
    ? hold(
        'LINK_LIMIT',
        `${n} links, the limit is ${settings.linkLimit}`,
        analysis.links.map((l) => l.url),
      )
    : undefined;
};
