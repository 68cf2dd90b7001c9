import { expect, test } from 'vitest';
import { decodeBuckets, decodeInt8, encodeBuckets, encodeInt8 } from './artifact.js';
import { fitPlatt, fitStack } from './calibration.js';
import { prng } from './hash.js';
import { atThreshold, rocAuc } from './metrics.js';

test('when sorted buckets are delta-encoded, then they decode to the same list', () => {
  const buckets = Int32Array.from([0, 1, 127, 128, 300, 16_383, 16_384, 262_143]);
  expect(decodeBuckets(encodeBuckets(buckets), buckets.length)).toEqual(buckets);
});

test('when the bucket count does not match the encoding, then decoding refuses', () => {
  const b64 = encodeBuckets(Int32Array.from([1, 2, 3]));
  expect(() => decodeBuckets(b64, 4)).toThrow(/truncated/);
  expect(() => decodeBuckets(b64, 2)).toThrow(/longer/);
});

test('when int8 weights are encoded, then they decode to the same values', () => {
  const w = Int8Array.from([-128, -1, 0, 1, 127]);
  expect(decodeInt8(encodeInt8(w), 5)).toEqual(w);
  expect(() => decodeInt8(encodeInt8(w), 4)).toThrow();
});

test('when scores come from a known logistic curve, then Platt scaling recovers it', () => {
  const rng = prng(1);
  const z: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const x = rng() * 8 - 4;
    z.push(x);
    y.push(rng() < 1 / (1 + Math.exp(-(2 * x - 1))) ? 1 : 0);
  }
  const { a, b } = fitPlatt(z, y);
  expect(a).toBeCloseTo(2, 0);
  expect(b).toBeCloseTo(-1, 0);
});

test('when scores rank every positive first, then ROC-AUC is 1, and ties count half', () => {
  expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
  expect(atThreshold([0.1, 0.9, 0.85], [0, 1, 0], 0.8)).toMatchObject({
    tp: 1,
    fp: 1,
    fn: 0,
    precision: 0.5,
    recall: 1,
  });
});

test('when scores come from a known logistic curve over two inputs, then stacked calibration recovers it', () => {
  const rng = prng(2);
  const xs: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const x = [rng() * 8 - 4, rng() * 8 - 4];
    xs.push(x);
    y.push(rng() < 1 / (1 + Math.exp(-(1.5 * x[0]! - 0.5 * x[1]! + 0.5))) ? 1 : 0);
  }
  const { w, b } = fitStack(xs, y, 0.01);
  expect(w[0]).toBeCloseTo(1.5, 0);
  expect(w[1]).toBeCloseTo(-0.5, 0);
  expect(b).toBeCloseTo(0.5, 0);
});
