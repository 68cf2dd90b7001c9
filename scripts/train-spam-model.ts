/**
 * Builds the shipped base spam model from the training corpus.
 * Run: npx tsx scripts/train-spam-model.ts
 * Reads test/fixtures/screening/training-corpus.jsonl, writes src/screening/model/base-spam-model.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  emptyCountTable,
  learnFromDecision,
  type CountTable,
} from '../src/screening/spam-classifier.js';

const root = new URL('..', import.meta.url);
const corpusPath = fileURLToPath(new URL('test/fixtures/screening/training-corpus.jsonl', root));
const outPath = fileURLToPath(new URL('src/screening/model/base-spam-model.json', root));

interface Row {
  text: string;
  label: 'spam' | 'ham';
}

const rows: Row[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);

let table: CountTable = emptyCountTable();
for (const row of rows) table = learnFromDecision(table, row.text, row.label);

const sorted = (r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out: CountTable = { ...table, spam: sorted(table.spam), ham: sorted(table.ham) };
writeFileSync(outPath, JSON.stringify(out) + '\n');
console.log(
  `trained on ${rows.length} docs (${table.spamDocs} spam, ${table.hamDocs} ham), ` +
    `${Object.keys(out.spam).length} spam / ${Object.keys(out.ham).length} ham features -> ${outPath}`,
);
