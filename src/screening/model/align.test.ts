import { expect, test } from 'vitest';
import { alignShifts } from './align.js';
import { LABELS, type Label } from './labels.js';

const thresholds = Object.fromEntries(LABELS.map((l) => [l, l === 'spam' ? 0.6 : 0.8])) as Record<
  Label,
  number
>;
const row = (group: 'toxic' | 'clean' | 'spam') => ({
  labels: Object.fromEntries(
    LABELS.map((l) => [
      l,
      l === 'spam' ? (group === 'spam' ? 1 : 0) : l === 'toxicity' && group === 'toxic' ? 1 : 0,
    ]),
  ) as Record<Label, 0 | 1>,
});
// calibrated log-odds: every label at `tox`, spam at `spam`
const scores = (tox: number, spam: number) =>
  Float64Array.from(LABELS, (l) => (l === 'spam' ? spam : tox));

test('when toxic comments score below the default threshold, then the scores move up until just before clean ones would be held', () => {
  // toxic at log-odds 0 (p = 0.5, under 0.8), clean at -2 and one clean at -1
  const dev = [
    ...Array.from({ length: 10 }, () => row('toxic')),
    ...Array.from({ length: 99 }, () => row('clean')),
    row('clean'),
  ];
  const cal = [
    ...Array.from({ length: 10 }, () => scores(0, -5)),
    ...Array.from({ length: 99 }, () => scores(-2, -5)),
    scores(-1, -5),
  ];
  const shift = alignShifts(dev, cal, thresholds, 0.99);
  const need = Math.log(0.8 / 0.2);
  // toxic rows now reach 0.8 (a shift of at least logit(0.8)); the 99 clean ones stay under it
  expect(shift.toxicity).toBeGreaterThanOrEqual(need - 1e-9);
  expect(shift.toxicity).toBeLessThan(need + 2);
  // nothing asks spam to move
  expect(shift.spam).toBe(0);
  // with every clean row required published, the one at -1 must stay under 0.8 too
  expect(alignShifts(dev, cal, thresholds, 1).toxicity).toBeLessThan(need + 1);
});

test('when one attribute never misfires on clean comments, then it may move further than the others', () => {
  const only = (insult: number, threat: number) =>
    Float64Array.from(LABELS, (l) => (l === 'insult' ? insult : l === 'threat' ? threat : -5));
  // insults at 0 and threats at -0.5 (both under 0.8); clean comments close to the insult threshold
  const dev = [
    ...Array.from({ length: 5 }, () => row('toxic')),
    ...Array.from({ length: 5 }, () => row('toxic')),
    ...Array.from({ length: 20 }, () => row('clean')),
  ];
  const cal = [
    ...Array.from({ length: 5 }, () => only(0, -5)),
    ...Array.from({ length: 5 }, () => only(-5, -0.5)),
    ...Array.from({ length: 20 }, () => only(-0.2, -5)),
  ];
  const shift = alignShifts(dev, cal, thresholds, 1);
  const need = Math.log(0.8 / 0.2);
  // every toxic row is held and no clean one
  expect(shift.insult).toBeGreaterThanOrEqual(need - 1e-9);
  expect(shift.insult - 0.2).toBeLessThan(need);
  expect(shift.threat - 0.5).toBeGreaterThanOrEqual(need - 1e-9);
});

test('when spam is not to move, then its shift stays 0 even where moving it would hold more spam', () => {
  const dev = [row('spam'), row('clean')];
  const cal = [scores(-5, 0), scores(-5, -5)];
  expect(alignShifts(dev, cal, thresholds, 1).spam).toBeGreaterThan(0);
  expect(alignShifts(dev, cal, thresholds, 1, false).spam).toBe(0);
});

test('when spam has its own clean budget, then it moves up to just under the clean comment nearest its threshold', () => {
  const dev = [row('spam'), row('clean'), row('clean')];
  const cal = [scores(-5, -2), scores(-5, -1), scores(-5, -4)];
  // spam threshold 0.6: logit 0.405; the clean row at -1 must stay under it, the one at -4 too
  const shift = alignShifts(dev, cal, thresholds, 0, 1).spam;
  expect(-1 + shift).toBeLessThan(Math.log(0.6 / 0.4));
  expect(-1 + shift + 0.05).toBeGreaterThanOrEqual(Math.log(0.6 / 0.4) - 1e-9);
  // half the clean rows may be held: it moves on up to the one at -4
  expect(alignShifts(dev, cal, thresholds, 0, 0.5).spam).toBeGreaterThan(shift);
});
