import { expect, test } from 'vitest';
import { hashRange, hashString, prng } from './hash.js';

test('when the same string is hashed twice, then the values are equal and pinned', () => {
  // pinned: a change here changes every feature bucket and invalidates the trained artifact
  expect(hashString('')).toBe(0);
  expect(hashString('idiot')).toBe(hashString('idiot'));
  expect([hashString('idiot'), hashString('idiot', 1), hashString('a', 0x1f3a5c71)]).toEqual([
    1425784934, 1019342350, 2192328678,
  ]);
});

test('when a range of a string is hashed, then it equals hashing the slice', () => {
  const s = 'you are an idiot';
  expect(hashRange(s, 8, 10, 7)).toBe(hashString('an', 7));
});

test('when the seed differs, then the hash differs', () => {
  expect(hashString('idiot', 1)).not.toBe(hashString('idiot', 2));
});

test('when many n-grams are hashed into 1024 buckets, then they spread evenly', () => {
  const counts = new Array<number>(1024).fill(0);
  const n = 102_400;
  for (let i = 0; i < n; i++) counts[hashString(`w${i}`, 3) & 1023]! += 1;
  // chi-square with 1023 degrees of freedom: mean 1023, sd about 45
  const chi = counts.reduce((a, c) => a + (c - 100) ** 2 / 100, 0);
  expect(chi).toBeLessThan(1023 + 5 * 45);
  const signs = Array.from({ length: 10_000 }, (_, i) => hashString(`s${i}`) >>> 31).reduce(
    (a, b) => a + b,
    0,
  );
  expect(Math.abs(signs - 5000)).toBeLessThan(300);
});

test('when the PRNG is seeded twice alike, then it gives the same stream in [0, 1)', () => {
  const a = prng(42);
  const b = prng(42);
  const xs = Array.from({ length: 100 }, () => a());
  expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
});
