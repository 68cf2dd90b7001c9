// Offline figures for labelled rows: per label precision/recall/F1/ROC-AUC, and the three
// product figures (toxic held, clean published, spam held), overall and by group. The scores
// can come from the model, the rules, or both; the functions only see numbers.
import { LABELS, type Label } from './labels.js';
import { atThreshold, rocAuc } from './metrics.js';

/** The attributes a site holds on by default (profanity alone is 'off': "holy shit, what a goal" is fine). */
export const HOLD_LABELS = [
  'toxicity',
  'severe_toxicity',
  'insult',
  'threat',
  'identity_attack',
] as const satisfies readonly Label[];

export interface LabelledRow {
  labels: Record<Label, 0 | 1 | null>;
}

export type Scores = Record<Label, number>;

/** 'unknown': not spam, and nobody said whether it is toxic (legacy ham): in no product figure. */
export type Group = 'spam' | 'toxic' | 'clean' | 'unknown';

/** Spam first (a spam comment is judged as spam), then toxic, then clean; a null toxicity is unknown. */
export function groupOf(row: LabelledRow): Group {
  if (row.labels.spam === 1) return 'spam';
  if (row.labels.toxicity === 1) return 'toxic';
  return row.labels.toxicity === 0 ? 'clean' : 'unknown';
}

export function isHeldAsToxic(s: Scores, thresholds: Record<Label, number>): boolean {
  return HOLD_LABELS.some((l) => s[l] >= thresholds[l]);
}

export function isHeldAsSpam(s: Scores, thresholds: Record<Label, number>): boolean {
  return s.spam >= thresholds.spam;
}

/**
 * The product's verdict on a row: toxic rows must be held, spam rows held as spam, clean rows
 * published; an unknown row (see groupOf) has no verdict (null).
 */
export function judgedRight(
  row: LabelledRow,
  s: Scores,
  thresholds: Record<Label, number>,
): boolean | null {
  const g = groupOf(row);
  if (g === 'spam') return isHeldAsSpam(s, thresholds);
  if (g === 'toxic') return isHeldAsToxic(s, thresholds);
  if (g === 'unknown') return null;
  return !isHeldAsToxic(s, thresholds) && !isHeldAsSpam(s, thresholds);
}

export interface LabelFigures {
  rows: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
}

export function labelFigures(
  rows: readonly LabelledRow[],
  scores: readonly Scores[],
  thresholds: Record<Label, number>,
): Record<Label, LabelFigures> {
  const out = {} as Record<Label, LabelFigures>;
  for (const label of LABELS) {
    const s: number[] = [];
    const y: number[] = [];
    rows.forEach((r, i) => {
      const v = r.labels[label];
      if (v === null) return;
      s.push(scores[i]![label]);
      y.push(v);
    });
    const t = atThreshold(s, y, thresholds[label]);
    out[label] = {
      rows: s.length,
      positives: t.tp + t.fn,
      precision: t.precision,
      recall: t.recall,
      f1: t.f1,
      auc: rocAuc(s, y),
    };
  }
  return out;
}

export interface ProductFigures {
  toxicHeld: { n: number; of: number; share: number };
  cleanPublished: { n: number; of: number; share: number };
  spamHeld: { n: number; of: number; share: number };
}

export function productFigures(
  rows: readonly LabelledRow[],
  scores: readonly Scores[],
  thresholds: Record<Label, number>,
): ProductFigures {
  const c: Record<Exclude<Group, 'unknown'>, { n: number; of: number }> = {
    toxic: { n: 0, of: 0 },
    clean: { n: 0, of: 0 },
    spam: { n: 0, of: 0 },
  };
  rows.forEach((r, i) => {
    const group = groupOf(r);
    if (group === 'unknown') return;
    const g = c[group];
    g.of++;
    if (judgedRight(r, scores[i]!, thresholds)) g.n++;
  });
  const f = ({ n, of }: { n: number; of: number }) => ({ n, of, share: of === 0 ? 1 : n / of });
  return { toxicHeld: f(c.toxic), cleanPublished: f(c.clean), spamHeld: f(c.spam) };
}

/** Share judged right per value of `key` (kind, language, file), largest groups first; unknown rows are left out. */
export function judgedRightBy<R extends LabelledRow>(
  rows: readonly R[],
  scores: readonly Scores[],
  thresholds: Record<Label, number>,
  key: (r: R) => string,
): Array<{ key: string; rows: number; right: number; share: number }> {
  const m = new Map<string, [number, number]>();
  rows.forEach((r, i) => {
    const right = judgedRight(r, scores[i]!, thresholds);
    if (right === null) return;
    const k = key(r);
    const e = m.get(k) ?? [0, 0];
    e[1]++;
    if (right) e[0]++;
    m.set(k, e);
  });
  return [...m]
    .map(([k, [right, n]]) => ({ key: k, rows: n, right, share: right / n }))
    .sort((a, b) => b.rows - a.rows || (a.key < b.key ? -1 : 1));
}

/** Per label, the larger of two scores ("both": the model and the rules, either may hold). */
export function maxScores(a: Scores, b: Scores): Scores {
  return Object.fromEntries(LABELS.map((l) => [l, Math.max(a[l], b[l])])) as Scores;
}
