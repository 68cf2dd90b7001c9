// Creating, listing and lifting bans. A ban made from a comment derives its value from that
// comment (email, IP hash or email domain), so moderators never handle a raw IP address.
import { isUniqueViolation } from '../db/errors.js';
import type { BanView } from '../contracts/moderation-api.js';
import { assertCanModerateSite, type Actor } from '../auth/index.js';
import { getSiteRefs } from '../sites/index.js';
import type { Db } from '../db/database.js';
import { CommentNotFoundError, ValidationError } from '../errors.js';
import { normaliseEmail, type Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import { logModeratorAction } from './action-log.js';
import { insertAudit } from './audit.repo.js';
import {
  getVisibleCommentEmails,
  getVisibleCommentIds,
  deleteBan,
  domainCovers,
  getBan,
  insertBan,
  listBans,
  type BanKind,
  type BanRow,
} from './bans.repo.js';
import { getCommentAuthor } from './moderation.repo.js';
import { moderateComment, type ActionDeps } from './actions.service.js';
import { BanExistsError, BanNotFoundError } from './moderation.errors.js';
import type { CreateBanBody } from './moderation.schema.js';
import { siteScope } from './site-scope.js';

export interface BanDeps extends ActionDeps {
  sites: SiteDirectory;
}

export async function createBan(
  deps: BanDeps,
  actor: Actor,
  input: CreateBanBody,
  now = new Date(),
): Promise<BanView> {
  const { siteId, value } = await banTarget(deps, input);
  assertCanModerateSite(actor, siteId);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now)
    throw new ValidationError({ expiresAt: 'The expiry must be in the future.' });
  const ban = await insertBanOnce(deps.db, {
    siteId,
    kind: input.kind,
    value,
    reason: input.reason || null,
    expiresAt,
    createdById: actor.id,
  });
  const view = (await toBanViews(deps.db, [ban], now))[0]!;
  await insertAudit(deps.db, {
    siteId,
    actor,
    action: 'ban.create',
    targetType: 'ban',
    targetId: ban.id,
    before: null,
    after: banSnapshot(ban),
  });
  logModeratorAction(deps.log, actor, 'ban.create', { banId: ban.id }, siteId);
  if (input.rejectExisting) {
    // One audited reject per comment, so each can be undone on its own.
    for (const id of await findBannedAuthorsComments(deps, siteId, input.kind, value)) {
      await moderateComment(deps, actor, id, 'reject', { reason: 'author banned' });
    }
  }
  return view;
}

/** The site's approved and held comments that a new ban covers. */
async function findBannedAuthorsComments(
  deps: BanDeps,
  siteId: string,
  kind: BanKind,
  value: string,
): Promise<string[]> {
  if (kind === 'ip') return getVisibleCommentIds(deps.db, siteId, { ipHash: value });
  if (kind === 'email') {
    return getVisibleCommentIds(deps.db, siteId, { authorHash: deps.hasher.author(value) });
  }
  // Emails are stored as typed, so a domain is compared normalised, in code (a rare action).
  const rows = await getVisibleCommentEmails(deps.db, siteId);
  return rows
    .filter((r) => domainCovers(value, normaliseEmail(r.authorEmail).split('@')[1] ?? ''))
    .map((r) => r.id);
}

async function banTarget(
  deps: BanDeps,
  input: CreateBanBody,
): Promise<{ siteId: string; value: string }> {
  if (input.commentId) {
    const comment = await getCommentAuthor(deps.db, input.commentId);
    if (!comment) throw new CommentNotFoundError(input.commentId);
    if (input.site && (await deps.sites.get(input.site)).id !== comment.siteId) {
      throw new ValidationError({ commentId: 'That comment is not on this site.' });
    }
    return { siteId: comment.siteId, value: valueFromComment(input.kind, comment) };
  }
  const site = await deps.sites.get(input.site!);
  return { siteId: site.id, value: normaliseBanValue(deps.hasher, input.kind, input.value!) };
}

export function valueFromComment(
  kind: BanKind,
  c: { authorEmail: string; ipHash: string },
): string {
  const email = normaliseEmail(c.authorEmail);
  if (kind === 'email') return email;
  if (kind === 'domain') return email.split('@')[1] ?? '';
  return c.ipHash;
}

/** Bans match as findActiveBan looks them up: lowercased email/domain, hashed IP. */
export function normaliseBanValue(hasher: Hasher, kind: BanKind, raw: string): string {
  const v = raw.trim();
  if (kind === 'ip') return hasher.ip(v);
  if (kind === 'domain') return v.toLowerCase().replace(/^@/, '');
  if (!/^[^\s@]+@[^\s@]+$/.test(v)) throw new ValidationError({ value: 'Enter an email address.' });
  return v.toLowerCase();
}

async function insertBanOnce(db: Db, data: Parameters<typeof insertBan>[1]): Promise<BanRow> {
  try {
    return await insertBan(db, data);
  } catch (err) {
    if (isUniqueViolation(err)) throw new BanExistsError();
    throw err;
  }
}

export async function listSiteBans(
  deps: BanDeps,
  actor: Actor,
  siteSlug?: string,
): Promise<BanView[]> {
  const siteIds = await siteScope(deps, actor, siteSlug);
  return toBanViews(deps.db, await listBans(deps.db, siteIds));
}

export async function removeBan(deps: BanDeps, actor: Actor, banId: string): Promise<void> {
  const ban = await getBan(deps.db, banId);
  if (!ban) throw new BanNotFoundError();
  assertCanModerateSite(actor, ban.siteId);
  await deleteBan(deps.db, banId);
  await insertAudit(deps.db, {
    siteId: ban.siteId,
    actor,
    action: 'ban.delete',
    targetType: 'ban',
    targetId: ban.id,
    before: banSnapshot(ban),
    after: null,
  });
  logModeratorAction(deps.log, actor, 'ban.delete', { banId: ban.id }, ban.siteId);
}

/** Everything needed to re-create a ban exactly (undo of a delete). */
export function banSnapshot(ban: BanRow) {
  return {
    id: ban.id,
    siteId: ban.siteId,
    kind: ban.kind,
    value: ban.value,
    reason: ban.reason,
    expiresAt: ban.expiresAt?.toISOString() ?? null,
    createdById: ban.createdById,
    createdAt: ban.createdAt.toISOString(),
  };
}

export async function toBanViews(db: Db, bans: BanRow[], now = new Date()): Promise<BanView[]> {
  const slugs = new Map(
    (await getSiteRefs(db, [...new Set(bans.map((b) => b.siteId))])).map((s) => [s.id, s.slug]),
  );
  return bans.map((b) => ({
    id: b.id,
    site: slugs.get(b.siteId) ?? '',
    kind: b.kind as BanKind,
    value: b.value,
    reason: b.reason,
    expiresAt: b.expiresAt?.toISOString() ?? null,
    active: !b.expiresAt || b.expiresAt > now,
    createdById: b.createdById,
    createdAt: b.createdAt.toISOString(),
  }));
}
