// A site's own layer on top of the shipped model, learnt from its moderators' decisions. It is
// a small logistic regression over words and word pairs, trained on the base model's residual
// (each example's base log-odds is its offset), so it only learns what the base model gets wrong
// on this site. Three guards keep a handful of decisions from condemning ordinary comments:
// - it acts only once the site has MIN_DECISIONS decisions for the task, both ways;
// - the site's recently published comments are background examples of "fine here", so words
//   every comment uses cancel out and only words particular to the decided comments count;
// - a word needs SUPPORT decided comments behind it, and the layer's shift is capped at CAP
//   log-odds (a 0.2 base score can reach 0.4, not 0.9).
// Pure: the caller loads the examples and the base scores.
import { canonicalize } from './model/canonicalize.js';

/** Decisions of a task a site needs before its layer acts at all. */
export const MIN_DECISIONS = 12;
/** The decisions must include this many of each side (spam and not spam, toxic and civil). */
const MIN_EACH_SIDE = 3;
/** Largest shift, in log-odds, the layer may apply to a base score. */
export const CAP = 1.0;
/** Decided comments a word must appear in before the layer gives it any weight. */
const SUPPORT = 3;
const EPOCHS = 8;
const LEARNING_RATE = 0.2;
/** L2 pull towards zero per update: keeps single words small. */
const L2 = 0.02;
/** A background comment counts this much against a decision. */
const BACKGROUND_WEIGHT = 0.5;

export interface LayerExample {
  text: string;
  name?: string | null;
  website?: string | null;
  /** 1: what the task looks for (spam, toxic); 0: not */
  label: 0 | 1;
  /** the base model's log-odds for this example */
  offset: number;
  /** background examples (published comments nobody decided on) count less */
  background?: boolean;
}

export interface SiteLayer {
  /** decisions it was trained on */
  readonly decisions: number;
  readonly weights: ReadonlyMap<string, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words, word pairs and (for spam) the author's name words and website host of a comment. */
export function layerFeatures(input: {
  text: string;
  name?: string | null;
  website?: string | null;
}): string[] {
  const words = canonicalize(input.text).leet.match(WORD) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i > 0) out.add(`${words[i - 1]} ${words[i]}`);
  }
  for (const w of input.name?.toLowerCase().match(WORD) ?? []) out.add(`name:${w}`);
  const host = hostOf(input.website);
  if (host) out.add(`site:${host}`);
  return [...out];
}

function hostOf(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return new URL(/^https?:\/\//i.test(website) ? website : `http://${website}`).hostname.replace(
      /^www\./,
      '',
    );
  } catch {
    return null;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Trains a site's layer, or returns null while it has too few decisions to act. */
export function trainSiteLayer(examples: readonly LayerExample[]): SiteLayer | null {
  const decided = examples.filter((e) => !e.background);
  const positives = decided.filter((e) => e.label === 1).length;
  const negatives = decided.length - positives;
  if (
    decided.length < MIN_DECISIONS ||
    positives < MIN_EACH_SIDE ||
    negatives + (examples.length - decided.length) < MIN_EACH_SIDE
  ) {
    return null;
  }
  const featured = examples.map((e) => ({ e, f: layerFeatures(e) }));
  const support = new Map<string, number>();
  for (const { e, f } of featured) {
    if (e.background) continue;
    for (const x of f) support.set(x, (support.get(x) ?? 0) + 1);
  }
  const usable = (x: string) => (support.get(x) ?? 0) >= SUPPORT;
  const rows = featured.map(({ e, f }) => ({ e, f: f.filter(usable) })).filter((r) => r.f.length);
  const w = new Map<string, number>();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch);
    for (const { e, f } of rows) {
      let z = e.offset;
      for (const x of f) z += w.get(x) ?? 0;
      const g = (sigmoid(z) - e.label) * (e.background ? BACKGROUND_WEIGHT : 1);
      for (const x of f) {
        const v = w.get(x) ?? 0;
        w.set(x, v - rate * (g + L2 * v));
      }
    }
  }
  for (const [x, v] of w) if (Math.abs(v) < 0.01) w.delete(x);
  return { decisions: decided.length, weights: w };
}

/** The layer's shift for one comment, in log-odds, within ±CAP. */
export function layerShift(
  layer: SiteLayer | null,
  input: { text: string; name?: string | null; website?: string | null },
): number {
  if (!layer || layer.weights.size === 0) return 0;
  let z = 0;
  for (const x of layerFeatures(input)) z += layer.weights.get(x) ?? 0;
  return Math.max(-CAP, Math.min(CAP, z));
}
