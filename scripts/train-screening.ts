// Trains the screening model: fits on the corpus's train split (plus obfuscated copies of it),
// calibrates on the dev split, and writes src/screening/model/screening-model.json. The test split
// is never read. Deterministic: the same corpus and config give the same file, byte for byte.
//
//   npm run train:screening            write the artifact
//   npm run train:screening -- --check exit 1 if the committed artifact is not what training gives
import { readFileSync, writeFileSync } from 'node:fs';
import { readCorpus } from '../src/screening/model/corpus.js';
import { LABELS } from '../src/screening/model/labels.js';
import { SCREENING_MODEL_PATH } from '../src/screening/model/model-file.js';
import { DEFAULT_TRAIN_CONFIG, trainScreeningModel } from '../src/screening/model/train.js';

const t0 = performance.now();
const rows = readCorpus();
const train = rows.filter((r) => r.split === 'train');
const dev = rows.filter((r) => r.split === 'dev');
const { json, artifact, counts } = trainScreeningModel(train, dev, DEFAULT_TRAIN_CONFIG, {
  log: (l) => console.log(l),
});
const seconds = ((performance.now() - t0) / 1000).toFixed(1);

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(SCREENING_MODEL_PATH, 'utf8');
  } catch {
    // missing counts as different
  }
  if (committed !== json) {
    console.error(
      `${SCREENING_MODEL_PATH} is not what training gives (run npm run train:screening)`,
    );
    process.exit(1);
  }
  console.log(`artifact up to date (${seconds} s)`);
} else {
  writeFileSync(SCREENING_MODEL_PATH, json);
  console.log(
    `trained on ${counts.train} rows + ${counts.augmented} augmented, calibrated on ${counts.dev} dev rows in ${seconds} s`,
  );
  for (const l of LABELS)
    console.log(
      `  ${l.padEnd(16)} ${String(artifact.labels[l].nonZero).padStart(6)} weights  calibration a=${artifact.labels[l].calibration.a.toFixed(3)} b=${artifact.labels[l].calibration.b.toFixed(3)}`,
    );
  console.log(`wrote ${SCREENING_MODEL_PATH} (${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB)`);
}
