// What the notification use cases share; built once by createNotificationsModule.
import type { Actor } from '../auth/index.js';
import type { Db, DbClient } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { MailLinks } from './links.js';
import type { MailQueue } from './mail-message.js';

export type DecisionAction = 'approve' | 'reject' | 'spam';

export interface NotifyDeps {
  db: Db;
  queue: MailQueue;
  links: MailLinks;
  log: Logger;
  publicUrl: string;
  /** Mails to one commenter address per hour, at most. */
  hourlyCap: number;
  /** Moderation's decision, taken as the moderator the link was mailed to. */
  decide(actor: Actor, commentId: string, action: DecisionAction): Promise<{ status: string }>;
  now(): number;
}

/** The same, reading and writing through `db`: the transaction of the change a mail is about. */
export type MailDeps = Omit<NotifyDeps, 'db'> & { db: DbClient };

export function apiUrl(deps: Pick<NotifyDeps, 'publicUrl'>, path: string): string {
  return `${deps.publicUrl}/api${path}`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
