import { expect, test } from 'vitest';
import { DEFAULT_RETRY, nextDelayMs } from './backoff.js';

test('when deliveries keep failing, then the waits double from 1 min to 6 h and then it gives up', () => {
  const waits: (number | null)[] = [];
  for (let attempts = 1; attempts <= 11; attempts++)
    waits.push(nextDelayMs(DEFAULT_RETRY, attempts));
  const minute = 60_000;
  expect(waits).toEqual([
    minute,
    2 * minute,
    4 * minute,
    8 * minute,
    16 * minute,
    32 * minute,
    64 * minute,
    128 * minute,
    256 * minute,
    360 * minute,
    null,
  ]);
});
