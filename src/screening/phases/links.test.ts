import { expect, test } from 'vitest';
import {
  firstAccumulator,
  makeContext,
  type ContextOverrides,
} from '../../../test/fixtures/screening/context.js';
import { findLinks } from '../links.js';
import { linkLimit } from './link-limit.js';
import { linkOnly } from './link-only.js';
import { linkReputation } from './link-reputation.js';
import { obfuscation } from './obfuscation.js';
import type { Accumulator, Phase } from './phase.js';

const run = (phase: Phase, overrides: ContextOverrides, trusted = false) => {
  const ctx = makeContext(overrides);
  return phase(ctx, firstAccumulator(ctx, trusted));
};

test('when counting links, then URLs, www hosts, bare domains and markdown links each count once', () => {
  const text =
    'See https://a.example.com/x, www.b-site.net and cheap-pills.ru, or [this](https://c.org/page). Not node.js or file.txt, nor me@mail.com.';
  expect(findLinks(text).map((l) => l.host)).toEqual([
    'a.example.com',
    'b-site.net',
    'cheap-pills.ru',
    'c.org',
  ]);
});

test('when a comment has 3 links and the limit is 2, then it is held with "3 links, the limit is 2"', () => {
  const out = run(linkLimit, {
    text: 'Compare https://a.org/1 with https://b.org/2 and https://c.org/3 before deciding.',
  });
  expect(out?.decision).toBe('hold');
  expect(out?.reasons[0]?.message).toBe('3 links, the limit is 2');
  expect(
    run(linkLimit, { text: 'Compare https://a.org/1 with https://b.org/2 before deciding.' }),
  ).toBeUndefined();
});

test('when the body is only links, then it is spam; a trusted author is only held', () => {
  const text = 'https://cheap.example.ru https://pills.example.ru';
  expect(run(linkOnly, { text })?.decision).toBe('spam');
  expect(run(linkOnly, { text }, true)?.decision).toBe('hold');
});

test('when one link comes with a word or two, then it is held; with real text it passes', () => {
  expect(run(linkOnly, { text: 'Look: https://x.example.com' })?.reasons[0]?.code).toBe(
    'LINK_MOSTLY',
  );
  expect(
    run(linkOnly, {
      text: 'The original study is here, with the raw data: https://x.example.com/study',
    }),
  ).toBeUndefined();
});

test('when a link goes through a shortener or to a pills/casino host, then a new author is held', () => {
  expect(
    run(linkReputation, { text: 'More at https://bit.ly/abc123 for sure' })?.reasons[0]?.code,
  ).toBe('LINK_SHORTENER');
  expect(
    run(linkReputation, { text: 'I agree, see https://best-casino-online.example' })?.reasons[0]
      ?.code,
  ).toBe('LINK_COMMERCIAL');
  expect(
    run(linkReputation, { text: 'I agree, see https://best-casino-online.example' }, true),
  ).toBeUndefined();
});

test('when links are disguised ("dot com", hxxp, spaced www), then the comment is held', () => {
  for (const text of [
    'Great deals at cheapstuff dot com today',
    'visit hxxp://bad.example.ru now',
    'go to w w w . deals . shop',
    'cheap meds at pharmacy[.]com',
    'find me at bestdeals (dot) net',
    'cheap pills . ru',
    'order at pharmacy-online. com today',
    'ORDER AT PHARMACY-ONLINE . COM',
  ]) {
    const out = run(obfuscation, { text });
    expect(
      out?.reasons.map((r) => r.code),
      text,
    ).toContain('LINK_OBFUSCATED');
  }
});

test('when words hide zero-width characters or Cyrillic lookalikes, then it is flagged', () => {
  expect(run(obfuscation, { text: 'buy via\u200Bgra here' })?.reasons[0]?.code).toBe(
    'HIDDEN_CHARACTERS',
  );
  const mixed = run(obfuscation, { text: 'Visit g\u043e\u043ed-l\u043eans.com today' });
  expect(mixed?.decision).toBe('spam');
  expect(mixed?.reasons.map((r) => r.code)).toEqual(['LINK_OBFUSCATED', 'LOOKALIKE_CHARACTERS']);
});

test('when ordinary text mentions the dot-com era, emoji or accents, then nothing is flagged', () => {
  for (const text of [
    'Back in the dot com bubble everyone had a startup.',
    'Family photo 👨\u200D👩\u200D👧 from the holidays!',
    'Crème brûlée at the café in Zürich was lovely.',
    'Привет, друзья, отличная статья.',
    // a sentence's full stop before a word that is also a top-level domain
    "NASA: we found water on Mars. Me, who can't find my keys: cool cool cool.",
    'Shit, I forgot the bin day. Top adulting from me this week.',
    'i was so tired. me and the kids slept till ten',
    'We lost again. Club in crisis, manager out.',
  ]) {
    expect(run(obfuscation, { text }), text).toBeUndefined();
  }
});
