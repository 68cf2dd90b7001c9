import { expect, test } from 'vitest';
import {
  firstAccumulator,
  makeContext,
  type ContextOverrides,
} from '../../../test/fixtures/screening/context.js';
import { defaultScreeningSettings } from '../defaults.js';
import { findLinks } from '../links.js';
import { authorFields } from './author-fields.js';
import type { Accumulator, Phase } from './phase.js';
import { disallowedWords, moderationWords } from './word-lists.js';

const run = (phase: Phase, overrides: ContextOverrides) => {
  const ctx = makeContext(overrides);
  return phase(ctx, firstAccumulator(ctx));
};

const withWords = (moderation: string[], disallowed: string[] = []) => ({
  ...defaultScreeningSettings(),
  moderationWords: moderation,
  disallowedWords: disallowed,
});

test('when a moderation word appears as a whole word, then the comment is held with the match', () => {
  const out = run(moderationWords, {
    text: 'The Press release was vague.',
    settings: withWords(['press']),
  });
  expect(out?.decision).toBe('hold');
  expect(out?.reasons[0]?.matches).toEqual(['press']);
});

test('when a moderation word is only part of a longer word, then it does not match (unlike WordPress)', () => {
  expect(
    run(moderationWords, { text: 'I use WordPress daily.', settings: withWords(['press']) }),
  ).toBeUndefined();
});

test('when a moderation phrase appears in the name, email or website, then it is held', () => {
  const settings = withWords(['free money', 'mailinator']);
  expect(
    run(moderationWords, { authorName: 'Free  Money Guy', settings })?.reasons[0]?.matches,
  ).toEqual(['free money']);
  expect(run(moderationWords, { authorEmail: 'x@mailinator.com', settings })?.decision).toBe(
    'hold',
  );
  expect(
    run(moderationWords, { authorWebsite: 'https://mailinator.com', settings })?.decision,
  ).toBe('hold');
});

test('when a disallowed word is written with accents or lookalike letters, then it is still spam', () => {
  const settings = withWords([], ['casino']);
  expect(run(disallowedWords, { text: 'Best cásino around', settings })?.decision).toBe('spam');
  expect(run(disallowedWords, { text: 'Best c\u0430sino around', settings })?.decision).toBe(
    'spam',
  );
});

test('when the lists are empty, then nothing matches', () => {
  expect(run(moderationWords, { text: 'anything at all' })).toBeUndefined();
  expect(run(disallowedWords, { text: 'anything at all' })).toBeUndefined();
});

test('when the name is keyword-stuffed ("Best Casino Bonus", "buy cheap viagra"), then it is spam', () => {
  for (const authorName of [
    'Best Casino Bonus',
    'buy cheap viagra',
    'Cheap Viagra Online',
    'SEO Services London',
  ]) {
    const out = run(authorFields, { authorName });
    expect(out?.decision, authorName).toBe('spam');
    expect(out?.reasons[0]?.code).toBe('NAME_KEYWORDS');
  }
});

test('when the name contains a URL or domain, then it is spam', () => {
  expect(run(authorFields, { authorName: 'www.cheap-essays.net' })?.reasons[0]?.code).toBe(
    'NAME_URL',
  );
  expect(run(authorFields, { authorName: 'pills-online.ru' })?.decision).toBe('spam');
});

test('when the name has one commercial word, more than 5 words, or impersonates staff, then it is held', () => {
  expect(run(authorFields, { authorName: 'Crypto Expert' })?.decision).toBe('hold');
  expect(
    run(authorFields, { authorName: 'the best guy you will ever meet here' })?.reasons[0]?.code,
  ).toBe('NAME_TOO_LONG');
  expect(run(authorFields, { authorName: 'Admin' })?.reasons[0]?.code).toBe('NAME_RESERVED');
});

test('when the name is an ordinary name, then there is no objection', () => {
  for (const authorName of [
    'Jane Doe',
    'José Álvarez',
    'Dr. Helen Park',
    'grumpycyclist',
    'Mary Ann van der Berg',
  ]) {
    expect(run(authorFields, { authorName }), authorName).toBeUndefined();
  }
});
