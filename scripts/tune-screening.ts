// Hyper-parameter search for the screening model on the DEV split only (the test split is never
// read here). Coordinate search: each stage tries the values of one parameter with the others at
// their best so far, keeping the value with the highest mean dev ROC-AUC over the labels (artifacts
// over 5 MB are refused). Prints each trial; writes bench/results/tune-screening.json.
//
// Then the thresholds for the product objective on dev (see chooseThresholds; a grid of product
// figures on dev shows what other thresholds would do).
//
//   npx tsx scripts/tune-screening.ts [--quick]    search, then thresholds for the best config
//   npx tsx scripts/tune-screening.ts --thresholds thresholds for DEFAULT_TRAIN_CONFIG only
//   npx tsx scripts/tune-screening.ts --thresholds --committed   the same, scoring the committed artifact
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../src/screening/model/corpus.js';
import { groupOf, HOLD_LABELS, productFigures } from '../src/screening/model/evaluation.js';
import { LABELS } from '../src/screening/model/labels.js';
import { rocAuc } from '../src/screening/model/metrics.js';
import { loadScreeningModel, scoreComment } from '../src/screening/model/model.js';
import { SCREENING_MODEL_PATH } from '../src/screening/model/model-file.js';
import {
  DEFAULT_TRAIN_CONFIG,
  trainScreeningModel,
  type EncodedRows,
  type TrainConfig,
} from '../src/screening/model/train.js';

const MAX_BYTES = 5_000_000;
const rows = readCorpus();
const train = rows.filter((r) => r.split === 'train');
const dev = rows.filter((r) => r.split === 'dev');
const cache = new Map<string, EncodedRows>();

type Patch = Partial<Omit<TrainConfig, 'features'>> & {
  features?: Partial<TrainConfig['features']>;
};
const apply = (c: TrainConfig, p: Patch): TrainConfig => ({
  ...c,
  ...p,
  features: { ...c.features, ...(p.features ?? {}) },
});

interface Trial {
  patch: Patch;
  objective: number;
  aucs: Record<string, number>;
  toxicVsClean: number;
  spamAuc: number;
  bytes: number;
  seconds: number;
}

function run(cfg: TrainConfig, patch: Patch): Trial {
  const t0 = performance.now();
  // scored on dev, so the fit must not have seen dev
  const res = trainScreeningModel(
    train,
    dev,
    { ...cfg, refitWithDev: false },
    { explain: false, cache },
  );
  const scores = dev.map((r) => scoreComment(res.model, r, { top: 0 }).scores);
  const aucs: Record<string, number> = {};
  for (const l of LABELS) {
    const known = dev
      .map((r, i) => [scores[i]![l], r.labels[l]] as const)
      .filter(([, y]) => y !== null);
    aucs[l] = rocAuc(
      known.map(([s]) => s),
      known.map(([, y]) => y ?? 0),
    );
  }
  const notSpam = dev
    .map((r, i) => ({ g: groupOf(r), s: scores[i]! }))
    .filter((x) => x.g === 'toxic' || x.g === 'clean');
  const toxicVsClean = rocAuc(
    notSpam.map((x) => Math.max(...HOLD_LABELS.map((l) => x.s[l]))),
    notSpam.map((x) => (x.g === 'toxic' ? 1 : 0)),
  );
  const objective = LABELS.reduce((a, l) => a + aucs[l]!, 0) / LABELS.length;
  const trial = {
    patch,
    objective,
    aucs,
    toxicVsClean,
    spamAuc: aucs.spam!,
    bytes: res.json.length,
    seconds: (performance.now() - t0) / 1000,
  };
  console.log(
    `${JSON.stringify(patch).padEnd(48)} meanAUC=${objective.toFixed(4)} toxic-vs-clean=${toxicVsClean.toFixed(4)} spam=${aucs.spam!.toFixed(4)} ${(trial.bytes / 1e6).toFixed(2)}MB ${trial.seconds.toFixed(0)}s`,
  );
  return trial;
}

const stages: Patch[][] = [
  [{ features: { crossWord: false } }, { features: { crossWord: true } }],
  [{ nb: false }, { nb: true }],
  [
    { features: { normPower: 0 } },
    { features: { normPower: 0.25 } },
    { features: { normPower: 0.5 } },
  ],
  [{ alpha: 0.1 }, { alpha: 0.3 }, { alpha: 1 }],
  [{ epochs: 5 }, { epochs: 10 }, { epochs: 20 }],
  [{ l1: 0.005 }, { l1: 0.02 }, { l1: 0.1 }],
  [{ l2: 0.1 }, { l2: 1 }, { l2: 10 }],
  [{ classWeightPower: 0 }, { classWeightPower: 0.5 }, { classWeightPower: 1 }],
  [{ augmentFraction: 0 }, { augmentFraction: 0.5 }, { augmentFraction: 1 }],
  [{ features: { charMin: 1 } }, { features: { charMin: 2 } }, { features: { charMin: 3 } }],
  [{ features: { charMax: 4 } }, { features: { charMax: 5 } }, { features: { charMax: 6 } }],
  [{ features: { wordBigrams: false } }, { features: { wordBigrams: true } }],
  [{ features: { hashBits: 17 } }, { features: { hashBits: 18 } }, { features: { hashBits: 19 } }],
];

/**
 * The product objective on dev: the hold threshold t (one for every held attribute; profanity
 * keeps t too, a site holds on it only when it says so) and the spam threshold s that hold the most
 * toxic plus spam comments while at least MIN_CLEAN of the clean ones are published.
 */
const MIN_CLEAN = 0.98;
function chooseThresholds(
  cfg: TrainConfig,
  model = trainScreeningModel(
    train,
    dev,
    { ...cfg, refitWithDev: false },
    { explain: false, cache },
  ).model,
): TrainConfig['thresholds'] {
  const scores = dev.map((r) => scoreComment(model, r, { top: 0 }).scores);
  const grid = Array.from({ length: 95 }, (_, i) => Math.round((0.05 + 0.01 * i) * 100) / 100);
  const at = (t: number, s: number) =>
    Object.fromEntries(LABELS.map((l) => [l, l === 'spam' ? s : t])) as TrainConfig['thresholds'];
  let best = { t: cfg.thresholds.toxicity, s: cfg.thresholds.spam, held: -1 };
  for (const t of grid)
    for (const s of grid) {
      const p = productFigures(dev, scores, at(t, s));
      const held = p.toxicHeld.share + p.spamHeld.share;
      if (p.cleanPublished.share >= MIN_CLEAN && held > best.held + 1e-9) best = { t, s, held };
    }
  const f = productFigures(dev, scores, at(best.t, best.s));
  const pc = (x: { share: number }) => `${(100 * x.share).toFixed(1)}%`;
  console.log(
    `thresholds: attributes ${best.t}, spam ${best.s} (dev: toxic held ${pc(f.toxicHeld)}, clean published ${pc(f.cleanPublished)}, spam held ${pc(f.spamHeld)})\n\ntoxic held / clean published / spam held on dev:`,
  );
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const line = [`attributes ${t}`];
    for (const s of [0.3, 0.5, 0.7, 0.9]) {
      const p = productFigures(dev, scores, at(t, s));
      line.push(
        `spam ${s}: ${(100 * p.toxicHeld.share).toFixed(1)} / ${(100 * p.cleanPublished.share).toFixed(1)} / ${(100 * p.spamHeld.share).toFixed(1)}`,
      );
    }
    console.log(line.join('   '));
  }
  return at(best.t, best.s);
}

if (process.argv.includes('--thresholds')) {
  // --committed: the committed artifact, when it was fitted without dev (refitWithDev off)
  if (process.argv.includes('--committed') && DEFAULT_TRAIN_CONFIG.refitWithDev) {
    console.error('--committed: the committed artifact was refitted with dev; drop --committed');
    process.exit(2);
  }
  chooseThresholds(
    DEFAULT_TRAIN_CONFIG,
    process.argv.includes('--committed')
      ? loadScreeningModel(readFileSync(SCREENING_MODEL_PATH, 'utf8'))
      : undefined,
  );
  process.exit(0);
}

let best = DEFAULT_TRAIN_CONFIG;
const trials: Trial[] = [];
for (const stage of process.argv.includes('--quick') ? stages.slice(0, 2) : stages) {
  let bestTrial: Trial | null = null;
  let bestCfg = best;
  for (const patch of stage) {
    const cfg = apply(best, patch);
    const t = run(cfg, patch);
    trials.push(t);
    if (t.bytes <= MAX_BYTES && (bestTrial === null || t.objective > bestTrial.objective)) {
      bestTrial = t;
      bestCfg = cfg;
    }
  }
  best = bestCfg;
  // feature encodings of earlier stages are not needed again
  if (cache.size > 4) cache.clear();
}
const { thresholds: _t, ...chosen } = best;
console.log(`\nbest: ${JSON.stringify(chosen)}`);
const thresholds = chooseThresholds(best);
const dir = join(import.meta.dirname, '../bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'tune-screening.json'),
  `${JSON.stringify({ split: 'dev', objective: 'mean ROC-AUC over labels', best: chosen, thresholds, trials }, null, 1)}\n`,
);
