// What the links in mails do. A GET only shows a page with a button (mail scanners open
// links); the POST behind the button decides, confirms or unsubscribes. Decision links work
// once: a replayed or raced link is refused.
import type { Actor } from '../auth/index.js';
import { readStringList } from '../db/json-columns.js';
import { AppError } from '../errors.js';
import {
  claimActionToken,
  getActionToken,
  getStaffMember,
  saveSetting,
  getSettings,
  setAddressUnsubscribed,
  setAddressVerified,
  setThreadUnsubscribed,
  spendTokensOfComment,
  getAddress,
} from './notifications.repo.js';
import type { NotifyDeps } from './notify-deps.js';

export class MailLinkInvalidError extends AppError {
  constructor() {
    super('MAIL_LINK_INVALID', 404, 'This link is not valid.');
  }
}

export class MailLinkUsedError extends AppError {
  constructor() {
    super('MAIL_LINK_USED', 410, 'This link was used already or has expired.');
  }
}

/** The decision a link offers, if it is genuine and unused. */
export async function readDecisionLink(deps: NotifyDeps, token: string) {
  const id = deps.links.readAction(token, deps.now());
  if (!id) throw new MailLinkInvalidError();
  const row = await getActionToken(deps.db, id);
  if (!row) throw new MailLinkInvalidError();
  if (row.usedAt || row.expiresAt.getTime() <= deps.now()) throw new MailLinkUsedError();
  return row;
}

export async function useDecisionLink(
  deps: NotifyDeps,
  token: string,
): Promise<{ status: string }> {
  const row = await readDecisionLink(deps, token);
  const now = new Date(deps.now());
  if (!(await claimActionToken(deps.db, row.id, now))) throw new MailLinkUsedError();
  // The comment is decided: the mail's other links (and other moderators') are spent too.
  await spendTokensOfComment(deps.db, row.commentId, now);
  const user = await getStaffMember(deps.db, row.userId);
  if (!user) throw new MailLinkInvalidError();
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === 'admin' ? 'admin' : 'moderator',
    siteIds: readStringList(user.siteIds),
  };
  return deps.decide(actor, row.commentId, row.action as 'approve' | 'reject' | 'spam');
}

export function readConfirmLink(deps: NotifyDeps, token: string): string {
  const id = deps.links.readConfirm(token, deps.now());
  if (!id) throw new MailLinkInvalidError();
  return id;
}

export async function useConfirmLink(deps: NotifyDeps, token: string): Promise<void> {
  const id = readConfirmLink(deps, token);
  if (!(await getAddress(deps.db, id))) throw new MailLinkInvalidError();
  await setAddressVerified(deps.db, id, new Date(deps.now()));
}

export function readUnsubscribeLink(deps: NotifyDeps, token: string) {
  const link = deps.links.readUnsubscribe(token, deps.now());
  if (!link) throw new MailLinkInvalidError();
  return link;
}

export async function useUnsubscribeLink(deps: NotifyDeps, token: string): Promise<void> {
  const { addressId, scope } = readUnsubscribeLink(deps, token);
  const now = new Date(deps.now());
  if (scope.kind === 'staff') {
    const [current] = await getSettings(deps.db, [addressId]);
    if (await getStaffMember(deps.db, addressId))
      await saveSetting(deps.db, addressId, {
        moderation: 'off',
        weekly: current?.weekly ?? false,
      });
    return;
  }
  if (scope.kind === 'all') await setAddressUnsubscribed(deps.db, addressId, now);
  else await setThreadUnsubscribed(deps.db, addressId, scope.rootId, now);
}

/**
 * The language of whoever a link was mailed to (the moderator's setting, the commenter's
 * widget), or null when the link says nobody Parley knows.
 */
export async function linkLanguage(
  deps: NotifyDeps,
  page: 'moderate' | 'confirm' | 'unsubscribe',
  token: string,
): Promise<string | null> {
  const now = deps.now();
  const staffLanguage = async (userId: string) =>
    (await getSettings(deps.db, [userId]))[0]?.language ?? null;
  const addressLanguage = async (id: string) => (await getAddress(deps.db, id))?.language ?? null;
  if (page === 'moderate') {
    const id = deps.links.readAction(token, now);
    const row = id ? await getActionToken(deps.db, id) : null;
    return row ? staffLanguage(row.userId) : null;
  }
  if (page === 'confirm') {
    const id = deps.links.readConfirm(token, now);
    return id ? addressLanguage(id) : null;
  }
  const link = deps.links.readUnsubscribe(token, now);
  if (!link) return null;
  return link.scope.kind === 'staff'
    ? staffLanguage(link.addressId)
    : addressLanguage(link.addressId);
}
