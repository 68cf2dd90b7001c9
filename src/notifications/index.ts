// Public face of email notifications: moderators' notices and digests, commenters' reply mail
// with double opt-in, the pages behind mail links, and each staff member's preferences. Mail is
// off (nothing queued, the settings API says so) when no SMTP_URL is configured.
import type { Router } from 'express';
import type { Actor, AuthGuard, InvitationView } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import { runDigests } from './digests.service.js';
import { mailInvitation } from './invitation-mail.service.js';
import { createMailLinks } from './links.js';
import { inTransaction } from '../db/database.js';
import type { Outbox, OutboxHandler } from '../outbox/index.js';
import { MailMessage, type MailQueue } from './mail-message.js';
import { createMailTransport, type MailTransport } from './mail-transport.js';
import { mailRecorder } from './mail.recorder.js';
import { notificationsRouter } from './notifications.routes.js';
import { insertMailLog, isAuthorVerified } from './notifications.repo.js';
import type { NotifyDeps } from './notify-deps.js';

export { MailMessage, type MailQueue } from './mail-message.js';
export { createMailTransport, type MailTransport } from './mail-transport.js';
export type { DecisionAction } from './notify-deps.js';

/** Screening's trust signal: the author confirmed their address (built before this module). */
export function verifiedAuthorLookup(db: Db) {
  return { isVerified: (authorHash: string) => isAuthorVerified(db, authorHash) };
}

/** How often the digest timer looks for due digests and weekly summaries. */
const DIGEST_TICK_MS = 60_000;

export interface NotificationsModule {
  router: Router;
  mailEnabled: boolean;
  /** The outbox worker's "email" handler: sends one queued mail by SMTP. */
  handler: OutboxHandler;
  /** Sends whatever hourly, daily and weekly mail is due (the timer calls it too), as of `at`. */
  runDigests(at?: number): Promise<void>;
  /** Screening's and moderation's trust signal: the author confirmed their address. */
  isAuthorVerified(authorHash: string): Promise<boolean>;
  /** Mails an invitation's link to the invitee, when mail is on (nothing otherwise). */
  mailInvitation(
    inviter: Actor,
    invited: { invitation: InvitationView; link: string },
  ): Promise<void>;
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
  /** Every mail is a row of the outbox (retries, back-off, nothing twice). */
  outbox: Outbox;
  /** Tells the outbox worker that something was queued. */
  nudge: () => void;
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
  const queue: MailQueue = {
    async enqueue(message, entry) {
      // The log row (hourly cap, nothing twice) and the outbox row commit together.
      const queued = await inTransaction(deps.db, async (tx) => {
        if (!(await insertMailLog(tx, { key: message.key, ...entry }))) return false;
        await deps.outbox.enqueue(tx, {
          kind: 'email',
          key: `email:${message.key}`,
          target: entry.userId ?? entry.addressId ?? null,
          payload: message,
        });
        return true;
      });
      if (queued) deps.nudge();
    },
  };
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
    // Mail is queued in the transaction of the change it is about (mail.recorder.ts) ...
    unsubscribe.push(deps.events.onChange(mailRecorder(notify, deps.outbox)));
    // ... and the worker is told once that transaction committed.
    const nudge = () => deps.nudge();
    unsubscribe.push(
      deps.events.subscribe('comment.created', nudge),
      deps.events.subscribe('comment.status-changed', nudge),
      deps.events.subscribe('comment.reported', nudge),
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
    handler: transport
      ? mailHandler(transport)
      : async () => ({ ok: false, error: 'mail is off (no SMTP_URL)' }),
    runDigests: (at) => runDigests(at === undefined ? notify : { ...notify, now: () => at }),
    isAuthorVerified: (hash) => isAuthorVerified(deps.db, hash),
    mailInvitation: async (inviter, invited) => {
      if (transport) await mailInvitation(notify, inviter, invited);
    },
    async close() {
      if (timer) clearInterval(timer);
      for (const off of unsubscribe) off();
      transport?.close();
    },
  };
}

function mailHandler(transport: MailTransport): OutboxHandler {
  return async (row) => {
    const message = MailMessage.safeParse(row.payload);
    if (!message.success) return { ok: false, permanent: true, error: 'malformed mail payload' };
    await transport.send(message.data);
    return { ok: true };
  };
}
