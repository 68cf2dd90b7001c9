// The whole screening pipeline (model + rules + every other phase, at a new site's default
// settings) over the labelled corpus, as a new comment from a first-time author would be judged.
// Product figures: toxic held, clean published, spam held; per attribute precision, recall and
// ROC-AUC for the model alone, the rules alone and both together; by kind and by language.
//
//   npm run eval:screening -- --split dev [--misses]   tune against this one
//   npm run eval:screening -- --split test             report only, once tuning is over
//
// Writes JSON to bench/results/eval-screening-<split>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultScreeningSettings } from '../src/screening/defaults.js';
import { readCorpus, type CorpusRowT } from '../src/screening/model/corpus.js';
import { labelFigures, type Scores } from '../src/screening/model/evaluation.js';
import { LABELS, type Label } from '../src/screening/model/labels.js';
import { shippedModel, type SiteModel } from '../src/screening/models.js';
import { screenComment } from '../src/screening/pipeline.js';
import { LABEL_OF, mapAttributes, mapLabels, modelView } from '../src/screening/scores.js';
import { scoreToxicity } from '../src/screening/toxicity.js';
import { TOXICITY_ATTRIBUTES, type ScreeningContext } from '../src/screening/types.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
if (split !== 'dev' && split !== 'test' && split !== 'train') {
  console.error('--split dev|test|train');
  process.exit(2);
}
const showMisses = args.includes('--misses');
if (showMisses && split === 'test') {
  console.error('--misses is for dev only: looking at test misses is tuning on test');
  process.exit(2);
}

const settings = defaultScreeningSettings();
// What-if thresholds (dev only): --tox T sets every held attribute's threshold, --spam-hold S.
const argNumber = (flag: string) =>
  args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined;
const tox = argNumber('--tox');
const spamHold = argNumber('--spam-hold');
if ((tox !== undefined || spamHold !== undefined) && split === 'test') {
  console.error('--tox and --spam-hold are for dev only');
  process.exit(2);
}
if (tox !== undefined) {
  for (const a of TOXICITY_ATTRIBUTES) {
    if (settings.toxicity[a].action !== 'off') settings.toxicity[a].threshold = tox;
  }
}
if (spamHold !== undefined) settings.spamHoldThreshold = spamHold;
const model: SiteModel = { base: shippedModel(), layers: { spam: null, toxicity: null } };
const rows = readCorpus().filter((r) => r.split === split && r.origin !== 'augmented');

type Group = 'toxic' | 'clean' | 'spam' | 'ham-unrated';
const groupOf = (r: CorpusRowT): Group =>
  r.labels.spam === 1
    ? 'spam'
    : r.labels.toxicity === 1
      ? 'toxic'
      : r.labels.toxicity === 0
        ? 'clean'
        : 'ham-unrated';

const context = (r: CorpusRowT): ScreeningContext => ({
  text: r.text,
  authorName: r.name,
  authorEmail: 'reader@example.net',
  authorWebsite: r.website,
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
  model,
  isEdit: false,
});

/** Site thresholds as model labels: each attribute's threshold, the spam hold threshold. */
const thresholds: Record<Label, number> = mapLabels((l) =>
  l === 'spam'
    ? settings.spamHoldThreshold
    : settings.toxicity[TOXICITY_ATTRIBUTES.find((a) => LABEL_OF[a] === l) ?? 'TOXICITY'].threshold,
);

interface Judged {
  row: CorpusRowT;
  group: Group;
  /** the whole pipeline held it (or marked it spam) */
  held: boolean;
  /** the model alone, at the site thresholds, would have */
  heldByModel: boolean;
  /** everything but the model would have: the toxicity rules and the other phases */
  heldByRules: boolean;
  decision: string;
  codes: string[];
  model: Scores;
  rules: Scores;
  both: Scores;
}

const judged: Judged[] = rows.map((row) => {
  const result = screenComment(context(row));
  const view = modelView(model, row);
  const ruled = scoreToxicity(row.text).scores;
  const byAttr = mapAttributes((a) => ruled[a]);
  const rules = mapLabels((l) =>
    l === 'spam' ? 0 : byAttr[TOXICITY_ATTRIBUTES.find((a) => LABEL_OF[a] === l) ?? 'TOXICITY'],
  );
  const both = mapLabels((l) =>
    l === 'spam'
      ? result.scores.spam
      : result.scores[TOXICITY_ATTRIBUTES.find((a) => LABEL_OF[a] === l) ?? 'TOXICITY'],
  );
  const overThreshold = (scores: Scores) =>
    LABELS.some((l) =>
      l === 'spam'
        ? scores.spam >= settings.spamHoldThreshold
        : settings.toxicity[TOXICITY_ATTRIBUTES.find((a) => LABEL_OF[a] === l) ?? 'TOXICITY']
            .action !== 'off' && scores[l] >= thresholds[l],
    );
  const otherPhases = result.reasons.some(
    (r) => r.code !== 'SPAM_CLASSIFIER' && !r.code.startsWith('TOXICITY_'),
  );
  return {
    row,
    group: groupOf(row),
    held: result.decision !== 'approve',
    heldByModel: overThreshold(view.scores),
    heldByRules: otherPhases || overThreshold(rules),
    decision: result.decision,
    codes: result.reasons.map((r) => r.code),
    model: view.scores,
    rules,
    both,
  };
});

const share = (xs: Judged[], right: (j: Judged) => boolean) => ({
  rows: xs.length,
  share: xs.length === 0 ? 0 : xs.filter(right).length / xs.length,
});
const rightFor = (j: Judged) =>
  j.group === 'clean' || j.group === 'ham-unrated' ? !j.held : j.held;
const of = (g: Group) => judged.filter((j) => j.group === g);
const productOf = (held: (j: Judged) => boolean) => ({
  toxicHeld: share(of('toxic'), held),
  cleanPublished: share(of('clean'), (j) => !held(j)),
  spamHeld: share(of('spam'), held),
  unratedHamPublished: share(of('ham-unrated'), (j) => !held(j)),
});
const product = productOf((j) => j.held);
const productBySystem = {
  model: productOf((j) => j.heldByModel),
  rules: productOf((j) => j.heldByRules),
  both: product,
};

const systems = {
  model: labelFigures(
    judged.map((j) => j.row),
    judged.map((j) => j.model),
    thresholds,
  ),
  rules: labelFigures(
    judged.map((j) => j.row),
    judged.map((j) => j.rules),
    thresholds,
  ),
  both: labelFigures(
    judged.map((j) => j.row),
    judged.map((j) => j.both),
    thresholds,
  ),
};

const by = (key: (r: CorpusRowT) => string) => {
  const groups = new Map<string, Judged[]>();
  for (const j of judged) {
    const k = key(j.row);
    groups.set(k, [...(groups.get(k) ?? []), j]);
  }
  return [...groups]
    .map(([k, xs]) => ({ key: k, ...share(xs, rightFor) }))
    .sort((a, b) => a.share - b.share || b.rows - a.rows);
};
const byKind = by((r) => `${groupOf(r)}:${r.kind}`);
const cleanByLanguage = by((r) => (groupOf(r) === 'clean' ? r.lang : '-')).filter(
  (x) => x.key !== '-',
);
const spamByLanguage = by((r) => (groupOf(r) === 'spam' ? r.lang : '-')).filter(
  (x) => x.key !== '-',
);
const toxicByLanguage = by((r) => (groupOf(r) === 'toxic' ? r.lang : '-')).filter(
  (x) => x.key !== '-',
);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`screening pipeline on the ${split} split: ${rows.length} hand-written rows\n`);
console.log(`${''.padEnd(20)} ${'model'.padStart(7)} ${'rules'.padStart(7)} ${'both'.padStart(7)}`);
for (const name of Object.keys(product) as Array<keyof typeof product>)
  console.log(
    `${name.padEnd(20)} ${(['model', 'rules', 'both'] as const).map((s) => pct(productBySystem[s][name].share).padStart(7)).join(' ')}  of ${product[name].rows}`,
  );
console.log('\nper attribute (at the site defaults): precision / recall / ROC-AUC');
console.log(`${'label'.padEnd(16)}${['model', 'rules', 'both'].map((s) => s.padEnd(24)).join('')}`);
for (const l of LABELS) {
  const cells = (['model', 'rules', 'both'] as const).map((s) => {
    const f = systems[s][l];
    return `${pct(f.precision)} / ${pct(f.recall)} / ${f.auc.toFixed(3)}`.padEnd(24);
  });
  console.log(`${l.padEnd(16)}${cells.join('')}`);
}
console.log('\nweakest kinds (share judged right):');
for (const k of byKind.slice(0, 15))
  console.log(`  ${pct(k.share).padStart(6)}  ${k.key} (${k.rows})`);
console.log('\nclean published by language:');
console.log(`  ${cleanByLanguage.map((x) => `${x.key} ${pct(x.share)} (${x.rows})`).join(', ')}`);
console.log('spam held by language:');
console.log(`  ${spamByLanguage.map((x) => `${x.key} ${pct(x.share)} (${x.rows})`).join(', ')}`);
console.log('toxic held by language:');
console.log(`  ${toxicByLanguage.map((x) => `${x.key} ${pct(x.share)} (${x.rows})`).join(', ')}`);

if (showMisses) {
  console.log('\nmisses:');
  for (const j of judged.filter((x) => !rightFor(x))) {
    console.log(
      `  [${j.group}/${j.row.kind}] ${j.decision} ${j.codes.join(',') || '-'} tox=${j.both.toxicity.toFixed(2)} spam=${j.both.spam.toFixed(2)}: ${j.row.text.slice(0, 140).replace(/\n/g, ' ')}`,
    );
  }
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/eval-screening-${split}.json`,
  `${JSON.stringify({ split, rows: rows.length, thresholds, product, productBySystem, systems, byKind, cleanByLanguage, spamByLanguage, toxicByLanguage }, null, 2)}\n`,
);
