// Aligning the model's scores with a new site's default thresholds: the calibrated probability
// of a comment being toxic depends on the corpus's mix (a third of it toxic), not on any site, so
// the thresholds a site starts with would fall wherever that mix puts them. Instead each label's
// scores are moved in log-odds so that the site defaults hold the most toxic and spam comments
// of the dev split while publishing at least a given share of its clean ones: first one shift for
// every toxicity attribute and one for spam, then each label's own, a label at a time (the
// attributes misfire on clean comments at different rates: an insult more often than a threat).
import { groupOf, HOLD_LABELS, type LabelledRow } from './evaluation.js';
import { LABELS, type Label } from './labels.js';

const ALIGN_STEP = 0.05;
const ALIGN_RANGE = 4;
const ROUNDS = 2;

/** Per label, the log-odds shift that puts the product objective at `thresholds` on dev. */
export function alignShifts(
  dev: readonly LabelledRow[],
  calibrated: readonly Float64Array[],
  thresholds: Record<Label, number>,
  minClean: number,
  /**
   * true: spam moves with the attributes, for the joint objective. A number: spam moves first
   * and on its own, as far up as keeps this share of clean comments clear of spam holds; the
   * attributes then get what is left of the clean budget.
   */
  moveSpam: boolean | number = true,
): Record<Label, number> {
  const steps = Math.round((2 * ALIGN_RANGE) / ALIGN_STEP);
  const grid = Array.from(
    { length: steps + 1 },
    (_, i) => Math.round((-ALIGN_RANGE + i * ALIGN_STEP) * 100) / 100,
  );
  const logit = (p: number) => Math.log(p / (1 - p));
  const spamAt = LABELS.indexOf('spam');
  const holdIdx = HOLD_LABELS.map((l) => LABELS.indexOf(l));
  // each row's margin over each label's threshold
  const margin = calibrated.map((z) =>
    Float64Array.from(LABELS, (l, k) => z[k]! - logit(thresholds[l])),
  );
  const groups = dev.map(groupOf);
  const shift = new Float64Array(LABELS.length);
  let spamFixed = 0;
  if (typeof moveSpam === 'number') {
    const clean = margin.filter((_, i) => groups[i] === 'clean');
    for (const v of grid)
      if (clean.filter((m) => m[spamAt]! + v < 0).length >= moveSpam * clean.length) spamFixed = v;
  }
  const jointSpam = moveSpam === true;
  /** toxic share + spam share held, or -1 when too few clean rows are published */
  const objective = (): number => {
    const c = { toxic: [0, 0], clean: [0, 0], spam: [0, 0] };
    groups.forEach((g, i) => {
      if (g === 'unknown') return;
      const m = margin[i]!;
      const tox = holdIdx.some((l) => m[l]! + shift[l]! >= 0);
      const spam = m[spamAt]! + shift[spamAt]! >= 0;
      const right = g === 'spam' ? spam : g === 'toxic' ? tox : !tox && !spam;
      c[g][1]!++;
      if (right) c[g][0]!++;
    });
    const share = (x: number[]) => (x[1] === 0 ? 1 : x[0]! / x[1]!);
    return share(c.clean) < minClean ? -1 : share(c.toxic) + share(c.spam);
  };
  // one shift for the attributes, one for spam; ties: the smaller move
  let best = { t: 0, s: 0, value: -1 };
  for (const t of grid)
    for (const s of jointSpam ? grid : [spamFixed]) {
      shift.fill(t);
      shift[spamAt] = s;
      const value = objective();
      if (
        value > best.value + 1e-9 ||
        (Math.abs(value - best.value) <= 1e-9 &&
          Math.abs(t) + Math.abs(s) < Math.abs(best.t) + Math.abs(best.s))
      )
        best = { t, s, value };
    }
  shift.fill(best.t);
  shift[spamAt] = best.s;
  // then each held label and spam on its own, kept only where that strictly does better
  let value = best.value;
  for (let round = 0; round < ROUNDS; round++)
    for (const l of jointSpam ? [...holdIdx, spamAt] : holdIdx) {
      const keep = shift[l]!;
      let pick = keep;
      for (const v of grid) {
        shift[l] = v;
        const o = objective();
        if (o > value + 1e-9) {
          value = o;
          pick = v;
        }
      }
      shift[l] = pick;
    }
  return Object.fromEntries(LABELS.map((l, k) => [l, shift[k]!])) as Record<Label, number>;
}
