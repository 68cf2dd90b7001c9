// The labelled screening corpus (src/screening/corpus/*.jsonl): its row shape, its fixed
// train/dev/test split and a reader. Training and evaluation scripts read it; the server never does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LABELS, type Label } from './labels.js';

export const CORPUS_DIR = join(import.meta.dirname, '../corpus');
/**
 * Writers kept out of training, calibration and tuning: scored once, to say how a model does on
 * wording nobody it learned from wrote (`npm run eval:model -- --held-out`).
 */
export const HELD_OUT_DIR = join(CORPUS_DIR, 'held-out');

export { LABELS, type Label };

/** 1 or 0, or null where the row's writer did not say (older rows labelled only toxic/spam). */
const label = z.union([z.literal(0), z.literal(1), z.null()]);

export const CorpusRow = z.object({
  /** sha256 of the text, first 16 hex digits: stable, and a repeated text is found at once. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  text: z.string().min(1),
  name: z.string(),
  website: z.string().nullable(),
  lang: z.string().min(2).max(3),
  topic: z.string(),
  kind: z.string(),
  labels: z.object(
    Object.fromEntries(LABELS.map((l) => [l, label])) as Record<Label, typeof label>,
  ),
  origin: z.enum(['hand-written', 'legacy-hand-written', 'augmented']),
  split: z.enum(['train', 'dev', 'test']),
});
export type CorpusRowT = z.infer<typeof CorpusRow>;

export function corpusRowId(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 16);
}

/** 70% train, 15% dev, 15% test, by a hash of the text that never changes. */
export function splitOf(text: string): CorpusRowT['split'] {
  const h =
    createHash('sha256')
      .update(`split\0${text.normalize('NFC').trim()}`)
      .digest()
      .readUInt32BE(0) /
    2 ** 32;
  return h < 0.7 ? 'train' : h < 0.85 ? 'dev' : 'test';
}

export function readCorpus(dir = CORPUS_DIR): CorpusRowT[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  const rows: CorpusRowT[] = [];
  for (const file of files) {
    for (const [i, line] of readFileSync(join(dir, file), 'utf8').split('\n').entries()) {
      if (!line.trim()) continue;
      const parsed = CorpusRow.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(
          `${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
        );
      rows.push(parsed.data);
    }
  }
  return rows;
}
