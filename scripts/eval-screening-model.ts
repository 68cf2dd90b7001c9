// Evaluates the trained screening model against the labelled corpus, next to the hand-written
// rules (scoreToxicity, and the naive Bayes spamProbability with its shipped base table) and
// "both" (per label the larger of the two scores) on the same rows.
//
// "Both" holds a comment when either the model (at its thresholds) or the rules (at the site
// defaults, 0.8 and spam 0.9) would; its AUC ranks by the larger of the two scores.
//
//   npm run eval:model -- --split dev     tune against this one
//   npm run eval:model -- --split test    report only, once tuning is over
//   npm run eval:model -- --model PATH   another artifact than the committed one
//   npm run eval:model -- --split all --files '^wave8-' --model OLD   an older artifact on every
//                                         row of writers it never saw
//   npm run eval:model -- --held-out      every row of corpus/held-out/ (writers never trained,
//                                         calibrated or tuned on: report, do not tune)
//   npm run eval:model -- --curve      learning curve: train on 25/50/75/100% of the train split
//                                         (a fixed subset by a hash of the id), evaluate on dev
//   npm run eval:model -- --by-file       leave one writer out: for each corpus file, train on the
//                                         other files (train split, calibrated on their dev split)
//                                         and evaluate on every row of the file left out
//   npm run eval:model -- --by-file --shard 0/3   only every third file from the first (run the
//                                         three shards at once), then --by-file --merge pools them
//
// Prints tables; writes JSON to bench/results/eval-screening-model-<mode>.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyCountTable, loadBaseModel, spamProbability } from './baseline/naive-bayes-spam.js';
import { scoreToxicity } from '../src/screening/toxicity.js';
import {
  CORPUS_DIR,
  CorpusRow,
  HELD_OUT_DIR,
  type CorpusRowT,
} from '../src/screening/model/corpus.js';
import {
  groupOf,
  judgedRightBy,
  labelFigures,
  maxScores,
  productFigures,
  type LabelFigures,
  type ProductFigures,
  type Scores,
} from '../src/screening/model/evaluation.js';
import { LABELS, type Label } from '../src/screening/model/labels.js';
import {
  loadScreeningModel,
  scoreComment,
  type ScreeningModel,
} from '../src/screening/model/model.js';
import { SCREENING_MODEL_PATH } from '../src/screening/model/model-file.js';
import { DEFAULT_TRAIN_CONFIG, trainScreeningModel } from '../src/screening/model/train.js';
import { hashString } from '../src/screening/model/hash.js';

type Row = CorpusRowT & { file: string };

/** The site defaults: 0.8 for toxicity attributes, 0.9 for spam. */
const DEFAULT_THRESHOLDS: Record<Label, number> = {
  toxicity: 0.8,
  severe_toxicity: 0.8,
  insult: 0.8,
  profanity: 0.8,
  threat: 0.8,
  identity_attack: 0.8,
  spam: 0.9,
};

const HELD_OUT = process.argv.includes('--held-out');

function readRows(): Row[] {
  const dir = HELD_OUT ? HELD_OUT_DIR : CORPUS_DIR;
  const rows: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim()) rows.push({ ...CorpusRow.parse(JSON.parse(line)), file });
    }
  }
  return rows;
}

const spamModel = { base: loadBaseModel(), learned: emptyCountTable() };
const TOX_RULE: Record<Exclude<Label, 'spam'>, keyof ReturnType<typeof scoreToxicity>['scores']> = {
  toxicity: 'TOXICITY',
  severe_toxicity: 'SEVERE_TOXICITY',
  insult: 'INSULT',
  profanity: 'PROFANITY',
  threat: 'THREAT',
  identity_attack: 'IDENTITY_ATTACK',
};

function ruleScores(r: Row): Scores {
  const t = scoreToxicity(r.text).scores;
  const out = { spam: spamProbability(spamModel, r.text) } as Scores;
  for (const [label, attr] of Object.entries(TOX_RULE) as Array<
    [Exclude<Label, 'spam'>, keyof typeof t]
  >)
    out[label] = t[attr];
  return out;
}

/**
 * A monotone rescaling of rule scores that puts each rule threshold onto the model's, so that
 * max(model, rescaled rule) >= model threshold exactly when either system holds at its own
 * threshold (with equal thresholds it is the identity: plain "max of the two").
 */
function onto(s: Scores, from: Record<Label, number>, to: Record<Label, number>): Scores {
  const out = {} as Scores;
  for (const l of LABELS) {
    const [f, t, x] = [from[l], to[l], s[l]];
    out[l] = x < f ? (x * t) / f : t + ((x - f) * (1 - t)) / (1 - f);
  }
  return out;
}

interface SystemReport {
  thresholds: Record<Label, number>;
  labels: Record<Label, LabelFigures>;
  product: ProductFigures;
}

interface Report {
  mode: string;
  rows: number;
  systems: Record<'model' | 'rules' | 'both', SystemReport>;
  byKind: Array<{ key: string; rows: number; model: number; rules: number; both: number }>;
  byLanguage: Array<{ key: string; rows: number; model: number; rules: number; both: number }>;
  /** clean rows only: the share published, per language */
  cleanByLanguage: Array<{ key: string; rows: number; model: number; rules: number; both: number }>;
}

function evaluate(mode: string, rows: Row[], model: ScreeningModel | ((r: Row) => Scores)): Report {
  const modelScores = rows.map((r) =>
    typeof model === 'function' ? model(r) : scoreComment(model, r, { top: 0 }).scores,
  );
  const rules = rows.map(ruleScores);
  const modelThresholds =
    typeof model === 'function' ? DEFAULT_TRAIN_CONFIG.thresholds : { ...model.thresholds };
  const both = rows.map((_, i) =>
    maxScores(modelScores[i]!, onto(rules[i]!, DEFAULT_THRESHOLDS, modelThresholds)),
  );
  const sys = (scores: Scores[], thresholds: Record<Label, number>): SystemReport => ({
    thresholds,
    labels: labelFigures(rows, scores, thresholds),
    product: productFigures(rows, scores, thresholds),
  });
  const by = (key: (r: Row) => string, only: (r: Row) => boolean = () => true) => {
    const idx = rows.map((_, i) => i).filter((i) => only(rows[i]!));
    const sub = idx.map((i) => rows[i]!);
    const pick = (s: Scores[]) => idx.map((i) => s[i]!);
    const m = judgedRightBy(sub, pick(modelScores), modelThresholds, key);
    const ru = new Map(
      judgedRightBy(sub, pick(rules), DEFAULT_THRESHOLDS, key).map((x) => [x.key, x.share]),
    );
    const bo = new Map(
      judgedRightBy(sub, pick(both), modelThresholds, key).map((x) => [x.key, x.share]),
    );
    return m.map((x) => ({
      key: x.key,
      rows: x.rows,
      model: x.share,
      rules: ru.get(x.key)!,
      both: bo.get(x.key)!,
    }));
  };
  return {
    mode,
    rows: rows.length,
    systems: {
      model: sys(modelScores, modelThresholds),
      rules: sys(rules, DEFAULT_THRESHOLDS),
      both: sys(both, modelThresholds),
    },
    byKind: by((r) => r.kind),
    byLanguage: by((r) => r.lang),
    cleanByLanguage: by(
      (r) => r.lang,
      (r) => groupOf(r) === 'clean',
    ),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

function print(rep: Report, details = true): void {
  console.log(`\n== ${rep.mode}: ${rep.rows} rows`);
  console.log(
    `thresholds: model ${JSON.stringify(rep.systems.model.thresholds)}; rules ${JSON.stringify(rep.systems.rules.thresholds)}`,
  );
  console.log(
    `\n${'label'.padEnd(16)} ${'pos'.padStart(5)}   ${['model', 'rules', 'both'].map((s) => `${s.padEnd(5)} P      R      F1     AUC  `).join(' | ')}`,
  );
  for (const l of LABELS) {
    const cells = (['model', 'rules', 'both'] as const).map((s) => {
      const f = rep.systems[s].labels[l];
      return `      ${f3(f.precision)}  ${f3(f.recall)}  ${f3(f.f1)}  ${f3(f.auc)}`;
    });
    console.log(
      `${l.padEnd(16)} ${String(rep.systems.model.labels[l].positives).padStart(5)}  ${cells.join(' | ')}`,
    );
  }
  console.log(
    `\n${'product'.padEnd(18)} ${'model'.padStart(18)} ${'rules'.padStart(18)} ${'both'.padStart(18)}   target`,
  );
  const targets = { toxicHeld: 0.95, cleanPublished: 0.98, spamHeld: 0.97 } as const;
  for (const k of ['toxicHeld', 'cleanPublished', 'spamHeld'] as const) {
    const cell = (s: 'model' | 'rules' | 'both') => {
      const f = rep.systems[s].product[k];
      return `${f.n}/${f.of} ${pct(f.share)}`.padStart(18);
    };
    console.log(
      `${k.padEnd(18)} ${cell('model')} ${cell('rules')} ${cell('both')}   ${pct(targets[k])}`,
    );
  }
  if (!details) return;
  const table = (title: string, xs: Report['byKind']) => {
    console.log(
      `\n${title.padEnd(28)} ${'rows'.padStart(5)}  model   rules    both   (share judged right)`,
    );
    for (const x of xs)
      console.log(
        `${x.key.padEnd(28)} ${String(x.rows).padStart(5)} ${pct(x.model)} ${pct(x.rules)} ${pct(x.both)}`,
      );
  };
  table('kind', rep.byKind);
  table('language', rep.byLanguage);
  table('language, clean rows only', rep.cleanByLanguage);
}

function write(name: string, data: unknown): void {
  const dir = join(import.meta.dirname, '../bench/results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `eval-screening-model-${name}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`\nwrote ${path}`);
}

const rows = readRows();
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv.includes('--curve')) {
  const train = rows.filter((r) => r.split === 'train');
  const dev = rows.filter((r) => r.split === 'dev');
  const curve: Array<{
    fraction: number;
    rows: number;
    toxicAuc: number;
    product: ProductFigures;
  }> = [];
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    const part = train.filter((r) => hashString(r.id, 0x6c7) / 2 ** 32 < fraction);
    // scored on dev, so the fit must not have seen dev
    const { model } = trainScreeningModel(
      part,
      dev,
      { ...DEFAULT_TRAIN_CONFIG, refitWithDev: false },
      { explain: false },
    );
    const rep = evaluate(`${fraction * 100}% of train (${part.length} rows), dev`, dev, model);
    print(rep, false);
    curve.push({
      fraction,
      rows: part.length,
      toxicAuc: rep.systems.model.labels.toxicity.auc,
      product: rep.systems.model.product,
    });
  }
  console.log('\ntrain rows  toxicity AUC  toxic held  clean published  spam held');
  for (const c of curve)
    console.log(
      `${String(c.rows).padStart(10)}  ${f3(c.toxicAuc).padStart(12)}  ${pct(c.product.toxicHeld.share).padStart(10)}  ${pct(c.product.cleanPublished.share).padStart(15)}  ${pct(c.product.spamHeld.share).padStart(9)}`,
    );
  write('curve', curve);
} else if (process.argv.includes('--by-file')) {
  const files = [...new Set(rows.map((r) => r.file))];
  // --shard i/n: leave out only every n-th file from the i-th (0-based), to run folds in parallel;
  // --merge then pools the shards' scores
  const shard = arg('--shard')?.split('/').map(Number);
  const pooled: { rows: Row[]; scores: Scores[] } = { rows: [], scores: [] };
  const reports: Report[] = [];
  if (process.argv.includes('--merge')) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const dir = join(import.meta.dirname, '../bench/results');
    for (const f of readdirSync(dir).filter((f) =>
      /^eval-screening-model-by-file-\d+of\d+\.json$/.test(f),
    )) {
      const part = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        files: Report[];
        scores: Array<{ id: string; scores: Scores }>;
      };
      reports.push(...part.files);
      for (const x of part.scores) {
        pooled.rows.push(byId.get(x.id)!);
        pooled.scores.push(x.scores);
      }
    }
  } else {
    for (const [k, file] of files.entries()) {
      if (shard && k % shard[1]! !== shard[0]) continue;
      const others = rows.filter((r) => r.file !== file);
      const held = rows.filter((r) => r.file === file);
      const { model } = trainScreeningModel(
        others.filter((r) => r.split === 'train'),
        others.filter((r) => r.split === 'dev'),
        DEFAULT_TRAIN_CONFIG,
        { explain: false },
      );
      const scores = new Map(held.map((r) => [r, scoreComment(model, r, { top: 0 }).scores]));
      pooled.rows.push(...held);
      pooled.scores.push(...held.map((r) => scores.get(r)!));
      const rep = evaluate(`leave out ${file}`, held, (r) => scores.get(r)!);
      print(rep, false);
      reports.push(rep);
    }
  }
  const all = new Map(pooled.rows.map((r, i) => [r, pooled.scores[i]!]));
  const total = evaluate('leave one writer out, pooled', pooled.rows, (r) => all.get(r)!);
  print(total);
  const scores = pooled.rows.map((r, i) => ({ id: r.id, scores: pooled.scores[i]! }));
  if (shard) write(`by-file-${shard[0]}of${shard[1]}`, { files: reports, pooled: total, scores });
  else write('by-file', { files: reports, pooled: total });
} else {
  const split = HELD_OUT ? 'all' : (arg('--split') ?? 'dev');
  // --files REGEX: only the rows of matching corpus files; with --split all, every split of them
  // (an older artifact scored on writers added after it was trained).
  const files = arg('--files');
  if (split !== 'dev' && split !== 'test' && !(split === 'all' && (files || HELD_OUT))) {
    console.error(
      'usage: eval-screening-model.ts --split dev|test [--files REGEX] | --split all --files REGEX | --by-file',
    );
    process.exit(2);
  }
  const model = loadScreeningModel(readFileSync(arg('--model') ?? SCREENING_MODEL_PATH, 'utf8'));
  const subset = rows.filter(
    (r) => (split === 'all' || r.split === split) && (!files || new RegExp(files).test(r.file)),
  );
  const rep = evaluate(
    HELD_OUT ? 'held-out writers' : `${split} split${files ? ` of ${files}` : ''}`,
    subset,
    model,
  );
  print(rep);
  const groups = { toxic: 0, clean: 0, spam: 0, unknown: 0 };
  for (const r of subset) groups[groupOf(r)]++;
  write(split, { ...rep, groups });
}
