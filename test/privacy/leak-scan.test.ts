import { expect, test } from 'vitest';
import { assertNoEmailLeaks } from '../helpers/parley.js';

// The suite-wide scan (test/helpers/parley.ts) must be able to fail, or it proves nothing.
test('when a public response contains a commenter email, then the scan fails', () => {
  const emails = new Set(['leaky@example.com']);
  expect(() => assertNoEmailLeaks(['{"comment":{"author":{"name":"x"}}}'], emails)).not.toThrow();
  expect(() => assertNoEmailLeaks(['{"note":"write to LEAKY@example.com"}'], emails)).toThrow();
  expect(() => assertNoEmailLeaks(['{"authorEmail":"x"}'], emails)).toThrow();
});
