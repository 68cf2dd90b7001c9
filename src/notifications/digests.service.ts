// Hourly and daily digests of the notices waiting for a moderator, and the optional weekly
// summary (counts and top reasons). run() is called by a timer in every process; the mail
// keys make a digest that two processes build at once go out once.
import { readScreeningDetails } from '../screening/index.js';
import {
  countCommentsSince,
  getCommentForMail,
  getHeldScreeningSince,
  getSettings,
  getStaff,
  getUnsentNotices,
  getUsersWithUnsentNotices,
  setDigestSent,
  setNoticesSent,
  type ModerationMode,
} from './notifications.repo.js';
import { DEFAULT_MODE, noticeView, queueStaffMail } from './moderator-mail.service.js';
import type { NotifyDeps } from './notify-deps.js';
import { digestMail, weeklyMail, type NoticeReason, type NoticeView } from './templates.js';
import { readStringList } from '../db/json-columns.js';

const HOUR_MS = 3600_000;
const PERIOD_MS: Partial<Record<ModerationMode, number>> = {
  hourly: HOUR_MS,
  daily: 24 * HOUR_MS,
};
const WEEK_MS = 7 * 24 * HOUR_MS;

export async function runDigests(deps: NotifyDeps): Promise<void> {
  const now = deps.now();
  const waiting = await getUsersWithUnsentNotices(deps.db);
  if (waiting.length > 0) {
    const staff = new Map((await getStaff(deps.db)).map((u) => [u.id, u]));
    const settings = new Map((await getSettings(deps.db, waiting)).map((s) => [s.userId, s]));
    for (const userId of waiting) {
      const user = staff.get(userId);
      const setting = settings.get(userId);
      const mode = (setting?.moderation ?? DEFAULT_MODE) as ModerationMode;
      const notices = await getUnsentNotices(deps.db, userId);
      const period = PERIOD_MS[mode];
      if (!user || !period) {
        // Switched to immediately or off: what waited is not sent later.
        await setNoticesSent(
          deps.db,
          notices.map((n) => n.id),
          new Date(now),
        );
        continue;
      }
      const since = setting?.lastDigestAt?.getTime() ?? notices[0]!.createdAt.getTime();
      if (now - since < period) continue;
      const views: NoticeView[] = [];
      let site = '';
      for (const n of notices) {
        const comment = await getCommentForMail(deps.db, n.commentId);
        // Decided meanwhile (or gone): nothing left to do about it.
        if (!comment || (comment.status !== 'pending' && n.reason !== 'reported')) continue;
        site ||= comment.site.name;
        views.push(await noticeView(deps, userId, comment, n.reason as NoticeReason));
      }
      if (views.length > 0)
        await queueStaffMail(deps, user, `digest:${userId}:${notices.at(-1)!.id}`, 'digest', {
          ...digestMail(views, `${deps.publicUrl}/moderate`, setting?.language),
          fromName: new Set(views.map((v) => v.site)).size === 1 ? site : 'Parley',
        });
      await setNoticesSent(
        deps.db,
        notices.map((n) => n.id),
        new Date(now),
      );
      await setDigestSent(deps.db, userId, 'lastDigestAt', new Date(now));
    }
  }
  await runWeekly(deps, now);
}

async function runWeekly(deps: NotifyDeps, now: number): Promise<void> {
  const staff = await getStaff(deps.db);
  const settings = await getSettings(
    deps.db,
    staff.map((u) => u.id),
  );
  for (const s of settings) {
    if (!s.weekly || (s.lastWeeklyAt && now - s.lastWeeklyAt.getTime() < WEEK_MS)) continue;
    const user = staff.find((u) => u.id === s.userId);
    if (!user) continue;
    const since = new Date(now - WEEK_MS);
    const siteIds = user.role === 'admin' ? null : readStringList(user.siteIds);
    const counts = { approved: 0, pending: 0, rejected: 0, spam: 0 };
    for (const g of await countCommentsSince(deps.db, siteIds, since))
      if (g.status in counts) counts[g.status as keyof typeof counts] = g._count._all;
    const reasons = new Map<string, number>();
    for (const row of await getHeldScreeningSince(deps.db, siteIds, since))
      for (const r of readScreeningDetails(row.screening).reasons)
        reasons.set(r.code, (reasons.get(r.code) ?? 0) + 1);
    const top = [...reasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([reason, count]) => ({ reason, count }));
    await queueStaffMail(deps, user, `weekly:${user.id}:${Math.floor(now / WEEK_MS)}`, 'weekly', {
      ...weeklyMail(counts, top, `${deps.publicUrl}/moderate`, s.language),
      fromName: 'Parley',
    });
    await setDigestSent(deps.db, user.id, 'lastWeeklyAt', new Date(now));
  }
}
