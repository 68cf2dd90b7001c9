/**
 * Offline evaluation of the pipeline over a labelled corpus (used by scripts/eval-screening.ts
 * and the quality-gate test). Contexts are realistic for a first-time commenter: valid form
 * token 20-120 s old, default settings, the base model; repeated texts get duplicateOnPost.
 */
import { defaultScreeningSettings } from './defaults.js';
import { screenComment } from './pipeline.js';
import { emptyCountTable, type CountTable } from './spam-classifier.js';
import type { Decision, ScreeningContext, ScreeningResult } from './types.js';

export type EvalLabel = 'clean' | 'toxic' | 'spam';

export interface EvalRow {
  text: string;
  label: EvalLabel;
  category: string;
  name?: string;
  website?: string;
  repeatOf?: number;
}

export interface ClassStats {
  total: number;
  approve: number;
  /** hold or reject */
  held: number;
  spam: number;
}

export interface EvalReport {
  perClass: Record<EvalLabel, ClassStats>;
  /**
   * Per class: for clean, precision/recall of "published"; for toxic, of "flagged for toxicity"
   * (not approved, with a TOXICITY_* reason); for spam, of "flagged as spam" (not approved, with
   * any other reason).
   */
  flagged: Record<EvalLabel, { precision: number; recall: number }>;
  targets: Array<{ name: string; value: number; target: number; met: boolean }>;
  misses: Array<{ index: number; row: EvalRow; result: ScreeningResult }>;
}

const emailOf = (name: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'anon'
  }@example.net`;

export function evaluateCorpus(rows: readonly EvalRow[], base: CountTable): EvalReport {
  const settings = defaultScreeningSettings();
  const learned = emptyCountTable();
  const seen = new Set<string>();
  const perClass: Record<EvalLabel, ClassStats> = {
    clean: { total: 0, approve: 0, held: 0, spam: 0 },
    toxic: { total: 0, approve: 0, held: 0, spam: 0 },
    spam: { total: 0, approve: 0, held: 0, spam: 0 },
  };
  const decisions: Decision[] = [];
  const results: ScreeningResult[] = [];
  const misses: EvalReport['misses'] = [];
  rows.forEach((row, index) => {
    const name = row.name ?? 'Guest';
    const normalised = row.text.trim().toLowerCase().replace(/\s+/g, ' ');
    const ctx: ScreeningContext = {
      text: row.text,
      authorName: name,
      authorEmail: emailOf(name),
      authorWebsite: row.website ?? null,
      honeypot: null,
      formToken: { status: 'ok', ageMs: 20_000 + ((index * 7919) % 100_000) },
      history: {
        approvedByAuthor: 0,
        rejectedOrSpamByAuthor: 0,
        duplicateOnPost: seen.has(normalised),
        recentFromIp: 0,
        recentFromEmail: 0,
        secondsSinceLastFromIpOrEmail: null,
      },
      banned: null,
      remote: [],
      settings,
      spamModel: { base, learned },
      isEdit: false,
    };
    seen.add(normalised);
    const result = screenComment(ctx);
    decisions.push(result.decision);
    results.push(result);
    const stats = perClass[row.label];
    stats.total++;
    if (result.decision === 'approve') stats.approve++;
    else if (result.decision === 'spam') stats.spam++;
    else stats.held++;
    const ok =
      row.label === 'clean' ? result.decision === 'approve' : result.decision !== 'approve';
    if (!ok) misses.push({ index, row, result });
  });

  const flagged = {} as EvalReport['flagged'];
  for (const label of ['clean', 'toxic', 'spam'] as const) {
    let tp = 0;
    let fp = 0;
    rows.forEach((row, i) => {
      const r = results[i]!;
      const toxicReason = r.reasons.some((x) => x.code.startsWith('TOXICITY_'));
      const otherReason = r.reasons.some((x) => !x.code.startsWith('TOXICITY_'));
      const hit =
        label === 'clean'
          ? r.decision === 'approve'
          : r.decision !== 'approve' && (label === 'toxic' ? toxicReason : otherReason);
      if (hit && row.label === label) tp++;
      else if (hit) fp++;
    });
    const total = perClass[label].total;
    flagged[label] = {
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: total === 0 ? 1 : tp / total,
    };
  }

  const pct = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const targets = [
    {
      name: 'clean published',
      value: pct(perClass.clean.approve, perClass.clean.total),
      target: 0.95,
    },
    {
      name: 'toxic held (hold, reject or spam)',
      value: pct(perClass.toxic.total - perClass.toxic.approve, perClass.toxic.total),
      target: 0.9,
    },
    {
      name: 'spam held or marked spam',
      value: pct(perClass.spam.total - perClass.spam.approve, perClass.spam.total),
      target: 0.95,
    },
  ].map((t) => ({ ...t, met: t.value >= t.target }));
  return { perClass, flagged, targets, misses };
}
