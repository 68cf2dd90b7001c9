// The labelled screening corpus: src/screening/corpus/*.jsonl, one file per writer.
//
//   npx tsx scripts/screening-corpus.ts --import DIR   copy writers' raw files (part-*.jsonl,
//                                                       wave2-*.jsonl) into the corpus, adding
//                                                       id, origin and split to every row
//   npx tsx scripts/screening-corpus.ts --legacy       add the first wave's fixture texts
//   npx tsx scripts/screening-corpus.ts --check        validate every row, the split rule and
//                                                       that no text appears twice (a test runs it)
//   npx tsx scripts/screening-corpus.ts --stats        counts by origin, split, kind, label, language
//
// The split is a fixed function of the text (see splitOf), so a row never moves between train,
// dev and test, and a text added later lands where its hash puts it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  CORPUS_DIR,
  HELD_OUT_DIR,
  CorpusRow,
  corpusRowId,
  readCorpus,
  splitOf,
  type CorpusRowT,
} from '../src/screening/model/corpus.js';

const RawRow = CorpusRow.omit({ id: true, origin: true, split: true });

function writeFile(name: string, rows: CorpusRowT[]): void {
  writeFileSync(join(CORPUS_DIR, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

function importDir(dir: string): void {
  const files = readdirSync(dir)
    .filter(
      (f) => /^(part|wave\d+)-[\w-]+\.jsonl$/.test(f) && readFileSync(join(dir, f), 'utf8').trim(),
    )
    .sort();
  // Rows of the files being (re)imported do not count as seen: importing again replaces them.
  const others = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl') && !files.includes(f));
  const seen = new Set(
    others.flatMap((f) =>
      readFileSync(join(CORPUS_DIR, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ),
  );
  for (const file of files) {
    const rows: CorpusRowT[] = [];
    let skipped = 0;
    for (const [i, line] of readFileSync(join(dir, file), 'utf8').split('\n').entries()) {
      if (!line.trim()) continue;
      const parsed = RawRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      const id = corpusRowId(parsed.data.text);
      if (seen.has(id)) {
        skipped += 1;
        continue;
      }
      seen.add(id);
      rows.push({ id, ...parsed.data, origin: 'hand-written', split: splitOf(parsed.data.text) });
    }
    writeFile(basename(file), rows);
    console.log(
      `${file}: ${rows.length} rows${skipped ? ` (${skipped} repeated texts left out)` : ''}`,
    );
  }
}

/** The texts the project's authors wrote for the first screening issue, with what their labels say. */
function importLegacy(): void {
  const fixtures = join(import.meta.dirname, '../test/fixtures/screening');
  const seen = new Set(
    readCorpus()
      .filter((r) => r.origin !== 'legacy-hand-written')
      .map((r) => r.id),
  );
  const rows: CorpusRowT[] = [];
  const add = (
    text: string,
    kind: string,
    labels: CorpusRowT['labels'],
    name?: string,
    website?: string | null,
  ) => {
    const id = corpusRowId(text);
    if (seen.has(id)) return;
    seen.add(id);
    rows.push({
      id,
      text,
      name: name ?? 'Anonymous',
      website: website ?? null,
      lang: 'en',
      topic: 'mixed',
      kind,
      labels,
      origin: 'legacy-hand-written',
      split: splitOf(text),
    });
  };
  type Labels = CorpusRowT['labels'];
  const unknown = {
    severe_toxicity: null,
    insult: null,
    profanity: null,
    threat: null,
    identity_attack: null,
  };
  const zero = {
    severe_toxicity: 0,
    insult: 0,
    profanity: null,
    threat: 0,
    identity_attack: 0,
  } as const;
  const labelled = (
    toxicity: 0 | 1 | null,
    spam: 0 | 1,
    rest: typeof unknown | typeof zero,
  ): Labels => ({ toxicity, spam, ...rest });
  const lines = (f: string) =>
    readFileSync(join(fixtures, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, string>);
  for (const r of lines('eval-corpus.jsonl')) {
    if (r.repeatOf !== undefined) continue;
    const labels =
      r.label === 'spam'
        ? labelled(0, 1, zero)
        : r.label === 'toxic'
          ? labelled(1, 0, unknown)
          : labelled(0, 0, zero);
    add(r.text!, `legacy:${r.category}`, labels, r.name, r.website ?? null);
  }
  for (const r of lines('holdout-toxicity.jsonl'))
    add(
      r.text!,
      `legacy:${r.category}`,
      r.label === 'toxic' ? labelled(1, 0, unknown) : labelled(0, 0, zero),
    );
  for (const r of lines('training-corpus.jsonl'))
    add(
      r.text!,
      `legacy:${r.label}`,
      r.label === 'spam' ? labelled(0, 1, zero) : labelled(null, 0, unknown),
    );
  writeFile('legacy-fixtures.jsonl', rows);
  console.log(`legacy-fixtures.jsonl: ${rows.length} rows`);
}

function check(): void {
  const rows = readCorpus();
  const ids = new Set<string>();
  const problems: string[] = [];
  // The held-out writers (held-out/): never trained, calibrated or tuned on, so none of their
  // texts may also be in the corpus.
  const heldOut = readCorpus(HELD_OUT_DIR);
  for (const r of [...rows, ...heldOut]) {
    if (ids.has(r.id)) problems.push(`repeated text: ${r.id}`);
    ids.add(r.id);
    if (r.id !== corpusRowId(r.text)) problems.push(`id does not match text: ${r.id}`);
    if (r.split !== splitOf(r.text)) problems.push(`split moved: ${r.id}`);
    const l = r.labels;
    if (
      (l.insult === 1 || l.threat === 1 || l.identity_attack === 1 || l.severe_toxicity === 1) &&
      l.toxicity !== 1
    )
      problems.push(`sub-label without toxicity: ${r.id}`);
  }
  if (problems.length > 0) {
    console.error(problems.slice(0, 20).join('\n'));
    process.exit(1);
  }
  console.log(`corpus ok: ${rows.length} rows, ${heldOut.length} held out`);
}

function stats(): void {
  const rows = readCorpus();
  const count = (key: (r: CorpusRowT) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
  };
  const group = (r: CorpusRowT) =>
    r.labels.spam === 1 ? 'spam' : r.labels.toxicity === 1 ? 'toxic' : 'clean';
  console.log(
    JSON.stringify(
      {
        rows: rows.length,
        origin: count((r) => r.origin),
        split: count((r) => r.split),
        group: count(group),
        groupBySplit: count((r) => `${r.split}/${group(r)}`),
        labels: Object.fromEntries(
          Object.keys(rows[0]!.labels).map((k) => [
            k,
            rows.filter((r) => r.labels[k as keyof CorpusRowT['labels']] === 1).length,
          ]),
        ),
        languages: count((r) => r.lang),
        kinds: count((r) => r.kind),
      },
      null,
      1,
    ),
  );
}

const [flag, arg] = process.argv.slice(2);
if (flag === '--import' && arg) importDir(arg);
else if (flag === '--legacy') importLegacy();
else if (flag === '--check') check();
else if (flag === '--stats') stats();
else {
  console.error('usage: screening-corpus.ts --import DIR | --legacy | --check | --stats');
  process.exit(2);
}
