// Long runs of one character class once made patterns try every start inside the run, each a
// scan to its end: 20,000 Cyrillic letters took 7-9 s on the public draft check, blocking the
// server. At 40,000 characters those took 5-36 s; linear work takes well under one.
import { expect, test } from 'vitest';
import { makeContext } from '../../test/fixtures/screening/context.js';
import { screenComment, toxicityOfText } from './pipeline.js';

const LENGTH = 40_000;
const runs: Record<string, string> = {
  'Cyrillic letters': 'а',
  'Greek letters': 'ο',
  'Arabic letters': 'ع',
  'spaced-out swearing': 'f.u.c.k.',
  'one long Latin word': 'aB',
  'stars and letters': 'f*',
  'opening brackets': '[',
};

/** The faster of two runs, in ms (the first pays for compiling the patterns). */
function fastest(f: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

test.each(Object.entries(runs))(
  'when a comment is one long run of %s, then screening it takes linear time',
  (_kind, unit) => {
    const text = unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
    expect(fastest(() => screenComment(makeContext({ text })))).toBeLessThan(1_500);
    expect(fastest(() => toxicityOfText(text))).toBeLessThan(1_500);
  },
  30_000,
);
