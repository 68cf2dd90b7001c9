// The moderator's view of a comment: everything a decision needs, including the author's
// email and history. Moderator-only: never returned by a public route.
import type { AuthorHistory, ModerationItem, ScreeningView } from '../contracts/moderation-api.js';
import type { Db } from '../db/database.js';
import { readScreeningDetails } from '../screening/index.js';

export type { AuthorHistory, ModerationItem, ScreeningView };
import { getAuthorHistory, getVerifiedAuthors, type ModerationRow } from './queue.repo.js';

const EMPTY_HISTORY: AuthorHistory = { approved: 0, rejected: 0, spam: 0, pending: 0 };

export function screeningView(stored: unknown): ScreeningView {
  const details = readScreeningDetails(stored);
  return {
    decision: details.decision,
    reasons: details.reasons,
    scores: details.scores,
    drivers: details.drivers ?? {},
  };
}

function historyKey(siteId: string, authorHash: string): string {
  return `${siteId}\0${authorHash}`;
}

export async function loadHistories(
  db: Db,
  rows: { siteId: string; authorHash: string }[],
): Promise<Map<string, AuthorHistory>> {
  const out = new Map<string, AuthorHistory>();
  if (rows.length === 0) return out;
  const groups = await getAuthorHistory(
    db,
    [...new Set(rows.map((r) => r.siteId))],
    [...new Set(rows.map((r) => r.authorHash))],
  );
  for (const g of groups) {
    const key = historyKey(g.siteId, g.authorHash);
    const h = out.get(key) ?? { ...EMPTY_HISTORY };
    if (g.status in h) h[g.status as keyof AuthorHistory] = g._count._all;
    out.set(key, h);
  }
  return out;
}

export function historyOf(
  histories: Map<string, AuthorHistory>,
  siteId: string,
  authorHash: string,
): AuthorHistory {
  return histories.get(historyKey(siteId, authorHash)) ?? { ...EMPTY_HISTORY };
}

export function toModerationItem(
  row: ModerationRow,
  history: AuthorHistory,
  authorVerified = false,
): ModerationItem {
  return {
    comment: {
      id: row.id,
      status: row.status,
      body: row.body,
      html: row.html,
      authorName: row.authorName,
      authorEmail: row.authorEmail,
      authorWebsite: row.authorWebsite,
      authorVerified,
      ipHash: row.ipHash,
      userAgent: row.userAgent,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      reportCount: row.reportCount,
      reportedAt: row.reportedAt?.toISOString() ?? null,
      toxic: row.toxic,
      toxicityScore: row.toxicityScore,
      spamScore: row.spamScore,
      screening: screeningView(row.screening),
    },
    post: {
      slug: row.post.slug,
      title: row.post.title,
      url: row.post.url,
      site: row.post.site.slug,
    },
    parent: row.parent,
    reports: row.reports.map((r) => ({
      reason: r.reason,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    })),
    history,
  };
}

export async function toModerationItems(db: Db, rows: ModerationRow[]): Promise<ModerationItem[]> {
  const [histories, verified] = await Promise.all([
    loadHistories(db, rows),
    getVerifiedAuthors(db, [...new Set(rows.map((r) => r.authorHash))]),
  ]);
  return rows.map((r) =>
    toModerationItem(r, historyOf(histories, r.siteId, r.authorHash), verified.has(r.authorHash)),
  );
}
