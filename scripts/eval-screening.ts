/**
 * Runs screenComment over the eval corpus and checks the quality targets.
 * Run: npx tsx scripts/eval-screening.ts [--misses]
 * Exit code 1 when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus, type EvalRow } from '../src/screening/evaluation.js';
import { loadBaseModel } from '../src/screening/spam-classifier.js';

const corpusPath = fileURLToPath(
  new URL('../test/fixtures/screening/eval-corpus.jsonl', import.meta.url),
);
const rows = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as EvalRow);

const report = evaluateCorpus(rows, loadBaseModel());
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`eval corpus: ${rows.length} comments\n`);
console.log('class   total  published  held  spam   precision  recall');
for (const [label, s] of Object.entries(report.perClass)) {
  const f = report.flagged[label as keyof typeof report.flagged];
  console.log(
    `${label.padEnd(7)} ${String(s.total).padStart(5)}  ${String(s.approve).padStart(9)}  ${String(s.held).padStart(4)}  ${String(s.spam).padStart(4)}   ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}`,
  );
}
console.log(
  '(precision/recall of: clean = published; toxic = flagged with a toxicity reason;\n' +
    ' spam = flagged with a spam reason, i.e. any non-toxicity reason)\n',
);
for (const t of report.targets) {
  console.log(`${t.met ? 'PASS' : 'FAIL'}  ${t.name}: ${pct(t.value)} (target ${pct(t.target)})`);
}
if (process.argv.includes('--misses') || report.targets.some((t) => !t.met)) {
  console.log(`\nmisclassified (${report.misses.length}):`);
  for (const m of report.misses) {
    const why = m.result.reasons.map((r) => r.code).join(',') || '-';
    console.log(
      `  #${m.index} [${m.row.label}/${m.row.category}] ${m.result.decision} spam=${m.result.scores.spam} ${why}: ${JSON.stringify(m.row.text.slice(0, 100))}`,
    );
  }
}
process.exitCode = report.targets.every((t) => t.met) ? 0 : 1;
