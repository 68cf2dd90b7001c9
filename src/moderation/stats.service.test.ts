import { describe, expect, test } from 'vitest';
import { medianDecisionSeconds } from './stats.service.js';

const at = (s: number) => new Date(1_700_000_000_000 + s * 1000);

describe('median decision time', () => {
  test('when comments were decided at submit or are still pending, then they are left out', () => {
    expect(
      medianDecisionSeconds([
        { createdAt: at(0), status: 'approved', decidedAt: at(0) },
        { createdAt: at(0), status: 'pending', decidedAt: null },
        { createdAt: at(0), status: 'approved', decidedAt: at(60) },
      ]),
    ).toBe(60);
  });

  test('when there is an even number of decisions, then the middle two are averaged', () => {
    const rows = [10, 20, 40, 1000].map((s) => ({
      createdAt: at(0),
      status: 'rejected',
      decidedAt: at(s),
    }));
    expect(medianDecisionSeconds(rows)).toBe(30);
  });

  test('when nothing was decided by a moderator, then null', () => {
    expect(medianDecisionSeconds([])).toBeNull();
  });
});
