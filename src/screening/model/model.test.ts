import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readCorpus } from './corpus.js';
import { groupOf, judgedRightBy } from './evaluation.js';
import {
  LABELS,
  loadScreeningModel,
  scoreComment,
  SCREENING_MODEL_PATH,
  type ScreeningModel,
} from './index.js';

const json = readFileSync(SCREENING_MODEL_PATH, 'utf8');
const model: ScreeningModel = loadScreeningModel(json);
const dev = readCorpus().filter((r) => r.split === 'dev');
const devText = (text: string) => {
  const r = dev.find((x) => x.text === text);
  if (!r) throw new Error(`not a dev row: ${text}`);
  return r;
};
const held = (s: Record<string, number>) =>
  ['toxicity', 'severe_toxicity', 'insult', 'threat', 'identity_attack'].some(
    (l) => s[l]! >= model.thresholds[l as keyof typeof model.thresholds],
  );

// Load time is measured by `npm run bench:model` (a benchmark prints figures; no timed test).
test('when the artifact is loaded, then every label has weights and a calibration', () => {
  const loaded = loadScreeningModel(JSON.parse(json));
  expect(Object.keys(loaded.thresholds).sort()).toEqual([
    'identity_attack',
    'insult',
    'profanity',
    'severe_toxicity',
    'spam',
    'threat',
    'toxicity',
  ]);
});

test('when the committed artifact is read, then it is within its 2 MB budget', () => {
  expect(Buffer.byteLength(json)).toBeLessThanOrEqual(2_000_000);
});

test('when the artifact is malformed, then loading refuses it', () => {
  const bad = JSON.parse(json) as { labels: { spam: { scale: number } } };
  bad.labels.spam.scale = -1;
  expect(() => loadScreeningModel(bad)).toThrow();
  expect(() => loadScreeningModel({ format: 'something-else' })).toThrow();
});

test('when short replies are scored, then they are neither held nor spam', () => {
  for (const text of [
    'Agreed.',
    'Source?',
    'Great point, thanks',
    'Following for updates.',
    'lol',
    'Thanks!',
    'Same here.',
  ]) {
    const { scores } = scoreComment(model, { text, name: 'Sam', website: null });
    expect({ text, held: held(scores), spam: scores.spam >= model.thresholds.spam }).toEqual({
      text,
      held: false,
      spam: false,
    });
  }
});

test('when a clean comment carries long numbers, then the numbers do not make it spam', () => {
  for (const text of [
    'The census counted 1,204,556 people in 2021.',
    'Turnout was 67.3% (1,204,556 votes), up from 61%.',
    'Ticket 20231187 was closed, the refund of 1,250.00 came in 3 days.',
  ]) {
    const { scores } = scoreComment(model, { text, name: 'Ann', website: null });
    expect({ text, spam: scores.spam >= model.thresholds.spam }).toEqual({ text, spam: false });
  }
  // a long number weighs exactly what a short one does
  const long = scoreComment(model, {
    text: 'My parcel 4471923380 arrived today.',
    name: 'Ann',
  }).scores;
  const short = scoreComment(model, { text: 'My parcel 12 arrived today.', name: 'Ann' }).scores;
  expect(long).toEqual(short);
});

test('when the dev split is scored, then short replies, numbers and non-English clean comments are published', () => {
  const clean = dev.filter((r) => groupOf(r) === 'clean');
  const scores = clean.map((r) => scoreComment(model, r, { top: 0 }).scores);
  const share = (key: string) =>
    judgedRightBy(clean, scores, model.thresholds, (r) => (r.kind === key ? key : 'other')).find(
      (x) => x.key === key,
    )!;
  expect(share('short-reply').share).toBeGreaterThanOrEqual(0.95);
  // two of eleven miss: dollar amounts and a phone number look like the corpus's spam
  expect(share('numbers').share).toBeGreaterThanOrEqual(0.8);
  expect(share('clean-non-english').share).toBeGreaterThanOrEqual(0.95);
});

test('when known dev comments are scored, then toxic ones are held, spam is spam and clean ones pass', () => {
  const insult = scoreComment(
    model,
    devText(
      "You sound like a bitter old crone who's angry at the world. No wonder your kids never visit.",
    ),
  );
  expect(held(insult.scores)).toBe(true);
  expect(insult.scores.insult).toBeGreaterThanOrEqual(0.8);
  const threat = scoreComment(
    model,
    devText(
      "The moment he steps outside that court, I'll stab him. I don't care if I go to prison for it.",
    ),
  );
  expect(threat.scores.threat).toBeGreaterThanOrEqual(0.8);
  expect(threat.top.threat.map((t) => t.feature)).toContain('stab');
  const spam = scoreComment(
    model,
    devText(
      'Buy Valium 10mg and Zopiclone online, cheap, no script. UK next day. Order at sleepwell-meds.biz',
    ),
  );
  expect(spam.scores.spam).toBeGreaterThanOrEqual(model.thresholds.spam);
  expect(held(spam.scores)).toBe(false);
  const clean = dev
    .filter((r) => r.kind === 'analysis')
    .map((r) => scoreComment(model, r, { top: 0 }).scores);
  expect(
    clean.filter((s) => !held(s) && s.spam < model.thresholds.spam).length / clean.length,
  ).toBeGreaterThanOrEqual(0.95);
});

test('when scores are returned, then every label has a probability in [0, 1] and explanations from the comment', () => {
  const r = scoreComment(model, {
    text: 'You are a pathetic idiot and everyone here knows it.',
    name: 'x',
    website: null,
  });
  for (const l of LABELS) {
    expect(r.scores[l]).toBeGreaterThanOrEqual(0);
    expect(r.scores[l]).toBeLessThanOrEqual(1);
    expect(r.top[l].length).toBeLessThanOrEqual(5);
  }
  expect(r.top.insult.map((t) => t.feature)).toContain('idiot');
  expect(r.top.insult.every((t) => t.weight > 0)).toBe(true);
});

test('when only some labels are to be explained, then those get the same drivers as before and the rest none', () => {
  const rows = dev.filter((_, i) => i % 50 === 0);
  let explained = 0;
  for (const r of rows) {
    const all = scoreComment(model, r);
    const some = scoreComment(model, r, { explain: (l, p) => l === 'spam' || p >= 0.2 });
    expect(some.scores).toEqual(all.scores);
    for (const l of LABELS) {
      const wanted = l === 'spam' || all.scores[l] >= 0.2;
      expect(some.top[l], `${l}: ${r.text}`).toEqual(wanted ? all.top[l] : []);
      if (wanted && l !== 'spam' && all.top[l].length > 0) explained++;
    }
  }
  // the comparison means something only if toxicity labels were explained too
  expect(explained).toBeGreaterThan(50);
});
