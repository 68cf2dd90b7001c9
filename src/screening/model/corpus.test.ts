import { expect, test } from 'vitest';
import { corpusRowId, readCorpus, splitOf } from './corpus.js';

const rows = readCorpus();

test('when the corpus is read, then every row is valid, keeps its split and appears once', () => {
  const seen = new Set<string>();
  const wrong: string[] = [];
  for (const r of rows) {
    if (r.id !== corpusRowId(r.text)) wrong.push(`${r.id}: id is not the text's hash`);
    if (r.split !== splitOf(r.text)) wrong.push(`${r.id}: split ${r.split} moved`);
    if (seen.has(r.id)) wrong.push(`${r.id}: repeated text`);
    seen.add(r.id);
    const subLabel = (['severe_toxicity', 'insult', 'threat', 'identity_attack'] as const).some(
      (l) => r.labels[l] === 1,
    );
    if (subLabel && r.labels.toxicity !== 1) wrong.push(`${r.id}: a sub-label without toxicity`);
  }
  expect(wrong).toEqual([]);
});

test('when the corpus is counted, then it has the breadth the screening issue asks for', () => {
  const handWritten = rows.filter((r) => r.origin !== 'augmented');
  expect(handWritten.length).toBeGreaterThanOrEqual(6_000);
  const spamLanguages = new Set(rows.filter((r) => r.labels.spam === 1).map((r) => r.lang));
  expect(spamLanguages.size).toBeGreaterThanOrEqual(10);
  const lengths = handWritten.map((r) => r.text.split(/\s+/).length);
  expect(lengths.filter((n) => n <= 3).length).toBeGreaterThan(100);
  expect(lengths.filter((n) => n >= 150).length).toBeGreaterThan(100);
  for (const split of ['train', 'dev', 'test'] as const) {
    const share = rows.filter((r) => r.split === split).length / rows.length;
    expect(share).toBeGreaterThan(split === 'train' ? 0.65 : 0.12);
  }
});
