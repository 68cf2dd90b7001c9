import { expect, test } from 'vitest';
import { uuidv7 } from './ids.js';

test('when many ids are drawn (past one pool of random bytes), then each is a distinct v7 UUID that starts with its time', () => {
  const at = Date.UTC(2026, 11, 1, 12, 0, 0);
  const ids = Array.from({ length: 1000 }, () => uuidv7(at));
  expect(new Set(ids).size).toBe(1000);
  for (const id of ids) {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  }
  // The random tails differ too, not only as a whole.
  expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(1000);
});
