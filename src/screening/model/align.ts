// Aligning the model's scores with a new site's default thresholds: the calibrated probability
// of a comment being toxic depends on the corpus's mix (a third of it toxic), not on any site, so
// the thresholds a site starts with would fall wherever that mix puts them. Instead the scores are
// moved (in log-odds, the same for every toxicity attribute, and for spam on its own) so that the
// site defaults hold the most toxic and spam comments of the dev split while publishing at least
// a given share of its clean ones.
import { groupOf, HOLD_LABELS, type LabelledRow } from './evaluation.js';
import { LABELS, type Label } from './labels.js';

const ALIGN_STEP = 0.05;
const ALIGN_RANGE = 4;

/** The log-odds shifts (toxicity attributes, spam) that put the product objective at `thresholds` on dev. */
export function alignShifts(
  dev: readonly LabelledRow[],
  calibrated: readonly Float64Array[],
  thresholds: Record<Label, number>,
  minClean: number,
): { toxicity: number; spam: number } {
  const steps = Math.round((2 * ALIGN_RANGE) / ALIGN_STEP);
  const grid = Array.from({ length: steps + 1 }, (_, i) => -ALIGN_RANGE + i * ALIGN_STEP);
  const spamAt = LABELS.indexOf('spam');
  // each row's largest margin over its threshold among the held attributes, and the spam margin
  const logit = (p: number) => Math.log(p / (1 - p));
  const holdIdx = HOLD_LABELS.map((l) => LABELS.indexOf(l));
  const toxMargin = calibrated.map((z) =>
    Math.max(...holdIdx.map((l) => z[l]! - logit(thresholds[LABELS[l]!]))),
  );
  const spamMargin = calibrated.map((z) => z[spamAt]! - logit(thresholds.spam));
  const groups = dev.map(groupOf);
  let best = { toxicity: 0, spam: 0, held: -1 };
  for (const dt of grid)
    for (const ds of grid) {
      const c = { toxic: [0, 0], clean: [0, 0], spam: [0, 0] };
      groups.forEach((g, i) => {
        if (g === 'unknown') return;
        const tox = toxMargin[i]! + dt >= 0;
        const spam = spamMargin[i]! + ds >= 0;
        const right = g === 'spam' ? spam : g === 'toxic' ? tox : !tox && !spam;
        c[g][1]!++;
        if (right) c[g][0]!++;
      });
      const share = (x: number[]) => (x[1] === 0 ? 1 : x[0]! / x[1]!);
      if (share(c.clean) < minClean) continue;
      const held = share(c.toxic) + share(c.spam);
      // ties: the smaller move
      if (
        held > best.held + 1e-9 ||
        (Math.abs(held - best.held) <= 1e-9 &&
          Math.abs(dt) + Math.abs(ds) < Math.abs(best.toxicity) + Math.abs(best.spam))
      )
        best = { toxicity: Math.round(dt * 100) / 100, spam: Math.round(ds * 100) / 100, held };
    }
  return { toxicity: best.toxicity, spam: best.spam };
}
