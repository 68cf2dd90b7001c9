// The committed model file (screening-model.json): its zod schema and the compact encoding of
// sparse weights: sorted bucket indices as delta varints and int8 weights (times a per-label
// scale), both base64. A label's weights are w[bucket] = scale * int8.
import { z } from 'zod';
import { LABELS, type Label } from './labels.js';

export const ARTIFACT_FORMAT = 'parley-screening-model';
export const ARTIFACT_VERSION = 1;

export const FeatureConfigSchema = z.object({
  hashBits: z.number().int().min(10).max(24),
  charMin: z.number().int().min(1).max(8),
  charMax: z.number().int().min(1).max(8),
  wordBigrams: z.boolean(),
  crossWord: z.boolean(),
  binary: z.boolean(),
  normPower: z.number().min(0).max(1),
  wordTrigrams: z.boolean().optional(),
  skipBigrams: z.boolean().optional(),
  targetWindow: z.number().int().min(0).max(10).optional(),
  stemWords: z.boolean().optional(),
  stemContext: z.boolean().optional(),
});

const TopFeature = z.object({ feature: z.string(), weight: z.number() });

export const LabelModelSchema = z.object({
  bias: z.number(),
  scale: z.number().positive(),
  nonZero: z.number().int().nonnegative(),
  /** base64 of LEB128 varints: the first bucket, then the gaps between sorted buckets */
  buckets: z.string(),
  /** base64 of one signed byte per bucket */
  weights: z.string(),
  /** Platt scaling fitted on the dev split: p = 1 / (1 + exp(-(a * logit + b))) */
  calibration: z.object({
    a: z.number(),
    b: z.number(),
    /** stacked: p = 1 / (1 + exp(-(b + sum_k stack[k] * logit_k))) over every label's logit, in LABELS order (then `a` is unused) */
    stack: z.array(z.number()).length(LABELS.length).optional(),
    /** `b` for a comment that does not read as English (segment.ts); absent: `b` for all */
    otherB: z.number().optional(),
  }),
  /** the suggested site threshold on the calibrated score */
  threshold: z.number().min(0).max(1),
  /** the features with the largest weights, as text, for explanations */
  top: z.object({ positive: z.array(TopFeature), negative: z.array(TopFeature) }),
});
export type LabelModel = z.infer<typeof LabelModelSchema>;

export const ArtifactSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(ARTIFACT_VERSION),
  features: FeatureConfigSchema,
  training: z.record(z.string(), z.unknown()),
  labels: z.object(
    Object.fromEntries(LABELS.map((l) => [l, LabelModelSchema])) as Record<
      Label,
      typeof LabelModelSchema
    >,
  ),
});
export type Artifact = z.infer<typeof ArtifactSchema>;

/** Sorted, distinct bucket indices as base64 delta varints. */
export function encodeBuckets(buckets: ArrayLike<number>): string {
  const bytes: number[] = [];
  let prev = 0;
  for (let i = 0; i < buckets.length; i++) {
    let d = buckets[i]! - prev;
    prev = buckets[i]!;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return Buffer.from(bytes).toString('base64');
}

export function decodeBuckets(b64: string, count: number): Int32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out = new Int32Array(count);
  let pos = 0;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      if (pos >= bytes.length) throw new Error('screening model: bucket list is truncated');
      const b = bytes[pos++]!;
      d |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    prev += d;
    out[i] = prev;
  }
  if (pos !== bytes.length)
    throw new Error('screening model: bucket list is longer than its count');
  return out;
}

export function encodeInt8(values: Int8Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

export function decodeInt8(b64: string, count: number): Int8Array {
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length !== count)
    throw new Error('screening model: weight count does not match its buckets');
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
