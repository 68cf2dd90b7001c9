// The one ranking of screening decisions: reject > spam > hold > approve. Every phase and every
// provider verdict is folded with `strongest`.
import type { Decision } from './types.js';

const RANK: Record<Decision, number> = { approve: 0, hold: 1, spam: 2, reject: 3 };

export const strongest = (a: Decision, b: Decision): Decision => (RANK[b] > RANK[a] ? b : a);
