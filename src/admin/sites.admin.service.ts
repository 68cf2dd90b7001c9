// Admin use cases on sites: list, create, read, change (name, origins, settings) and API keys.
// Each change drops the site from SiteDirectory's cache and writes an audit row.
import { isUniqueViolation } from '../db/errors.js';
import { randomBytes } from 'node:crypto';
import type { AdminSiteView, ApiKeyView, SiteContentsView } from '../contracts/moderation-api.js';
import type { Actor } from '../auth/index.js';
import type { Db } from '../db/database.js';
import { SiteNotFoundError } from '../errors.js';
import { insertAudit } from '../moderation/index.js';
import { ApiKeyNotFoundError, SiteExistsError } from './admin.errors.js';
import { readSiteSettings, type SiteSettings } from '../contracts/site-settings.js';
import type { EventBus } from '../events.js';
import { sha256Hex, type Hasher } from '../privacy/hashing.js';
import { hideReportedComments } from '../moderation/index.js';
import { toSiteView, type SiteDirectory } from '../sites/index.js';
import type { CreateSiteBody, UpdateSiteBody } from './admin.schema.js';
import {
  countSiteContents,
  deleteApiKey,
  deleteSiteRow,
  getSiteRow,
  insertApiKey,
  insertSite,
  listApiKeys,
  listSiteRows,
  updateSiteRow,
} from './admin-sites.repo.js';
import { assertValidSettings, knownSettings, mergeSettings } from './settings-merge.js';

export interface AdminDeps {
  db: Db;
  sites: SiteDirectory;
  events: EventBus;
  hasher: Hasher;
}

type SiteRow = NonNullable<Awaited<ReturnType<typeof getSiteRow>>>;

function toView(row: SiteRow): AdminSiteView {
  return {
    ...toSiteView(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function snapshot(row: SiteRow) {
  return { name: row.name, allowedOrigins: row.allowedOrigins, settings: row.settings };
}

async function siteRowOrThrow(db: Db, slug: string): Promise<SiteRow> {
  const row = await getSiteRow(db, slug);
  if (!row) throw new SiteNotFoundError(slug);
  return row;
}

export async function listAdminSites(deps: AdminDeps): Promise<AdminSiteView[]> {
  return (await listSiteRows(deps.db)).map(toView);
}

export async function getAdminSite(deps: AdminDeps, slug: string): Promise<AdminSiteView> {
  return toView(await siteRowOrThrow(deps.db, slug));
}

export async function createSite(
  deps: AdminDeps,
  actor: Actor,
  input: CreateSiteBody,
): Promise<AdminSiteView> {
  const settings = assertValidSettings(input.settings);
  let row: SiteRow;
  try {
    row = await insertSite(deps.db, {
      slug: input.slug,
      name: input.name,
      allowedOrigins: input.allowedOrigins,
      settings,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new SiteExistsError();
    throw err;
  }
  deps.sites.invalidate(row.slug);
  await insertAudit(deps.db, {
    siteId: row.id,
    actor,
    action: 'site.create',
    targetType: 'site',
    targetId: row.id,
    before: null,
    after: snapshot(row),
  });
  return toView(row);
}

export async function updateSite(
  deps: AdminDeps,
  actor: Actor,
  slug: string,
  input: UpdateSiteBody,
): Promise<AdminSiteView> {
  const current = await siteRowOrThrow(deps.db, slug);
  const settings = input.settings
    ? assertValidSettings(mergeSettings(knownSettings(current.settings), input.settings))
    : undefined;
  const row = await updateSiteRow(deps.db, current.id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.allowedOrigins !== undefined && { allowedOrigins: input.allowedOrigins }),
    ...(settings && { settings }),
  });
  deps.sites.invalidate(slug);
  if (
    !readSiteSettings(current.settings).hideReported &&
    readSiteSettings(row.settings).hideReported
  ) {
    await hideReportedComments(deps, row.id);
  }
  await insertAudit(deps.db, {
    siteId: row.id,
    actor,
    action: 'site.update',
    targetType: 'site',
    targetId: row.id,
    before: snapshot(current),
    after: snapshot(row),
  });
  return toView(row);
}

/** What deleting the site would remove, for the confirmation. */
export async function getSiteContents(deps: AdminDeps, slug: string): Promise<SiteContentsView> {
  const site = await siteRowOrThrow(deps.db, slug);
  return countSiteContents(deps.db, site.id);
}

/** Deletes the site with its posts, comments, reports, bans and API keys; audited (no site). */
export async function deleteSite(deps: AdminDeps, actor: Actor, slug: string) {
  const site = await siteRowOrThrow(deps.db, slug);
  const removed = await countSiteContents(deps.db, site.id);
  await deleteSiteRow(deps.db, site.id);
  deps.sites.invalidate(slug);
  await insertAudit(deps.db, {
    siteId: null,
    actor,
    action: 'site.delete',
    targetType: 'site',
    targetId: site.id,
    before: { slug: site.slug, ...snapshot(site), removed },
    after: null,
  });
  return removed;
}

/** A new key for the site's Perspective-compatible endpoint; the key itself is shown once. */
export async function createApiKey(deps: AdminDeps, actor: Actor, slug: string, label: string) {
  const site = await siteRowOrThrow(deps.db, slug);
  const key = `pk_${randomBytes(24).toString('base64url')}`;
  const row = await insertApiKey(deps.db, { siteId: site.id, keyHash: sha256Hex(key), label });
  await insertAudit(deps.db, {
    siteId: site.id,
    actor,
    action: 'api-key.create',
    targetType: 'site',
    targetId: site.id,
    before: null,
    after: { apiKeyId: row.id, label },
  });
  return { id: row.id, key, label: row.label, createdAt: row.createdAt.toISOString() };
}

export async function listSiteApiKeys(deps: AdminDeps, slug: string): Promise<ApiKeyView[]> {
  const site = await siteRowOrThrow(deps.db, slug);
  return (await listApiKeys(deps.db, site.id)).map((k) => ({
    id: k.id,
    label: k.label,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiKey(
  deps: AdminDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<void> {
  const site = await siteRowOrThrow(deps.db, slug);
  if (!(await deleteApiKey(deps.db, site.id, id))) throw new ApiKeyNotFoundError();
  await insertAudit(deps.db, {
    siteId: site.id,
    actor,
    action: 'api-key.delete',
    targetType: 'site',
    targetId: site.id,
    before: { apiKeyId: id },
    after: null,
  });
}
