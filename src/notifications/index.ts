// Public face of email notifications: moderators' notices and digests, commenters' reply mail
// with double opt-in, the pages behind mail links, and each staff member's preferences. Mail is
// off (nothing queued, the settings API says so) when no SMTP_URL is configured.
import type { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import { notifyVisibleComment, subscribeToReplies } from './commenter-mail.service.js';
import { runDigests } from './digests.service.js';
import { createMailLinks } from './links.js';
import type { MailMessage, MailQueue } from './mail-message.js';
import { createMailTransport, type MailTransport } from './mail-transport.js';
import { notifyModerators } from './moderator-mail.service.js';
import { notificationsRouter } from './notifications.routes.js';
import { getCommentForMail, isAuthorVerified, spendTokensOfComment } from './notifications.repo.js';
import type { NotifyDeps } from './notify-deps.js';

export { MailMessage, type MailQueue } from './mail-message.js';
export { createMailTransport, type MailTransport } from './mail-transport.js';
export type { DecisionAction } from './notify-deps.js';

/** How often the digest timer looks for due digests and weekly summaries. */
const DIGEST_TICK_MS = 60_000;

export interface NotificationsModule {
  router: Router;
  mailEnabled: boolean;
  /** Sends whatever hourly, daily and weekly mail is due (the timer calls it too). */
  runDigests(): Promise<void>;
  /** Screening's and moderation's trust signal: the author confirmed their address. */
  isAuthorVerified(authorHash: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface NotificationsModuleDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  secret: string;
  publicUrl: string;
  mail: { smtpUrl: string; from: string; hourlyCap: number } | undefined;
  guard: AuthGuard;
  decide: NotifyDeps['decide'];
  /** Where mails go; default: sent at once by SMTP with a few retries in memory. */
  queue?: (transport: MailTransport) => MailQueue;
  now?: () => number;
}

export function createNotificationsModule(deps: NotificationsModuleDeps): NotificationsModule {
  const transport = deps.mail
    ? createMailTransport({
        smtpUrl: deps.mail.smtpUrl,
        from: deps.mail.from,
        domain: new URL(deps.publicUrl).hostname,
      })
    : null;
  const direct = transport ? directQueue(transport, deps.log) : null;
  const queue: MailQueue =
    transport && deps.queue ? deps.queue(transport) : (direct ?? { enqueue: async () => {} });
  const notify: NotifyDeps = {
    db: deps.db,
    queue,
    links: createMailLinks(deps.secret),
    log: deps.log,
    publicUrl: deps.publicUrl,
    hourlyCap: deps.mail?.hourlyCap ?? 10,
    decide: deps.decide,
    now: deps.now ?? Date.now,
  };
  const unsubscribe: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  if (transport) {
    unsubscribe.push(
      deps.events.subscribe('comment.created', async (e) => {
        if (e.notifyReplies) await subscribeToReplies(notify, e.commentId);
        if (e.status === 'approved')
          await notifyVisibleComment(notify, e.commentId, { approvedByModerator: false });
        else await notifyHeld(notify, e.commentId);
      }),
      deps.events.subscribe('comment.status-changed', async (e) => {
        // Decided elsewhere: the decision links in mails about it are spent.
        if (e.from === 'pending') await spendTokensOfComment(deps.db, e.commentId, new Date());
        if (e.to === 'approved')
          await notifyVisibleComment(notify, e.commentId, {
            approvedByModerator: e.from === 'pending',
          });
      }),
      deps.events.subscribe('comment.reported', (e) =>
        notifyModerators(notify, e.commentId, 'reported'),
      ),
    );
    timer = setInterval(() => {
      runDigests(notify).catch((err) =>
        deps.log.error({ err: (err as Error)?.message }, 'digest run failed'),
      );
    }, DIGEST_TICK_MS);
    timer.unref();
  }
  return {
    router: notificationsRouter(notify, deps.guard, transport !== null),
    mailEnabled: transport !== null,
    runDigests: () => runDigests(notify),
    isAuthorVerified: (hash) => isAuthorVerified(deps.db, hash),
    async close() {
      if (timer) clearInterval(timer);
      for (const off of unsubscribe) off();
      await direct?.settle();
      transport?.close();
    },
  };
}

/** Held, or flagged toxic (a toxic comment may be held or rejected outright). */
async function notifyHeld(deps: NotifyDeps, commentId: string): Promise<void> {
  const comment = await getCommentForMail(deps.db, commentId);
  if (!comment) return;
  if (comment.toxic && comment.status !== 'spam') await notifyModerators(deps, commentId, 'toxic');
  else if (comment.status === 'pending') await notifyModerators(deps, commentId, 'held');
}

/**
 * Until a durable outbox is bound (server.ts), mails go out at once, retried in memory a few
 * times: a restart during an SMTP outage loses what was still waiting.
 */
function directQueue(transport: MailTransport, log: Logger) {
  const inFlight = new Set<Promise<void>>();
  const attempt = async (m: MailMessage) => {
    for (let tries = 1; ; tries++) {
      try {
        await transport.send(m);
        return;
      } catch (err) {
        if (tries >= 5) {
          log.error({ err: (err as Error)?.message, key: m.key }, 'mail could not be sent');
          return;
        }
        await new Promise((r) => setTimeout(r, 500 * 2 ** tries).unref());
      }
    }
  };
  return {
    async enqueue(m: MailMessage) {
      const p = attempt(m).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    async settle() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
