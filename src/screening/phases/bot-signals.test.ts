import { expect, test } from 'vitest';
import { firstAccumulator, makeContext } from '../../../test/fixtures/screening/context.js';
import { findLinks } from '../links.js';
import type { ScreeningContext } from '../types.js';
import { banned } from './banned.js';
import { duplicate } from './duplicate.js';
import { flood } from './flood.js';
import { formToken } from './form-token.js';
import { honeypot } from './honeypot.js';
import type { Accumulator } from './phase.js';

const run = (phase: typeof honeypot, ctx: ScreeningContext) => phase(ctx, firstAccumulator(ctx));

test('when the honeypot field is filled, then it is spam', () => {
  const out = run(honeypot, makeContext({ honeypot: 'http://x.ru' }));
  expect(out?.decision).toBe('spam');
  expect(out?.reasons[0]?.code).toBe('HONEYPOT');
});

test('when the honeypot is empty or whitespace, then there is no objection', () => {
  expect(run(honeypot, makeContext({ honeypot: '' }))).toBeUndefined();
  expect(run(honeypot, makeContext({ honeypot: '  ' }))).toBeUndefined();
  expect(run(honeypot, makeContext({ honeypot: null }))).toBeUndefined();
});

test('when the form token is missing, invalid or expired, then the comment is held', () => {
  for (const status of ['missing', 'invalid', 'expired'] as const) {
    const out = run(formToken, makeContext({ formToken: { status } }));
    expect(out?.decision).toBe('hold');
    expect(out?.reasons[0]?.code).toBe(`FORM_TOKEN_${status.toUpperCase()}`);
  }
});

test('when the form was submitted faster than minSubmitSeconds, then it is held', () => {
  const out = run(formToken, makeContext({ formToken: { status: 'ok', ageMs: 1200 } }));
  expect(out?.decision).toBe('hold');
  expect(out?.reasons[0]?.code).toBe('TOO_FAST');
  expect(run(formToken, makeContext({ formToken: { status: 'ok', ageMs: 3000 } }))).toBeUndefined();
});

test('when re-screening an edit, then token, honeypot, duplicate and flood checks are skipped', () => {
  const ctx = makeContext({
    isEdit: true,
    honeypot: 'filled',
    formToken: { status: 'missing' },
    history: { duplicateOnPost: true, recentFromIp: 9, secondsSinceLastFromIpOrEmail: 2 },
  });
  for (const phase of [honeypot, formToken, duplicate, flood])
    expect(run(phase, ctx)).toBeUndefined();
});

test('when the same body already exists on the post, then it is spam', () => {
  const out = run(duplicate, makeContext({ history: { duplicateOnPost: true } }));
  expect(out?.decision).toBe('spam');
  expect(out?.reasons[0]?.code).toBe('DUPLICATE');
});

test('when 5 comments came from the IP or email in 10 minutes, then it is held as a burst', () => {
  const ip = run(flood, makeContext({ history: { recentFromIp: 5 } }));
  expect(ip?.decision).toBe('hold');
  expect(ip?.reasons.map((r) => r.code)).toEqual(['BURST_IP']);
  const email = run(flood, makeContext({ history: { recentFromEmail: 7 } }));
  expect(email?.reasons.map((r) => r.code)).toEqual(['BURST_EMAIL']);
  expect(
    run(flood, makeContext({ history: { recentFromIp: 4, recentFromEmail: 4 } })),
  ).toBeUndefined();
});

test('when a comment follows the previous one within 15 s, then it is held like a WordPress flood', () => {
  const out = run(flood, makeContext({ history: { secondsSinceLastFromIpOrEmail: 8 } }));
  expect(out?.reasons[0]?.code).toBe('FLOOD');
  expect(
    run(flood, makeContext({ history: { secondsSinceLastFromIpOrEmail: 15 } })),
  ).toBeUndefined();
});

test('when the caller found a ban, then it is spam with reason BANNED', () => {
  const out = run(banned, makeContext({ banned: { kind: 'domain', value: 'spam.example' } }));
  expect(out?.decision).toBe('spam');
  expect(out?.reasons[0]).toMatchObject({ code: 'BANNED', matches: ['spam.example'] });
});
