// Moderators are mailed when a comment of their sites is held, flagged toxic or reported: at
// once (the default), in an hourly or daily digest, or not at all, per their preference. Each
// mail shows the comment, the reasons and scores, and signed single-use decision links.
import { readStringList } from '../db/json-columns.js';
import { readScreeningDetails } from '../screening/index.js';
import {
  createActionToken,
  getCommentForMail,
  getSettings,
  getStaff,
  insertNotice,
  type MailComment,
  type ModerationMode,
} from './notifications.repo.js';
import { apiUrl, normaliseEmail, type MailDeps } from './notify-deps.js';
import { moderatorNoticeMail, type NoticeReason, type NoticeView } from './templates.js';

export const DEFAULT_MODE: ModerationMode = 'immediate';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: string;
  siteIds: unknown;
}

export function canSeeSite(user: StaffMember, siteId: string): boolean {
  return user.role === 'admin' || readStringList(user.siteIds).includes(siteId);
}

/** Called when a comment was held, flagged toxic or reported. */
export async function notifyModerators(
  deps: MailDeps,
  commentId: string,
  reason: NoticeReason,
): Promise<void> {
  const comment = await getCommentForMail(deps.db, commentId);
  if (!comment) return;
  const staff = (await getStaff(deps.db)).filter(
    (u) =>
      canSeeSite(u, comment.siteId) &&
      // A moderator's own comment is not news to them.
      normaliseEmail(u.email) !== normaliseEmail(comment.authorEmail),
  );
  if (staff.length === 0) return;
  const settings = new Map(
    (
      await getSettings(
        deps.db,
        staff.map((u) => u.id),
      )
    ).map((s) => [s.userId, s]),
  );
  const now = new Date(deps.now());
  for (const user of staff) {
    const mode = (settings.get(user.id)?.moderation ?? DEFAULT_MODE) as ModerationMode;
    if (mode === 'off') continue;
    const immediate = mode === 'immediate';
    const fresh = await insertNotice(deps.db, {
      userId: user.id,
      commentId,
      reason,
      sentAt: immediate ? now : null,
    });
    if (!fresh || !immediate) continue;
    const view = await noticeView(deps, user.id, comment, reason);
    await queueStaffMail(deps, user, `notice:${user.id}:${commentId}:${reason}`, 'notice', {
      ...moderatorNoticeMail(view, `${deps.publicUrl}/moderate`, settings.get(user.id)?.language),
      fromName: comment.site.name,
    });
  }
}

/** The comment as a moderator sees it in a mail, with three fresh decision links. */
export async function noticeView(
  deps: MailDeps,
  userId: string,
  comment: MailComment,
  reason: NoticeReason,
): Promise<NoticeView> {
  const details = readScreeningDetails(comment.screening);
  const link = async (action: 'approve' | 'reject' | 'spam') => {
    const token = deps.links.action(deps.now());
    await createActionToken(deps.db, {
      id: token.id,
      userId,
      commentId: comment.id,
      action,
      expiresAt: token.expiresAt,
    });
    return apiUrl(deps, `/mail/moderate/${token.token}`);
  };
  return {
    reason,
    site: comment.site.name,
    title: comment.post.title,
    authorName: comment.authorName,
    body: comment.body,
    reasons: details.reasons.map((r) => r.message),
    toxicityScore: comment.toxicityScore,
    spamScore: comment.spamScore,
    reportCount: comment.reportCount,
    links: {
      approve: await link('approve'),
      reject: await link('reject'),
      spam: await link('spam'),
    },
  };
}

export async function queueStaffMail(
  deps: MailDeps,
  user: StaffMember,
  key: string,
  kind: string,
  mail: { subject: string; text: string; html: string; language: string; fromName: string },
): Promise<void> {
  const unsubscribe = deps.links.unsubscribe(user.id, { kind: 'staff' }, deps.now());
  await deps.queue.enqueue(
    {
      ...mail,
      to: user.email,
      key,
      unsubscribeUrl: apiUrl(deps, `/mail/unsubscribe/${unsubscribe}`),
    },
    { kind, userId: user.id },
  );
}
