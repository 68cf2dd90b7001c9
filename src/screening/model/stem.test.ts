import { expect, test } from 'vitest';
import { stemWord } from './stem.js';

test('word families share a stem', () => {
  const family = ['idiot', 'idiots', 'idiota', 'idioten', 'idiotic'].map(stemWord);
  expect(new Set(family).size).toBe(1);
  expect(stemWord('stupidest')).toBe(stemWord('stupid'));
  expect(stemWord('stopped')).toBe(stemWord('stop'));
});

test('short words, other scripts and placeholders are kept as they are', () => {
  for (const w of ['you', 'ur', 'dumb', 'идиот', 'バカ', '\uE002', 'x2'])
    expect(stemWord(w)).toBe(w);
});
