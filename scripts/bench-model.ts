// Times the trained screening model: loading the artifact, and scoring ~1,000-character comments
// (and short ones) on one core; the toxicity rules alone; and the whole pipeline (every phase,
// rules and model), per comment.
//
//   npm run bench:model
// Writes bench/results/bench-model.json.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultScreeningSettings } from '../src/screening/defaults.js';
import { screenComment } from '../src/screening/pipeline.js';
import { scoreToxicity } from '../src/screening/toxicity.js';
import type { ScreeningContext } from '../src/screening/types.js';
import { readCorpus } from '../src/screening/model/corpus.js';
import { loadScreeningModel, scoreComment } from '../src/screening/model/model.js';
import { SCREENING_MODEL_PATH } from '../src/screening/model/model-file.js';

const json = readFileSync(SCREENING_MODEL_PATH, 'utf8');

// load: parse + validate + unpack, as a server does once at start
const loads: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  loadScreeningModel(JSON.parse(json));
  loads.push(performance.now() - t0);
}
const model = loadScreeningModel(json);

// 1,000-character comments stitched from dev texts (never test), so the n-grams are realistic
const dev = readCorpus().filter((r) => r.split === 'dev');
const long: Array<{ text: string; name: string; website: string | null }> = [];
for (let i = 0; long.length < 200; i++) {
  let text = '';
  for (let k = i; text.length < 1000; k += 7) text += `${dev[k % dev.length]!.text} `;
  const r = dev[(i * 13) % dev.length]!;
  long.push({ text: text.slice(0, 1000), name: r.name, website: r.website });
}
const short = dev.filter((r) => r.text.length < 120).slice(0, 200);

function time(
  inputs: ReadonlyArray<{ text: string; name: string; website: string | null }>,
  n: number,
  f: (x: { text: string; name: string; website: string | null }) => unknown,
) {
  for (let i = 0; i < 2000; i++) f(inputs[i % inputs.length]!);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = inputs[i % inputs.length]!;
    const t0 = performance.now();
    f(x);
    t[i] = performance.now() - t0;
  }
  t.sort();
  const at = (q: number) => Math.round(t[Math.min(n - 1, Math.floor(q * n))]! * 1000) / 1000;
  return { n, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

const settings = defaultScreeningSettings();
const siteModel = { base: model, layers: { spam: null, toxicity: null } };
const ctx = (x: { text: string; name: string; website: string | null }): ScreeningContext => ({
  text: x.text,
  authorName: x.name,
  authorEmail: 'jane@example.net',
  authorWebsite: x.website,
  honeypot: null,
  formToken: { status: 'ok', ageMs: 45_000 },
  history: {
    approvedByAuthor: 0,
    rejectedOrSpamByAuthor: 0,
    duplicateOnPost: false,
    recentFromIp: 0,
    recentFromEmail: 0,
    secondsSinceLastFromIpOrEmail: null,
  },
  banned: null,
  remote: [],
  settings,
  model: siteModel,
  isEdit: false,
});

const N = 10_000;
const results = {
  artifactBytes: statSync(SCREENING_MODEL_PATH).size,
  loadMs: {
    first: Math.round(loads[0]! * 10) / 10,
    median: Math.round([...loads].sort((a, b) => a - b)[7]! * 10) / 10,
  },
  scoreMs1000Chars: time(long, N, (x) => scoreComment(model, x)),
  scoreMs1000CharsNoExplanations: time(long, N, (x) => scoreComment(model, x, { top: 0 })),
  scoreMsShort: time(short, N, (x) => scoreComment(model, x)),
  // the toxicity rules on their own (spans and reasons), then the whole pipeline: every phase,
  // the rules and the model (screenComment scores the model itself)
  rulesMs1000Chars: time(long, N, (x) => scoreToxicity(x.text)),
  pipelineMs1000Chars: time(long, N, (x) => screenComment(ctx(x))),
};
console.log(
  `artifact ${(results.artifactBytes / 1e6).toFixed(2)} MB; load ${results.loadMs.first} ms first, ${results.loadMs.median} ms median`,
);
for (const [k, v] of Object.entries(results))
  if (typeof v === 'object' && 'p99' in v)
    console.log(
      `${k.padEnd(36)} p50 ${v.p50} ms  p90 ${v.p90} ms  p99 ${v.p99} ms  max ${v.max} ms`,
    );
const dir = join(import.meta.dirname, '../bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'bench-model.json'),
  `${JSON.stringify({ node: process.version, ...results }, null, 1)}\n`,
);
