// Storage of notifications: staff preferences and notices, one-click tokens, commenter
// addresses and their reply subscriptions, and the log of queued mails.
import { directSqlOf, type Db, type DbClient } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';

export type ModerationMode = 'immediate' | 'hourly' | 'daily' | 'off';

export async function getStaff(db: DbClient) {
  return db.user.findMany({
    select: { id: true, email: true, name: true, role: true, siteIds: true },
    orderBy: { createdAt: 'asc' },
  });
}

export async function getStaffMember(db: Db, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, siteIds: true },
  });
}

export async function getSettings(db: DbClient, userIds: string[]) {
  return db.notificationSetting.findMany({ where: { userId: { in: userIds } } });
}

export async function saveSetting(
  db: Db,
  userId: string,
  data: { moderation: ModerationMode; weekly: boolean; language?: string },
) {
  return db.notificationSetting.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
  });
}

export async function setDigestSent(
  db: Db,
  userId: string,
  field: 'lastDigestAt' | 'lastWeeklyAt',
  at: Date,
) {
  await db.notificationSetting.upsert({
    where: { userId },
    create: { userId, [field]: at },
    update: { [field]: at },
  });
}

/** False when the moderator was told about this comment for this reason already. */
export async function insertNotice(
  db: DbClient,
  notice: { userId: string; commentId: string; reason: string; sentAt: Date | null },
): Promise<boolean> {
  // Looked up first: inside a PostgreSQL transaction a unique violation would abort it.
  const { userId, commentId, reason } = notice;
  const seen = await db.moderatorNotice.findUnique({
    where: { userId_commentId_reason: { userId, commentId, reason } },
    select: { id: true },
  });
  if (seen) return false;
  try {
    await db.moderatorNotice.create({ data: notice });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function getUnsentNotices(db: Db, userId: string) {
  return db.moderatorNotice.findMany({
    where: { userId, sentAt: null },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
}

export async function getUsersWithUnsentNotices(db: Db): Promise<string[]> {
  const rows = await db.moderatorNotice.findMany({
    where: { sentAt: null },
    select: { userId: true },
    distinct: ['userId'],
  });
  return rows.map((r) => r.userId);
}

export async function setNoticesSent(db: Db, ids: string[], at: Date) {
  await db.moderatorNotice.updateMany({ where: { id: { in: ids } }, data: { sentAt: at } });
}

export async function createActionToken(
  db: DbClient,
  token: { id: string; userId: string; commentId: string; action: string; expiresAt: Date },
) {
  await db.mailActionToken.create({ data: token });
}

export async function getActionToken(db: Db, id: string) {
  return db.mailActionToken.findUnique({ where: { id } });
}

/** Uses the token up; true for the one caller that did (a replay, or a race, gets false). */
export async function claimActionToken(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.mailActionToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Once a moderator decided a comment, its other links are spent too. */
export async function spendTokensOfComment(db: DbClient, commentId: string, now: Date) {
  await db.mailActionToken.updateMany({
    where: { commentId, usedAt: null },
    data: { usedAt: now },
  });
}

export async function getCommentForMail(db: DbClient, commentId: string) {
  return db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      siteId: true,
      parentId: true,
      replyToId: true,
      rootId: true,
      createdAt: true,
      authorName: true,
      authorEmail: true,
      authorHash: true,
      body: true,
      status: true,
      toxic: true,
      toxicityScore: true,
      spamScore: true,
      screening: true,
      reportCount: true,
      post: { select: { slug: true, title: true, url: true } },
      site: { select: { slug: true, name: true } },
    },
  });
}
export type MailComment = NonNullable<Awaited<ReturnType<typeof getCommentForMail>>>;

export async function getAddressByEmail(db: DbClient, email: string) {
  return db.mailAddress.findUnique({ where: { email } });
}

export async function getAddress(db: DbClient, id: string) {
  return db.mailAddress.findUnique({ where: { id } });
}

/** The address (created on first use), with the language of its latest subscription. */
export async function saveAddress(
  db: DbClient,
  email: string,
  authorHash: string,
  language: string | undefined,
) {
  const found = await getAddressByEmail(db, email);
  if (found && (!language || found.language === language)) return found;
  // An upsert (INSERT … ON CONFLICT on PostgreSQL): a concurrent first comment of the same
  // address does not abort the transaction it runs in.
  return db.mailAddress.upsert({
    where: { email },
    create: { email, authorHash, language: language ?? null },
    update: language ? { language } : {},
  });
}

/** True for the one caller that may send the (only) confirmation mail. */
export async function claimConfirmation(db: DbClient, id: string, now: Date): Promise<boolean> {
  const { count } = await db.mailAddress.updateMany({
    where: { id, confirmSentAt: null, verifiedAt: null },
    data: { confirmSentAt: now },
  });
  return count === 1;
}

export async function setAddressVerified(db: Db, id: string, now: Date) {
  await db.mailAddress.updateMany({ where: { id, verifiedAt: null }, data: { verifiedAt: now } });
}

export async function setAddressUnsubscribed(db: Db, id: string, now: Date) {
  await db.mailAddress.updateMany({
    where: { id, unsubscribedAt: null },
    data: { unsubscribedAt: now },
  });
}

/** Asked for every new comment (screening trusts verified authors): straight to the driver. */
export async function isAuthorVerified(db: Db, authorHash: string): Promise<boolean> {
  const rows = await directSqlOf(db).query<{ verifiedAt: unknown }>(
    'SELECT "verifiedAt" FROM "MailAddress" WHERE "authorHash" = $1',
    [authorHash],
  );
  return Boolean(rows[0]?.verifiedAt);
}

export async function createSubscription(
  db: DbClient,
  sub: { addressId: string; commentId: string; rootId: string; language: string | null },
) {
  await db.replySubscription.upsert({
    where: { commentId: sub.commentId },
    create: sub,
    update: {},
  });
}

export async function getSubscriptionOfComment(db: DbClient, commentId: string) {
  return db.replySubscription.findUnique({ where: { commentId } });
}

export async function setThreadUnsubscribed(db: Db, addressId: string, rootId: string, now: Date) {
  await db.replySubscription.updateMany({
    where: { addressId, rootId, unsubscribedAt: null },
    data: { unsubscribedAt: now },
  });
}

/** Records a mail about to be queued; false when that key was queued before. */
export async function insertMailLog(
  db: DbClient,
  entry: { key: string; kind: string; addressId?: string; userId?: string },
): Promise<boolean> {
  // Looked up first: inside a PostgreSQL transaction a unique violation would abort it.
  if (await db.mailLog.findUnique({ where: { key: entry.key }, select: { id: true } }))
    return false;
  try {
    await db.mailLog.create({ data: entry });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function countMailsToAddressSince(db: DbClient, addressId: string, since: Date) {
  return db.mailLog.count({ where: { addressId, createdAt: { gte: since } } });
}

/** Statuses of the comments written on these sites since a date (weekly summary). */
export async function countCommentsSince(db: Db, siteIds: string[] | null, since: Date) {
  return db.comment.groupBy({
    by: ['status'],
    where: { createdAt: { gte: since }, ...(siteIds && { siteId: { in: siteIds } }) },
    _count: { _all: true },
  });
}

export async function getHeldScreeningSince(db: Db, siteIds: string[] | null, since: Date) {
  return db.comment.findMany({
    where: {
      createdAt: { gte: since },
      status: { in: ['pending', 'spam', 'rejected'] },
      ...(siteIds && { siteId: { in: siteIds } }),
    },
    select: { screening: true },
    take: 2000,
  });
}

export async function getSiteIds(db: Db): Promise<string[]> {
  return (await db.site.findMany({ select: { id: true } })).map((s) => s.id);
}
