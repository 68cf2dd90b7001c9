import { expect, test } from 'vitest';
import { countAlnumRuns } from './chars.js';
import { readCorpus } from './model/corpus.js';

test('when runs of letters and numbers are counted, then the count is what the regex matches', () => {
  const byPattern = (text: string) => (text.match(/[\p{L}\p{N}]{2,}/gu) ?? []).length;
  const crafted = [
    '',
    'a b c',
    'ab 12 x9 日本語 𝒽𝑒𝓎 💕💕 e\u0301e',
    'lone \ud800 surrogate \udc00x and ab\ud83d',
    'شكرا جزيلا ١٢٣',
  ];
  for (const text of [...crafted, ...readCorpus().map((r) => r.text)])
    expect(countAlnumRuns(text), text).toBe(byPattern(text));
});
