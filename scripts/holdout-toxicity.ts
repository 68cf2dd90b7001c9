/**
 * Scores the toxicity holdout (test/fixtures/screening/holdout-toxicity.jsonl) with the default
 * site rule: checkToxicity(text, defaultScreeningSettings()), held = decision hold or reject.
 *
 * Run: npx tsx scripts/holdout-toxicity.ts [--misses | --misses=all] [--dev-only]
 *
 * The holdout is split by 1-based line number: even lines = "dev" (look at misses, tune the rules),
 * odd lines = "test" (report the aggregate only; do not tune against its misses).
 * `--misses` lists dev misses only; `--misses=all` also lists test misses (for the final report,
 * once tuning is finished). `--dev-only` hides the test figures altogether, for use while tuning.
 *
 * Baseline (before the generalisation work, scorer as of commit ad67b02):
 *   all   toxic held  43/120 = 35.8%   clean passed 117/120 = 97.5%
 *   dev   toxic held  27/60  = 45.0%   clean passed  59/60  = 98.3%
 *   test  toxic held  16/60  = 26.7%   clean passed  58/60  = 96.7%
 *
 * After the generalisation work (tuned on dev misses plus scratch probe sentences kept out of
 * the repo; test misses first listed only after tuning stopped):
 *   all   toxic held 108/120 = 90.0%   clean passed 118/120 = 98.3%
 *   dev   toxic held  60/60  = 100.0%  clean passed  60/60  = 100.0%
 *   test  toxic held  48/60  = 80.0%   clean passed  58/60  = 96.7%
 * The dev figure is fitted; the test figure is the one to quote, and even it flatters the rules,
 * since the same person wrote both halves and the patterns.
 *
 * Exit code is always 0: this is a measurement, not a gate.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultScreeningSettings } from '../src/screening/defaults.js';
import { checkToxicity } from '../src/screening/pipeline.js';
import type { ScreeningSettings } from '../src/screening/types.js';

interface Row {
  text: string;
  label: 'toxic' | 'clean';
  category: string;
}

const path = fileURLToPath(
  new URL('../test/fixtures/screening/holdout-toxicity.jsonl', import.meta.url),
);
const rows = readFileSync(path, 'utf8')
  .split('\n')
  .map((l, i) => ({ line: i + 1, l }))
  .filter(({ l }) => l.trim() !== '')
  .map(({ line, l }) => ({ line, row: JSON.parse(l) as Row }));

const settings = defaultScreeningSettings();
const results = rows.map(({ line, row }) => {
  const out = checkToxicity(row.text, settings);
  const held = out.decision === 'hold' || out.decision === 'reject';
  return { line, row, out, held, correct: row.label === 'toxic' ? held : !held };
});

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
function summary(name: string, subset: typeof results): void {
  const toxic = subset.filter((r) => r.row.label === 'toxic');
  const clean = subset.filter((r) => r.row.label === 'clean');
  const th = toxic.filter((r) => r.held).length;
  const cp = clean.filter((r) => !r.held).length;
  console.log(
    `${name.padEnd(5)} toxic held ${String(th).padStart(3)}/${String(toxic.length).padEnd(3)} = ${pct(th, toxic.length).padStart(6)}   ` +
      `clean passed ${String(cp).padStart(3)}/${String(clean.length).padEnd(3)} = ${pct(cp, clean.length).padStart(6)}`,
  );
}

const dev = results.filter((r) => r.line % 2 === 0);
const test = results.filter((r) => r.line % 2 === 1);
console.log(`holdout: ${results.length} comments (dev = even lines, test = odd lines)\n`);
if (!process.argv.includes('--dev-only')) summary('all', results);
summary('dev', dev);
if (!process.argv.includes('--dev-only')) summary('test', test);

const missArg = process.argv.find((a) => a === '--misses' || a.startsWith('--misses='));
if (missArg) {
  const list = missArg === '--misses=all' ? results : dev;
  const misses = list.filter((r) => !r.correct);
  console.log(
    `\nmisses (${missArg === '--misses=all' ? 'dev + test' : 'dev only'}: ${misses.length}):`,
  );
  for (const m of misses) {
    const top = Object.entries(m.out.scores)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k}=${v.toFixed(2)}`)
      .join(' ');
    console.log(
      `  L${m.line} [${m.row.label}/${m.row.category}] ${m.out.decision} ${top || '-'}: ${JSON.stringify(m.row.text)}`,
    );
  }
}
