// Queues the mail a comment change causes inside the change's own transaction: the notice
// rows, the mail log (hourly cap, nothing twice) and the outbox rows commit or roll back with
// the comment. A crash right after the commit loses no mail; a failure here fails the change.
import type { DbClient } from '../db/database.js';
import type { ChangeRecorder, CommentChange } from '../events.js';
import type { Outbox } from '../outbox/index.js';
import { notifyVisibleComment, subscribeToReplies } from './commenter-mail.service.js';
import type { MailQueue } from './mail-message.js';
import { notifyModerators } from './moderator-mail.service.js';
import { getCommentForMail, insertMailLog, spendTokensOfComment } from './notifications.repo.js';
import type { MailDeps, NotifyDeps } from './notify-deps.js';
import { type LanguageCode, mailLanguage } from './strings/index.js';

const DECISIONS = new Set([
  'comment.approved',
  'comment.rejected',
  'comment.spam',
  'comment.deleted',
]);

/** A mail queue writing through `tx`: its log row and outbox row commit with the change. */
export function transactionMailQueue(outbox: Outbox, tx: DbClient): MailQueue {
  return {
    async enqueue(message, entry) {
      if (!(await insertMailLog(tx, { key: message.key, ...entry }))) return;
      await outbox.enqueue(tx, {
        kind: 'email',
        key: `email:${message.key}`,
        target: entry.userId ?? entry.addressId ?? null,
        payload: message,
      });
    },
  };
}

export function mailRecorder(notify: NotifyDeps, outbox: Outbox): ChangeRecorder {
  return async (tx, changes) => {
    const deps: MailDeps = { ...notify, db: tx, queue: transactionMailQueue(outbox, tx) };
    for (const change of changes) await recordOne(deps, change);
  };
}

async function recordOne(deps: MailDeps, change: CommentChange): Promise<void> {
  const { commentId } = change;
  if (change.type === 'comment.created') {
    if (change.notifyReplies)
      await subscribeToReplies(deps, commentId, mailLanguageOf(change.language));
    if (change.to === 'approved')
      await notifyVisibleComment(deps, commentId, { approvedByModerator: false });
    else await notifyHeld(deps, commentId);
  } else if (change.type === 'comment.reported') {
    await notifyModerators(deps, commentId, 'reported');
  } else if (DECISIONS.has(change.type)) {
    // Decided elsewhere: the decision links in mails about it are spent.
    if (change.from === 'pending')
      await spendTokensOfComment(deps.db, commentId, new Date(deps.now()));
    if (change.type === 'comment.approved')
      await notifyVisibleComment(deps, commentId, {
        approvedByModerator: change.from === 'pending',
      });
  }
}

/** Held, or flagged toxic (a toxic comment may be held or rejected outright). */
async function notifyHeld(deps: MailDeps, commentId: string): Promise<void> {
  const comment = await getCommentForMail(deps.db, commentId);
  if (!comment) return;
  if (comment.toxic && comment.status !== 'spam') await notifyModerators(deps, commentId, 'toxic');
  else if (comment.status === 'pending') await notifyModerators(deps, commentId, 'held');
}

/** The change's language, when it names one mails are written in. */
function mailLanguageOf(code: string | undefined): LanguageCode | undefined {
  return code ? mailLanguage(code) : undefined;
}
