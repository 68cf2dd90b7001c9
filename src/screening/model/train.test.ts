import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readCorpus } from './corpus.js';
import { SCREENING_MODEL_PATH } from './model-file.js';
import { augmentRows, DEFAULT_TRAIN_CONFIG, trainScreeningModel } from './train.js';

const rows = readCorpus();
const train = rows.filter((r) => r.split === 'train');
const dev = rows.filter((r) => r.split === 'dev');

test('when the model is trained again on the corpus, then the artifact is byte-identical to the committed one', {
  // under a minute on an idle machine; several when the two cores are shared
  timeout: 600_000,
}, () => {
  const { json } = trainScreeningModel(train, dev, DEFAULT_TRAIN_CONFIG);
  const committed = readFileSync(SCREENING_MODEL_PATH, 'utf8');
  // on a mismatch: the corpus or the code changed, run `npm run train:screening` and commit the result
  expect(json === committed).toBe(true);
  expect(Buffer.byteLength(committed)).toBeLessThanOrEqual(5_000_000);
});

test('when training rows are augmented, then the copies are marked augmented, keep their labels and come only from the rows given', () => {
  const some = train.slice(0, 400);
  const aug = augmentRows(some, 0.5, DEFAULT_TRAIN_CONFIG.seed);
  expect(aug.length).toBeGreaterThan(100);
  const byId = new Map(some.map((r) => [r.id, r]));
  for (const a of aug) {
    expect(a.origin).toBe('augmented');
    expect(a.split).toBe('train');
    expect(a.labels).toEqual(byId.get(a.id ?? '')!.labels);
    expect(a.text).not.toBe(byId.get(a.id ?? '')!.text);
  }
  expect(augmentRows(some, 0.5, DEFAULT_TRAIN_CONFIG.seed)).toEqual(aug);
});

test('when a dev or test row is passed as training data, then training refuses', () => {
  const testRow = rows.find((r) => r.split === 'test')!;
  expect(() => trainScreeningModel([...train.slice(0, 10), testRow], dev.slice(0, 10))).toThrow(
    /test row/,
  );
  expect(() => trainScreeningModel(train.slice(0, 10), [testRow])).toThrow(/dev rows/);
});
