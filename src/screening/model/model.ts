// The trained screening model at run time: load the artifact once, then score comments. Pure:
// no I/O (the caller reads the JSON), no clock, no randomness.
import { ArtifactSchema, decodeBuckets, decodeInt8, type Artifact } from './artifact.js';
import {
  extractFeatures,
  sourceName,
  type CommentInput,
  type FeatureConfig,
  type FeatureVector,
} from './features.js';
import { LABELS, type Label } from './labels.js';
import { looksEnglish } from './segment.js';

/** One per bucket and label, in LABELS order; stride 8 keeps a bucket's weights in one cache line. */
const STRIDE = 8;
const L = LABELS.length;
// logitsOf reads a bucket's labels into seven locals
if (L !== 7) throw new Error('screening model: logitsOf is written for seven labels');
const SPAM = LABELS.indexOf('spam');

export interface ScreeningModel {
  readonly version: number;
  readonly features: Readonly<FeatureConfig>;
  /** int8 weights, bucket * STRIDE + label */
  readonly weights: Int8Array;
  /** the same weights as two int32 words a bucket: both 0 where every label's weight is */
  readonly weightWords: Int32Array;
  readonly scale: Float64Array;
  readonly bias: Float64Array;
  readonly calibA: Float64Array;
  readonly calibB: Float64Array;
  /** calibB for comments that do not read as English (see segment.ts) */
  readonly calibBOther: Float64Array;
  /** stacked calibration weights, label * L + k, or null (plain Platt) */
  readonly calibStack: Float64Array | null;
  /** suggested thresholds on the calibrated scores */
  readonly thresholds: Readonly<Record<Label, number>>;
  /** the learnt features with the largest weights per label, as text */
  readonly topFeatures: Readonly<Record<Label, { positive: TopFeature[]; negative: TopFeature[] }>>;
  readonly training: Readonly<Record<string, unknown>>;
}

export interface TopFeature {
  feature: string;
  weight: number;
}

export interface ScoreResult {
  /** calibrated probability per label */
  scores: Record<Label, number>;
  /** the words, word pairs and shape features of this comment that raised each label's score most */
  top: Record<Label, TopFeature[]>;
}

/** Validates and unpacks a model artifact (the parsed JSON, or its text). */
export function loadScreeningModel(json: unknown): ScreeningModel {
  const artifact: Artifact = ArtifactSchema.parse(
    typeof json === 'string' ? JSON.parse(json) : json,
  );
  const f = artifact.features;
  if (f.charMin > f.charMax) throw new Error('screening model: charMin > charMax');
  const size = 2 ** f.hashBits;
  const weights = new Int8Array(size * STRIDE);
  const scale = new Float64Array(L);
  const bias = new Float64Array(L);
  const calibA = new Float64Array(L);
  const calibB = new Float64Array(L);
  const calibBOther = new Float64Array(L);
  const stacked = LABELS.some((label) => artifact.labels[label].calibration.stack);
  const calibStack = stacked ? new Float64Array(L * L) : null;
  LABELS.forEach((label, l) => {
    const m = artifact.labels[label];
    const buckets = decodeBuckets(m.buckets, m.nonZero);
    const values = decodeInt8(m.weights, m.nonZero);
    for (let i = 0; i < buckets.length; i++) {
      const b = buckets[i]!;
      if (b >= size) throw new Error(`screening model: ${label} bucket ${b} out of range`);
      weights[b * STRIDE + l] = values[i]!;
    }
    scale[l] = m.scale;
    bias[l] = m.bias;
    calibA[l] = m.calibration.a;
    calibB[l] = m.calibration.b;
    calibBOther[l] = m.calibration.otherB ?? m.calibration.b;
    if (calibStack) {
      const w = m.calibration.stack;
      // a label without stack weights keeps its own Platt slope
      for (let k = 0; k < L; k++) calibStack[l * L + k] = w ? w[k]! : k === l ? m.calibration.a : 0;
    }
  });
  const per = <T>(f: (l: Label) => T) =>
    Object.fromEntries(LABELS.map((l) => [l, f(l)])) as Record<Label, T>;
  return {
    version: artifact.version,
    features: Object.freeze({ ...f }),
    weights,
    weightWords: new Int32Array(weights.buffer, weights.byteOffset, weights.length >> 2),
    scale,
    bias,
    calibA,
    calibB,
    calibBOther,
    calibStack,
    thresholds: Object.freeze(per((l) => artifact.labels[l].threshold)),
    topFeatures: Object.freeze(per((l) => artifact.labels[l].top)),
    training: Object.freeze({ ...artifact.training }),
  };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Raw log-odds per label (before calibration), from an extracted feature vector. */
export function logitsOf(model: ScreeningModel, fv: FeatureVector): Float64Array {
  const W = model.weights;
  // a third of a comment's features land in buckets every label left at zero: one look at the
  // bucket's two int32 words skips them instead of seven loads
  const words = model.weightWords;
  const { index, value } = fv;
  // seven accumulators in locals, not an array: this loop is the scorer's hot path
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let a4 = 0;
  let a5 = 0;
  let a6 = 0;
  for (let i = 0; i < fv.shared; i++) {
    const bucket = index[i]!;
    if (words[2 * bucket] === 0 && words[2 * bucket + 1] === 0) continue;
    const b = bucket * STRIDE;
    const v = value[i]!;
    a0 += W[b]! * v;
    a1 += W[b + 1]! * v;
    a2 += W[b + 2]! * v;
    a3 += W[b + 3]! * v;
    a4 += W[b + 4]! * v;
    a5 += W[b + 5]! * v;
    a6 += W[b + 6]! * v;
  }
  const acc = Float64Array.of(a0, a1, a2, a3, a4, a5, a6);
  // name and website features only ever count for spam
  for (let i = fv.shared; i < fv.length; i++)
    acc[SPAM] = acc[SPAM]! + W[index[i]! * STRIDE + SPAM]! * value[i]!;
  for (let l = 0; l < L; l++) acc[l] = model.bias[l]! + model.scale[l]! * acc[l]!;
  return acc;
}

/** Each source's contribution to label l's raw sum (before the label's scale), in `contrib`. */
function contributionsTo(
  model: ScreeningModel,
  fv: FeatureVector,
  l: number,
  contrib: Float64Array,
): void {
  const W = model.weights;
  const { index, value, source } = fv;
  contrib.fill(0);
  const end = l === SPAM ? fv.length : fv.shared;
  for (let i = 0; i < end; i++) {
    const w = W[index[i]! * STRIDE + l]!;
    if (w !== 0) contrib[source[i]!] = contrib[source[i]!]! + w * value[i]!;
  }
}

/** Calibrated probabilities per label, in LABELS order; `english`: the comment reads as English. */
export function calibrate(
  model: ScreeningModel,
  logits: Float64Array,
  english = true,
): Float64Array {
  const out = new Float64Array(L);
  const S = model.calibStack;
  const B = english ? model.calibB : model.calibBOther;
  for (let l = 0; l < L; l++) {
    let z = B[l]!;
    if (S) for (let k = 0; k < L; k++) z += S[l * L + k]! * logits[k]!;
    else z += model.calibA[l]! * logits[l]!;
    out[l] = sigmoid(z);
  }
  return out;
}

/**
 * Scores one comment: a calibrated probability per label, and per label the parts of this
 * comment (words with their character n-grams, word pairs, link/name/shape features) that pushed
 * its log-odds up most, with how much. `explain(label, probability)` picks the labels worth
 * explaining (default: all): most comments score near zero on most labels, and an explanation
 * costs a pass over the comment's features.
 */
export function scoreComment(
  model: ScreeningModel,
  input: CommentInput,
  options: { top?: number; explain?: (label: Label, probability: number) => boolean } = {},
): ScoreResult {
  const k = options.top ?? 5;
  const fv = extractFeatures(input, model.features, { transient: true });
  const probs = calibrate(model, logitsOf(model, fv), looksEnglish(fv.canonical.text));
  const scores = {} as Record<Label, number>;
  const top = {} as Record<Label, TopFeature[]>;
  let contrib: Float64Array | undefined;
  for (let l = 0; l < L; l++) {
    const label = LABELS[l]!;
    scores[label] = probs[l]!;
    top[label] = [];
    if (k === 0 || (options.explain && !options.explain(label, probs[l]!))) continue;
    if (!contrib) {
      contrib = contribScratch(fv.sourceCount);
      newNameCache(fv.sourceCount);
    }
    contributionsTo(model, fv, l, contrib);
    top[label] = topSources(fv, contrib, model.scale[l]!, k);
  }
  return { scores, top };
}

// Scratch state, reused between calls (scoring is synchronous and single-threaded): the
// contributions per source and label, the candidates of one label, and each source's name,
// which several labels' explanations share.
let contribBuffer = new Float64Array(8192);
function contribScratch(length: number): Float64Array {
  if (contribBuffer.length < length) contribBuffer = new Float64Array(length * 2);
  return contribBuffer.subarray(0, length);
}
let candidates = new Int32Array(64);
const mergedNames: string[] = [];
let mergedWeights = new Float64Array(64);
let takenScratch = new Uint8Array(64);
let nameStamp = new Uint32Array(4096);
const nameOf: string[] = [];
let nameGeneration = 0;
function newNameCache(sources: number): void {
  if (nameStamp.length < sources) nameStamp = new Uint32Array(sources * 2);
  nameGeneration = (nameGeneration + 1) >>> 0;
  if (nameGeneration === 0) {
    nameStamp.fill(0);
    nameGeneration = 1;
  }
}
function cachedSourceName(fv: FeatureVector, s: number): string {
  if (nameStamp[s] === nameGeneration) return nameOf[s]!;
  const name = sourceName(fv, s);
  nameStamp[s] = nameGeneration;
  nameOf[s] = name;
  return name;
}

/** The k sources with the largest positive contribution (a word written twice counts once, summed). */
function topSources(
  fv: FeatureVector,
  contrib: Float64Array,
  scale: number,
  k: number,
): TopFeature[] {
  // a few more candidates than k, since repeated words merge; kept in order of contribution
  // (then source), by insertion into a scratch array: this runs up to seven times a comment
  const want = 3 * k;
  if (candidates.length < want) {
    candidates = new Int32Array(want * 2);
    mergedWeights = new Float64Array(want * 2);
    takenScratch = new Uint8Array(want * 2);
  }
  const cand = candidates;
  let nc = 0;
  for (let s = 0; s < fv.sourceCount; s++) {
    const c = contrib[s]!;
    if (c <= 0) continue;
    if (nc === want && !(c > contrib[cand[want - 1]!]!)) continue;
    let i = nc < want ? nc++ : want - 1;
    while (i > 0 && contrib[cand[i - 1]!]! < c) {
      cand[i] = cand[i - 1]!;
      i--;
    }
    cand[i] = s;
  }
  // merge candidates of the same name (a handful: a linear scan beats a Map), then take the
  // k largest by rounded weight, ties by name
  const names = mergedNames;
  const weights = mergedWeights;
  let nm = 0;
  for (let i = 0; i < nc; i++) {
    const s = cand[i]!;
    const name = cachedSourceName(fv, s);
    let j = 0;
    while (j < nm && names[j] !== name) j++;
    if (j === nm) {
      names[nm] = name;
      weights[nm++] = 0;
    }
    weights[j] = weights[j]! + contrib[s]! * scale;
  }
  for (let j = 0; j < nm; j++) weights[j] = Math.round(weights[j]! * 1000) / 1000;
  const out: TopFeature[] = [];
  const taken = takenScratch.fill(0, 0, nm);
  for (let t = 0; t < k && t < nm; t++) {
    let best = -1;
    for (let j = 0; j < nm; j++) {
      if (taken[j]) continue;
      if (
        best < 0 ||
        weights[j]! > weights[best]! ||
        (weights[j] === weights[best] && names[j]! < names[best]!)
      )
        best = j;
    }
    taken[best] = 1;
    out.push({ feature: names[best]!, weight: weights[best]! });
  }
  return out;
}
