// Screening around the pure pipeline. For a new comment or an edit alike it loads the facts
// the phases need (author history, a ban, the site's learned model) while the remote providers
// run under one time budget, builds one context, and lets the pipeline decide: provider scores
// go through the same per-attribute toxicity decision as Parley's own, and pre-moderation is a
// phase like any other.
import { BannedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Db } from '../db/database.js';
import type { BanKind } from '../contracts/moderation-api.js';
import type { CheckResult } from '../contracts/public-api.js';
import { readAkismetParams, readScreeningDetails, type ScreeningDetails } from './details.js';
import type { FormTokens } from './form-tokens.js';
import { akismetFields, type AkismetClient } from './providers/akismet.js';
import { runProviders, type RemoteCheckInput, type RemoteProvider } from './providers/provider.js';
import { checkToxicity, screenComment } from './pipeline.js';
import { getLessonSource, getScreeningHistory } from './screening.repo.js';
import { ScreeningModels, type LessonTask } from './models.js';
import {
  TOXICITY_ATTRIBUTES,
  type Decision,
  type ScreeningContext,
  type ScreeningSettings,
} from './types.js';

export const DEFAULT_BUDGET_MS = 1_500;
const RECENT_WINDOW_MS = 10 * 60_000;
/** A repeated text counts as a duplicate for a day: "Thanks!" months later is a new comment. */
const DUPLICATE_WINDOW_MS = 86_400_000;

export type StoredStatus = 'approved' | 'pending' | 'spam' | 'rejected';

/** The site as screening needs it. */
export interface ScreenedSite {
  id: string;
  settings: ScreeningSettings & { bannedAction: 'refuse' | 'hold' };
}

/** The client a comment came from (its IP is never stored unless Akismet needs it). */
export interface ClientFacts {
  ip: string;
  userAgent: string | null;
  referrer: string | null;
}

/** Everything about one comment to screen, new or edited. */
export interface CommentFacts {
  site: ScreenedSite;
  post: { id: string; slug: string; url: string | null };
  author: { name: string; email: string; website: string | null; hash: string };
  body: string;
  ipHash: string;
  contentHash: string;
  client: ClientFacts;
  now: Date;
  /** A new comment's form: its signed token and the honeypot. Absent for an edit. */
  form?: { token: string | undefined; honeypot: string | null };
  /** Re-screening this stored comment (an author's edit). */
  editOf?: { id: string; createdAt: Date };
}

/** What screening decided for a comment. */
export interface ScreeningOutcome {
  status: StoredStatus;
  /** Decision, scores and reasons, stored for moderators (Comment.screening). */
  details: ScreeningDetails;
  toxicityScore: number | null;
  spamScore: number | null;
  /** A toxicity rule fired: the comment belongs in the toxic queue. */
  toxic: boolean;
  /** Akismet comment-check fields, kept (privately) for submit-spam / submit-ham. */
  akismetParams: Record<string, string> | null;
}

/** How screening finds a ban (moderation keeps the bans). */
export interface BanLookup {
  find(
    siteId: string,
    who: { email: string; ipHash: string },
    now: Date,
  ): Promise<{ kind: string; value: string } | null>;
}

/** The decisions screening learns from, as moderation reports them. */
export interface ModerationLessons {
  decided(commentId: string, action: 'approve' | 'reject' | 'spam' | 'not-spam'): Promise<void>;
}

export interface VerifiedAuthorLookup {
  isVerified(authorHash: string): Promise<boolean>;
}

export interface ScreenerDeps {
  db: Db;
  log: Logger;
  formTokens: FormTokens;
  bans: BanLookup;
  /** Whether an author confirmed their address (notifications' double opt-in). */
  verifiedAuthors?: VerifiedAuthorLookup;
  providers: RemoteProvider[];
  akismet: AkismetClient | null;
  budgetMs?: number;
  /** Told how long screening took and what it decided (metrics); screening runs the same without. */
  observer?: ScreeningObserver | undefined;
}

/** What screening reports of each comment it screens. */
export interface ScreeningObserver {
  /** Seconds a step took: "facts" (history, bans, model, providers), each phase, "pipeline". */
  phase(name: string, seconds: number): void;
  /** The decision and the codes of every reason. */
  screened(decision: string, reasons: readonly string[]): void;
}

const seconds = () => performance.now() / 1000;

export interface Screener {
  screen(facts: CommentFacts): Promise<ScreeningOutcome>;
  /** The verdict on a draft, not stored ("Do you want to rephrase?"): the same model as screen(). */
  checkDraft(siteId: string, settings: ScreeningSettings, text: string): Promise<CheckResult>;
  /** A moderator's decision teaches the site's learnt layers (and Akismet). */
  feedback: ModerationLessons;
  models: ScreeningModels;
}

const STATUS_OF: Record<Decision, StoredStatus> = {
  approve: 'approved',
  hold: 'pending',
  spam: 'spam',
  reject: 'rejected',
};

export function createScreener(deps: ScreenerDeps): Screener {
  const budgetMs = deps.budgetMs ?? DEFAULT_BUDGET_MS;
  const models = new ScreeningModels(deps.db);

  async function screen(facts: CommentFacts): Promise<ScreeningOutcome> {
    const { site, now } = facts;
    const remoteInput = remoteInputOf(facts);
    const observer = deps.observer;
    const started = observer ? seconds() : 0;
    const [stored, verifiedAuthor, ban, model, remote] = await Promise.all([
      getScreeningHistory(deps.db, {
        siteId: site.id,
        postId: facts.post.id,
        authorHash: facts.author.hash,
        ipHash: facts.ipHash,
        contentHash: facts.contentHash,
        since: new Date(now.getTime() - RECENT_WINDOW_MS),
        duplicateSince: new Date(now.getTime() - DUPLICATE_WINDOW_MS),
        now,
        ...(facts.editOf && { excludeCommentId: facts.editOf.id }),
      }),
      deps.verifiedAuthors?.isVerified(facts.author.hash) ?? false,
      deps.bans.find(site.id, { email: facts.author.email, ipHash: facts.ipHash }, now),
      models.forSite(site.id),
      runProviders(deps.providers, remoteInput, budgetMs),
    ]);
    const history = { ...stored, verifiedAuthor };
    if (ban && site.settings.bannedAction === 'refuse') throw new BannedError();
    for (const r of remote)
      if (r.error)
        deps.log.warn({ provider: r.provider, error: r.error }, 'screening provider failed');
    const context: ScreeningContext = {
      text: facts.body,
      authorName: facts.author.name,
      authorEmail: facts.author.email,
      authorWebsite: facts.author.website,
      honeypot: facts.form?.honeypot ?? null,
      formToken: facts.form
        ? deps.formTokens.verify(facts.form.token, site.id, facts.post.slug, now.getTime())
        : null,
      history,
      banned: ban ? { kind: ban.kind as BanKind, value: ban.value } : null,
      settings: site.settings,
      model,
      remote,
      isEdit: facts.editOf !== undefined,
    };
    const pipelineStarted = observer ? seconds() : 0;
    const result = screenComment(context, observer && seconds);
    if (observer) {
      observer.phase('facts', pipelineStarted - started);
      for (const [name, took] of result.timings ?? []) observer.phase(name, took);
      observer.phase('pipeline', seconds() - pipelineStarted);
      observer.screened(
        result.decision,
        result.reasons.map((r) => r.code),
      );
    }
    return {
      status: STATUS_OF[result.decision],
      details: {
        decision: result.decision,
        reasons: result.reasons,
        warnings: result.warnings,
        scores: result.scores,
        drivers: result.drivers,
        providers: Object.fromEntries(remote.map((r) => [r.provider, r.error ? 'failed' : 'ok'])),
        screenedAt: now.toISOString(),
      },
      toxicityScore: Math.max(...TOXICITY_ATTRIBUTES.map((a) => result.scores[a])),
      spamScore: result.scores.spam,
      toxic: result.reasons.some((r) => r.code.startsWith('TOXICITY')),
      akismetParams: deps.akismet ? akismetFields(remoteInput) : null,
    };
  }

  /**
   * What a decision teaches: spam / not spam the spam layer (and Akismet); reject ("reject as
   * toxic") the toxicity layer; approving a comment screening held teaches that it was not what
   * screening took it for.
   */
  async function decided(
    commentId: string,
    action: 'approve' | 'reject' | 'spam' | 'not-spam',
  ): Promise<void> {
    const comment = await getLessonSource(deps.db, commentId);
    if (!comment) return;
    const held = readScreeningDetails(comment.screening).reasons.map((r) => r.code);
    const heldAsSpam = held.some((c) => c.startsWith('SPAM_'));
    const lessons: Array<{ task: LessonTask; label: 0 | 1 }> = [];
    if (action === 'spam') lessons.push({ task: 'spam', label: 1 });
    if (action === 'not-spam' || (action === 'approve' && heldAsSpam))
      lessons.push({ task: 'spam', label: 0 });
    if (action === 'reject') lessons.push({ task: 'toxicity', label: 1 });
    if (action === 'approve' && comment.toxic) lessons.push({ task: 'toxicity', label: 0 });
    for (const lesson of lessons) {
      await models.learn({
        ...lesson,
        siteId: comment.siteId,
        commentId,
        text: comment.body,
        authorName: comment.authorName,
        authorWebsite: comment.authorWebsite,
      });
    }
    if (action !== 'spam' && action !== 'not-spam') return;
    const fields = readAkismetParams(comment.akismetParams);
    if (deps.akismet && fields) {
      const label = action === 'spam' ? 'spam' : 'ham';
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

  return {
    screen,
    models,
    async checkDraft(siteId, settings, text) {
      const out = checkToxicity(text, settings, await models.forSite(siteId));
      const decision: CheckResult['decision'] =
        out.decision === 'reject'
          ? 'reject'
          : out.decision === 'hold' || out.decision === 'spam'
            ? 'hold'
            : out.warnings.length > 0
              ? 'warn'
              : 'approve';
      return { decision, reasons: [...out.reasons, ...out.warnings], scores: out.scores };
    },
    feedback: { decided },
  };
}

/** What a remote provider is sent; an edit resends the original client facts. */
function remoteInputOf(facts: CommentFacts): RemoteCheckInput {
  return {
    text: facts.body,
    authorName: facts.author.name,
    authorEmail: facts.author.email,
    authorWebsite: facts.author.website,
    ip: facts.client.ip,
    userAgent: facts.client.userAgent,
    referrer: facts.client.referrer,
    permalink: facts.post.url,
    isEdit: facts.editOf !== undefined,
    createdAt: facts.editOf?.createdAt ?? facts.now,
  };
}
