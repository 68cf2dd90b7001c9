// Screening around the pure pipeline: loads the facts it needs (author history, floods, bans,
// the site's learned spam model), runs the remote providers concurrently under one time
// budget, applies the site's pre-moderation rule, and maps the decision to a stored status.
import type {
  CommentScreener,
  NewCommentFacts,
  ScreeningOutcome,
  StoredStatus,
} from '../comments/comments.service.js';
import type { Db } from '../db/database.js';
import { BannedError } from '../errors.js';
import type { Logger } from '../logger.js';
import { findActiveBan } from '../moderation/bans.repo.js';
import type { ModerationFeedback } from '../moderation/feedback.js';
import type { SiteSettings } from '../contracts/site-settings.js';
import type { SiteView } from '../sites/sites.service.js';
import type { FormTokens } from './form-tokens.js';
import { findLinks } from './links.js';
import { screenComment, checkToxicity, strongest } from './pipeline.js';
import type { AkismetClient } from './providers/akismet.js';
import { akismetFields } from './providers/akismet.js';
import { runProviders, type RemoteCheckInput, type RemoteProvider } from './providers/provider.js';
import { getScreeningHistory } from './screening.repo.js';
import { SpamModels } from './spam-models.js';
import {
  TOXICITY_ATTRIBUTES,
  type Decision,
  type FormTokenState,
  type Reason,
  type ScreeningResult,
} from './types.js';

export const DEFAULT_BUDGET_MS = 1_500;
const RECENT_WINDOW_MS = 10 * 60_000;
/** A repeated text counts as a duplicate for a day: "Thanks!" months later is a new comment. */
const DUPLICATE_WINDOW_MS = 86_400_000;

export interface ScreeningDeps {
  db: Db;
  log: Logger;
  formTokens: FormTokens;
  providers: RemoteProvider[];
  akismet: AkismetClient | null;
  budgetMs?: number;
}

export interface CheckVerdict {
  decision: 'approve' | 'warn' | 'hold' | 'reject';
  reasons: Reason[];
  scores: Record<string, number>;
}

export interface ScreeningService extends CommentScreener {
  /** Toxicity verdict for a draft, not stored ("Do you want to rephrase?"). */
  checkDraft(site: SiteView, text: string): CheckVerdict;
  /** Re-screens an edited body; the caller applies the new status. */
  screenEdit(site: SiteView, comment: EditedComment): Promise<ScreeningOutcome>;
  feedback: ModerationFeedback;
  spamModels: SpamModels;
}

export interface EditedComment {
  id: string;
  body: string;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  authorHash: string;
  ipHash: string;
}

const STATUS_OF: Record<Decision, StoredStatus> = {
  approve: 'approved',
  hold: 'pending',
  spam: 'spam',
  reject: 'rejected',
};

export function createScreeningService(deps: ScreeningDeps): ScreeningService {
  const budgetMs = deps.budgetMs ?? DEFAULT_BUDGET_MS;
  const spamModels = new SpamModels(deps.db);

  async function decide(
    site: SiteView,
    base: ScreeningResult,
    remoteInput: RemoteCheckInput,
    approvedByAuthor: number,
  ): Promise<ScreeningOutcome> {
    const settled = await runProviders(deps.providers, remoteInput, budgetMs);
    let decision = base.decision;
    const reasons = [...base.reasons];
    const scores: Record<string, number> = { ...base.scores };
    const providers: Record<string, string> = {};
    let toxic = base.reasons.some((r) => r.code.startsWith('TOXICITY'));
    for (const s of settled) {
      if (s.error) {
        providers[s.provider] = 'failed';
        deps.log.warn({ provider: s.provider, error: s.error }, 'screening provider failed');
        // Never publish unscreened: hold unless the site chose fail-open.
        reasons.push({
          code: 'PROVIDER_FAILED',
          message: `${s.error}; ${site.settings.failOpen ? 'published without it (fail-open)' : 'held for a moderator'}`,
        });
        if (!site.settings.failOpen) decision = strongest(decision, 'hold');
        continue;
      }
      providers[s.provider] = 'ok';
      const v = s.verdict!;
      reasons.push(...(v.reasons ?? []));
      if (v.spam === 'spam' || v.spam === 'discard') decision = strongest(decision, 'spam');
      for (const attr of TOXICITY_ATTRIBUTES) {
        const score = v.toxicity?.[attr];
        if (score === undefined) continue;
        scores[attr] = Math.max(scores[attr] ?? 0, score);
        const rule = site.settings.toxicity[attr];
        if (rule.action !== 'off' && rule.action !== 'warn' && score >= rule.threshold) {
          decision = strongest(decision, rule.action);
          toxic = true;
          reasons.push({
            code: `TOXICITY_${attr}`,
            message: `${s.provider}: ${attr.toLowerCase().replace('_', ' ')} (${score.toFixed(2)})`,
          });
        }
      }
    }
    const premod = premoderationReason(site.settings, remoteInput.text, approvedByAuthor);
    if (premod) {
      reasons.push(premod);
      decision = strongest(decision, 'hold');
    }
    const toxicityScore = Math.max(...TOXICITY_ATTRIBUTES.map((a) => scores[a] ?? 0));
    return {
      status: STATUS_OF[decision],
      details: {
        decision,
        reasons,
        warnings: base.warnings,
        scores,
        providers,
        screenedAt: new Date().toISOString(),
      },
      toxicityScore,
      spamScore: scores.spam ?? null,
      toxic,
      akismetParams: deps.akismet ? akismetFields(remoteInput) : null,
    };
  }

  return {
    spamModels,

    async screenNew(facts: NewCommentFacts): Promise<ScreeningOutcome> {
      const { site, post, input, now } = facts;
      const [hist, ban, spamModel] = await Promise.all([
        getScreeningHistory(deps.db, {
          siteId: site.id,
          postId: post.id,
          authorHash: facts.authorHash,
          ipHash: facts.ipHash,
          contentHash: facts.contentHash,
          since: new Date(now.getTime() - RECENT_WINDOW_MS),
          duplicateSince: new Date(now.getTime() - DUPLICATE_WINDOW_MS),
          now,
        }),
        findActiveBan(deps.db, site.id, { email: input.email, ipHash: facts.ipHash }, now),
        spamModels.get(site.id),
      ]);
      if (ban && site.settings.bannedAction === 'refuse') throw new BannedError();
      const formToken: FormTokenState = deps.formTokens.verify(
        input.formToken,
        site.id,
        post.slug,
        now.getTime(),
      );
      const base = screenComment({
        text: input.body,
        authorName: input.name,
        authorEmail: input.email,
        authorWebsite: input.website ?? null,
        honeypot: input.homepage ?? null,
        formToken,
        history: hist,
        banned: ban ? { kind: ban.kind as 'email' | 'ip' | 'domain', value: ban.value } : null,
        settings: site.settings,
        spamModel,
        isEdit: false,
      });
      return decide(
        site,
        base,
        {
          text: input.body,
          authorName: input.name,
          authorEmail: input.email,
          authorWebsite: input.website ?? null,
          ip: facts.client.ip,
          userAgent: facts.client.userAgent,
          referrer: facts.client.referrer,
          permalink: post.url,
          isEdit: false,
          createdAt: now,
        },
        hist.approvedByAuthor,
      );
    },

    async screenEdit(site, comment) {
      const [approved, spamModel, ban] = await Promise.all([
        deps.db.comment.count({
          where: {
            siteId: site.id,
            authorHash: comment.authorHash,
            status: 'approved',
            id: { not: comment.id },
          },
        }),
        spamModels.get(site.id),
        findActiveBan(
          deps.db,
          site.id,
          { email: comment.authorEmail, ipHash: comment.ipHash },
          new Date(),
        ),
      ]);
      if (ban && site.settings.bannedAction === 'refuse') throw new BannedError();
      const base = screenComment({
        text: comment.body,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        authorWebsite: comment.authorWebsite,
        honeypot: null,
        formToken: { status: 'ok', ageMs: 60_000 },
        history: {
          approvedByAuthor: approved,
          rejectedOrSpamByAuthor: 0,
          duplicateOnPost: false,
          recentFromIp: 0,
          recentFromEmail: 0,
          secondsSinceLastFromIpOrEmail: null,
        },
        banned: ban ? { kind: ban.kind as 'email' | 'ip' | 'domain', value: ban.value } : null,
        settings: site.settings,
        spamModel,
        isEdit: true,
      });
      const stored = await deps.db.comment.findUnique({
        where: { id: comment.id },
        select: {
          akismetParams: true,
          referrer: true,
          userAgent: true,
          createdAt: true,
          post: { select: { url: true } },
        },
      });
      const original = (stored?.akismetParams ?? {}) as Record<string, string>;
      return decide(
        site,
        base,
        {
          text: comment.body,
          authorName: comment.authorName,
          authorEmail: comment.authorEmail,
          authorWebsite: comment.authorWebsite,
          ip: original.user_ip ?? '',
          userAgent: stored?.userAgent ?? null,
          referrer: stored?.referrer ?? null,
          permalink: stored?.post.url ?? null,
          isEdit: true,
          createdAt: stored?.createdAt ?? new Date(),
        },
        approved,
      );
    },

    checkDraft(site, text) {
      const out = checkToxicity(text, site.settings);
      const decision: CheckVerdict['decision'] =
        out.decision === 'reject'
          ? 'reject'
          : out.decision === 'hold' || out.decision === 'spam'
            ? 'hold'
            : out.warnings.length > 0
              ? 'warn'
              : 'approve';
      return { decision, reasons: [...out.reasons, ...out.warnings], scores: out.scores };
    },

    feedback: {
      spam: (commentId) => learn(commentId, 'spam'),
      ham: (commentId) => learn(commentId, 'ham'),
    },
  };

  async function learn(commentId: string, label: 'spam' | 'ham'): Promise<void> {
    const comment = await deps.db.comment.findUnique({
      where: { id: commentId },
      select: {
        siteId: true,
        body: true,
        authorName: true,
        authorWebsite: true,
        akismetParams: true,
      },
    });
    if (!comment) return;
    await spamModels.learn(
      {
        siteId: comment.siteId,
        commentId,
        text: comment.body,
        authorName: comment.authorName,
        authorWebsite: comment.authorWebsite,
      },
      label,
    );
    const fields = comment.akismetParams as Record<string, string> | null;
    if (deps.akismet && fields) {
      try {
        await (label === 'spam' ? deps.akismet.submitSpam(fields) : deps.akismet.submitHam(fields));
      } catch (err) {
        deps.log.warn(
          { provider: 'Akismet', error: (err as Error).message, commentId },
          `Akismet submit-${label} failed`,
        );
      }
    }
  }
}

/** The site's pre-moderation rule, if it holds this comment. */
export function premoderationReason(
  settings: SiteSettings,
  text: string,
  approvedByAuthor: number,
): Reason | null {
  switch (settings.premoderation) {
    case 'everyone':
      return { code: 'PREMOD_ALL', message: 'Every comment on this site waits for a moderator' };
    case 'first-time':
      return approvedByAuthor === 0
        ? { code: 'PREMOD_NEW_AUTHOR', message: 'First comment from this author' }
        : null;
    case 'fewer-than':
      return approvedByAuthor < settings.premoderationMinApproved
        ? {
            code: 'PREMOD_FEW_APPROVED',
            message: `Author has ${approvedByAuthor} approved comments, fewer than ${settings.premoderationMinApproved}`,
          }
        : null;
    case 'links':
      return findLinks(text).length > 0
        ? { code: 'PREMOD_LINKS', message: 'Comments with links wait for a moderator' }
        : null;
    default:
      return null;
  }
}
