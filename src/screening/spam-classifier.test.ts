import { expect, test } from 'vitest';
import {
  emptyCountTable,
  learnFromDecision,
  loadBaseModel,
  spamProbability,
  tokenize,
} from './spam-classifier.js';

test('when tokenising, then links become host/tld features and accents and zero-width chars vanish', () => {
  const tokens = tokenize('Cheap pílls at https://cheap-pills.ru/buy now, vi\u200Bagra');
  expect(tokens).toEqual(
    expect.arrayContaining([
      'has:url',
      'host:cheap-pills.ru',
      'tld:ru',
      'hostword:pills',
      'pills',
      'viagra',
    ]),
  );
});

test('when the base model is loaded twice, then it is read once and is frozen', () => {
  const a = loadBaseModel();
  expect(loadBaseModel()).toBe(a);
  expect(Object.isFrozen(a)).toBe(true);
  expect(a.spamDocs).toBeGreaterThan(100);
  expect(a.hamDocs).toBeGreaterThan(100);
});

test('when scoring obvious spam and an ordinary comment, then spam scores high and ham low', () => {
  const model = { base: loadBaseModel(), learned: emptyCountTable() };
  expect(
    spamProbability(model, 'Buy cheap viagra and cialis online, no prescription, fast shipping'),
  ).toBeGreaterThan(0.9);
  expect(
    spamProbability(
      model,
      'I disagree with the council, the bus lane on Elm Street made my commute faster.',
    ),
  ).toBeLessThan(0.3);
});

test('when learning, then the input table is not modified (pure)', () => {
  const table = emptyCountTable();
  const next = learnFromDecision(table, 'hello world', 'spam');
  expect(table).toEqual(emptyCountTable());
  expect(next.spamDocs).toBe(1);
  expect(next.spam['hello']).toBe(1);
});

test('when a moderator marks one comment spam, then similar text is judged spam next time', () => {
  const base = loadBaseModel();
  const text =
    'Our community garden workshop teaches composting every Saturday morning, everyone welcome.';
  const similar =
    'The community garden workshop on composting is every Saturday morning, all welcome.';
  const before = spamProbability({ base, learned: emptyCountTable() }, similar);
  const learned = learnFromDecision(emptyCountTable(), text, 'spam');
  const after = spamProbability({ base, learned }, similar);
  expect(before).toBeLessThan(0.6);
  expect(after).toBeGreaterThan(0.9);
});

test('when a moderator marks a false positive as ham, then similar text is no longer spam', () => {
  const base = loadBaseModel();
  const text =
    'Free spins tonight at the county fair casino night, all proceeds go to the school bonus fund!';
  const similar =
    'Casino night at the county fair tonight: free spins, proceeds go to the school fund.';
  const before = spamProbability({ base, learned: emptyCountTable() }, similar);
  const learned = learnFromDecision(emptyCountTable(), text, 'ham');
  const after = spamProbability({ base, learned }, similar);
  expect(before).toBeGreaterThan(0.6);
  expect(after).toBeLessThan(0.6);
});

test('when a token is named like an Object.prototype key, then counting still works', () => {
  const t = learnFromDecision(
    emptyCountTable(),
    'constructor toString __proto__ hasOwnProperty',
    'ham',
  );
  expect(t.ham['constructor']).toBe(1);
  expect(() =>
    spamProbability({ base: loadBaseModel(), learned: t }, 'constructor valueOf'),
  ).not.toThrow();
});
