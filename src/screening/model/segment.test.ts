import { expect, test } from 'vitest';
import { canonicalize } from './canonicalize.js';
import { looksEnglish } from './segment.js';

const english = (text: string) => looksEnglish(canonicalize(text).text);

test('when a comment is English, however informal, then it reads as English', () => {
  expect(english('I think the council got this one wrong, and they know it.')).toBe(true);
  expect(english("ngl this is the worst take i've seen all week")).toBe(true);
  expect(english('You are a complete idiot and everyone here knows it.')).toBe(true);
});

test('when a comment is in another language or script, then it does not', () => {
  expect(english('Ich glaube nicht, dass der Stadtrat das richtig gemacht hat.')).toBe(false);
  expect(english('Je ne suis pas du tout d’accord avec cet article, mais merci.')).toBe(false);
  expect(english('Eso no es lo que dijo el ministro, y lo sabes muy bien.')).toBe(false);
  expect(english('この記事はとても参考になりました。ありがとうございます。')).toBe(false);
  expect(english('Это просто позор, а не решение городской думы.')).toBe(false);
});

test('when a comment is too short to tell, then it counts as English (the default)', () => {
  expect(english('Danke!')).toBe(true);
  expect(english('Source?')).toBe(true);
});
