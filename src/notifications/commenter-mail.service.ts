// Commenters: "notify me of replies" subscribes the comment; the first time an address asks,
// it gets one confirmation mail (double opt-in) and nothing else until it is confirmed. Then a
// reply to the comment, and the approval of a held comment, are mailed, at most `hourlyCap`
// mails per address per hour, never about the commenter's own actions.
import {
  claimConfirmation,
  countMailsToAddressSince,
  createSubscription,
  getAddress,
  getCommentForMail,
  getSubscriptionOfComment,
  saveAddress,
  type MailComment,
} from './notifications.repo.js';
import type { LanguageCode } from './strings/index.js';
import { apiUrl, normaliseEmail, type MailDeps } from './notify-deps.js';
import { approvedMail, confirmMail, replyMail, type MailBody } from './templates.js';

type Address = NonNullable<Awaited<ReturnType<typeof getAddress>>>;

/**
 * The author of a new comment ticked "Notify me of replies by email", in a widget showing
 * `language` (the mails about this comment are in it).
 */
export async function subscribeToReplies(
  deps: MailDeps,
  commentId: string,
  language?: LanguageCode,
): Promise<void> {
  const comment = await getCommentForMail(deps.db, commentId);
  if (!comment) return;
  const email = normaliseEmail(comment.authorEmail);
  const address = await saveAddress(deps.db, email, comment.authorHash, language);
  await createSubscription(deps.db, {
    addressId: address.id,
    commentId: comment.id,
    rootId: comment.rootId,
    language: language ?? null,
  });
  if (address.verifiedAt || address.unsubscribedAt) return;
  // Only one confirmation, ever, until the address is confirmed.
  if (!(await claimConfirmation(deps.db, address.id, new Date(deps.now())))) return;
  const confirmUrl = apiUrl(deps, `/mail/confirm/${deps.links.confirm(address.id, deps.now())}`);
  await queueCommenterMail(deps, address, `confirm:${address.id}`, 'confirm', comment, {
    body: confirmMail(
      { site: comment.site.name, title: comment.post.title, confirmUrl },
      language ?? address.language,
    ),
    unsubscribe: false,
  });
}

/** A comment became visible (approved at once, or by a moderator later). */
export async function notifyVisibleComment(
  deps: MailDeps,
  commentId: string,
  options: { approvedByModerator: boolean },
): Promise<void> {
  const comment = await getCommentForMail(deps.db, commentId);
  if (!comment || comment.status !== 'approved') return;
  if (options.approvedByModerator) await notifyApproved(deps, comment);
  const answered = comment.replyToId ?? comment.parentId;
  if (!answered) return;
  const sub = await getSubscriptionOfComment(deps.db, answered);
  if (!sub || sub.unsubscribedAt) return;
  const address = await usableAddress(deps, sub.addressId);
  // Replying to yourself is your own action.
  if (!address || address.authorHash === comment.authorHash) return;
  await queueCommenterMail(deps, address, `reply:${comment.id}:${sub.id}`, 'reply', comment, {
    body: replyMail(
      {
        site: comment.site.name,
        title: comment.post.title,
        replyName: comment.authorName,
        body: comment.body,
        threadUrl: threadUrl(comment),
      },
      unsubscribeLinks(deps, address.id, sub.rootId),
      sub.language ?? address.language,
    ),
    rootId: sub.rootId,
  });
}

async function notifyApproved(deps: MailDeps, comment: MailComment): Promise<void> {
  const sub = await getSubscriptionOfComment(deps.db, comment.id);
  if (!sub || sub.unsubscribedAt) return;
  const address = await usableAddress(deps, sub.addressId);
  if (!address) return;
  await queueCommenterMail(deps, address, `approved:${comment.id}`, 'approved', comment, {
    body: approvedMail(
      { site: comment.site.name, title: comment.post.title, threadUrl: threadUrl(comment) },
      unsubscribeLinks(deps, address.id, sub.rootId),
      sub.language ?? address.language,
    ),
    rootId: sub.rootId,
  });
}

/** Verified and not unsubscribed from everything, or null. */
async function usableAddress(deps: MailDeps, addressId: string): Promise<Address | null> {
  const address = await getAddress(deps.db, addressId);
  return address?.verifiedAt && !address.unsubscribedAt ? address : null;
}

function threadUrl(comment: MailComment): string | null {
  return comment.post.url ? `${comment.post.url}#comment-${comment.id}` : null;
}

function unsubscribeLinks(deps: MailDeps, addressId: string, rootId: string) {
  const now = deps.now();
  return {
    thread: apiUrl(
      deps,
      `/mail/unsubscribe/${deps.links.unsubscribe(addressId, { kind: 'thread', rootId }, now)}`,
    ),
    all: apiUrl(
      deps,
      `/mail/unsubscribe/${deps.links.unsubscribe(addressId, { kind: 'all' }, now)}`,
    ),
  };
}

const HOUR_MS = 3600_000;

async function queueCommenterMail(
  deps: MailDeps,
  address: Address,
  key: string,
  kind: string,
  comment: MailComment,
  mail: { body: MailBody; rootId?: string; unsubscribe?: false },
): Promise<void> {
  const sent = await countMailsToAddressSince(deps.db, address.id, new Date(deps.now() - HOUR_MS));
  if (sent >= deps.hourlyCap) {
    deps.log.info({ kind, commentId: comment.id }, 'commenter mail skipped: hourly cap reached');
    return;
  }
  const oneClick =
    mail.unsubscribe === false
      ? undefined
      : deps.links.unsubscribe(
          address.id,
          mail.rootId ? { kind: 'thread', rootId: mail.rootId } : { kind: 'all' },
          deps.now(),
        );
  await deps.queue.enqueue(
    {
      ...mail.body,
      to: address.email,
      fromName: comment.site.name,
      key,
      ...(oneClick && { unsubscribeUrl: apiUrl(deps, `/mail/unsubscribe/${oneClick}`) }),
    },
    { kind, addressId: address.id },
  );
}
