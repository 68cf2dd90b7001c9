import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { makeContext } from '../../test/fixtures/screening/context.js';
import { evaluateCorpus, type EvalRow } from './evaluation.js';
import { checkToxicity, screenComment } from './pipeline.js';
import { defaultScreeningSettings } from './defaults.js';
import { emptyCountTable, learnFromDecision, loadBaseModel } from './spam-classifier.js';
import { TOXICITY_ATTRIBUTES } from './types.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/screening/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalRow & { label: string });

test('when an ordinary comment comes from a new author, then it is approved with scores for everything', () => {
  const result = screenComment(makeContext());
  expect(result.decision).toBe('approve');
  expect(result.reasons).toEqual([]);
  expect(Object.keys(result.scores).sort()).toEqual(['spam', ...TOXICITY_ATTRIBUTES].sort());
  expect(result.scores.spam).toBeLessThan(0.6);
});

test('when several checks fire, then every reason is kept and the strongest decision wins', () => {
  const result = screenComment(
    makeContext({
      text: 'You are an idiot. https://a.org/1 https://b.org/2 https://c.org/3 and some words here',
      honeypot: 'gotcha',
      formToken: { status: 'expired' },
    }),
  );
  expect(result.decision).toBe('spam');
  const codes = result.reasons.map((r) => r.code);
  expect(codes).toEqual(
    expect.arrayContaining(['HONEYPOT', 'FORM_TOKEN_EXPIRED', 'LINK_LIMIT', 'TOXICITY_INSULT']),
  );
});

test('when a toxicity action is reject, then reject beats spam', () => {
  const settings = defaultScreeningSettings();
  settings.toxicity.THREAT = { threshold: 0.8, action: 'reject' };
  const result = screenComment(
    makeContext({ text: 'I know where you live.', honeypot: 'x', settings }),
  );
  expect(result.decision).toBe('reject');
});

test('when the author was approved before, then spam weighting drops but toxicity and links still hold', () => {
  const borderline =
    'Join our neighbourhood walking club! Message Karen for the schedule and a membership card';
  const fresh = screenComment(makeContext({ text: borderline }));
  const trusted = screenComment(
    makeContext({ text: borderline, history: { approvedByAuthor: 3 } }),
  );
  expect(fresh.decision).toBe('hold');
  expect(trusted.scores.spam).toBeLessThan(fresh.scores.spam);
  expect(trusted.decision).toBe('approve');
  // blatant spam from a trusted (maybe compromised) account is still caught
  const blatant = 'Earn money from home with my simple online system, message me for details today';
  expect(
    screenComment(makeContext({ text: blatant, history: { approvedByAuthor: 3 } })).decision,
  ).toBe('spam');

  expect(
    screenComment(makeContext({ text: 'You are a moron.', history: { approvedByAuthor: 3 } }))
      .decision,
  ).toBe('hold');
  const links = screenComment(
    makeContext({
      text: 'Sources: https://a.org/1 https://b.org/2 https://c.org/3 for the numbers above',
      history: { approvedByAuthor: 3 },
    }),
  );
  expect(links.decision).toBe('hold');
  const settings = { ...defaultScreeningSettings(), moderationWords: ['refund'] };
  expect(
    screenComment(
      makeContext({ text: 'Where is my refund?', settings, history: { approvedByAuthor: 3 } }),
    ).decision,
  ).toBe('hold');
});

test('when trustApprovedAuthors is off, then an approved author is scored like a new one', () => {
  const settings = { ...defaultScreeningSettings(), trustApprovedAuthors: false };
  const text = 'Earn money from home with my simple online system, message me for details today';
  const a = screenComment(makeContext({ text, settings, history: { approvedByAuthor: 3 } }));
  const b = screenComment(makeContext({ text, settings }));
  expect(a.scores.spam).toBe(b.scores.spam);
});

test('when an author has only rejected or spam comments before, then the spam score rises', () => {
  const text =
    'The library book sale runs all weekend, bring a bag and grab a bargain for the kids';
  const fresh = screenComment(makeContext({ text }));
  const bad = screenComment(makeContext({ text, history: { rejectedOrSpamByAuthor: 2 } }));
  expect(bad.scores.spam).toBeGreaterThan(fresh.scores.spam);
});

test('when the site learned from a spam decision, then the next similar comment is marked spam', () => {
  const base = loadBaseModel();
  const first =
    'Volunteers needed for the river cleanup this Sunday, gloves and snacks are provided';
  const next = 'Volunteers needed for the river cleanup on Sunday, gloves and snacks provided';
  expect(screenComment(makeContext({ text: next })).decision).toBe('approve');
  const learned = learnFromDecision(emptyCountTable(), first, 'spam');
  const again = screenComment(makeContext({ text: next, spamModel: { base, learned } }));
  expect(again.decision).toBe('spam');
  expect(again.reasons.map((r) => r.code)).toContain('SPAM_CLASSIFIER');
});

test('when the same settings object is reused, then the compiled word lists are reused too', () => {
  const settings = { ...defaultScreeningSettings(), disallowedWords: ['zzzword'] };
  const a = screenComment(makeContext({ text: 'this has zzzword in it', settings }));
  const b = screenComment(makeContext({ text: 'and again zzzword', settings }));
  expect([a.decision, b.decision]).toEqual(['spam', 'spam']);
});

test('when checking a draft, then checkToxicity returns scores, reasons, warnings and a decision', () => {
  const out = checkToxicity('Shut up, clown.', defaultScreeningSettings());
  expect(out.decision).toBe('hold');
  expect(out.reasons[0]?.code).toMatch(/^TOXICITY_/);
  expect(out.warnings).toEqual([]);
  expect(out.scores.INSULT).toBeGreaterThanOrEqual(0.8);
});

test('when the training and eval corpora are compared, then they share no text', () => {
  const training = fixture('training-corpus.jsonl');
  const evalRows = fixture('eval-corpus.jsonl');
  const shingles = (t: string) => {
    const w = t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
    return w.length < 6 ? [w.join(' ')] : w.slice(0, -5).map((_, i) => w.slice(i, i + 6).join(' '));
  };
  const evalShingles = new Set(evalRows.flatMap((r) => shingles(r.text)));
  const shared = training.filter((r) =>
    shingles(r.text).some((s) => s.split(' ').length >= 6 && evalShingles.has(s)),
  );
  expect(shared.map((r) => r.text)).toEqual([]);
  const evalTexts = new Set(evalRows.map((r) => r.text.trim().toLowerCase()));
  expect(training.filter((r) => evalTexts.has(r.text.trim().toLowerCase()))).toEqual([]);
});

test('quality gate: when the eval corpus is screened, then the published/held/spam targets are met', () => {
  const rows = fixture('eval-corpus.jsonl');
  expect(rows.length).toBeGreaterThanOrEqual(330);
  const report = evaluateCorpus(rows, loadBaseModel());
  for (const t of report.targets) expect(t.value, t.name).toBeGreaterThanOrEqual(t.target);
});
