// A site's export, streamed from the database: Parley's own JSON lines (everything a restore
// needs) or WXR for WordPress. Both are async generators of text chunks, read page by page
// (export.repo.ts), so neither holds more than one page of rows at a time (and, for WXR, the
// numbers of one post's comment ids, for the replies' parent links).
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { readStringList } from '../db/json-columns.js';
import { SiteNotFoundError } from '../errors.js';
import {
  type ParleyAudit,
  type ParleyBan,
  type ParleyComment,
  type ParleyRecord,
  writeParleyExport,
  writeWxr,
  type WxrComment,
  type WxrPost,
} from './formats/index.js';
import {
  type ExportCommentRow,
  type ExportSiteRow,
  getAuditPage,
  getBanPage,
  getCommentPage,
  getPostPage,
  getReportPage,
  getSiteForExport,
  getSpamModel,
  paged,
} from './export.repo.js';

export const EXPORT_FORMATS = ['parley', 'wxr'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a running export has written so far (the CLI's progress line). */
export interface ExportProgress {
  records: number;
  comments: number;
}

export interface ExportOptions {
  /** Called after every record (cheap: the caller throttles what it prints). */
  onProgress?: (progress: ExportProgress) => void;
  now?: Date;
}

/** A started export: the site is known to exist before the first byte is written. */
export interface SiteExport {
  site: { id: string; slug: string; name: string };
  format: ExportFormat;
  /** File name for a download: parley-<slug>-<date>.jsonl or .xml */
  fileName: string;
  contentType: string;
  chunks: AsyncGenerator<string>;
}

const Settings = z.record(z.string(), z.json()).catch({});
const BAN_KINDS = ['email', 'ip', 'domain'] as const;
const JsonValue = z.json().nullable().catch(null);

export async function startSiteExport(
  deps: { db: Db; publicUrl: string },
  slug: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<SiteExport> {
  const site = await getSiteForExport(deps.db, slug);
  if (!site) throw new SiteNotFoundError(slug);
  const now = options.now ?? new Date();
  const date = now.toISOString().slice(0, 10);
  const chunks =
    format === 'parley'
      ? writeParleyExport(parleyRecords(deps.db, site, options), {
          exportedAt: now,
          generator: 'Parley',
        })
      : writeWxr(wxrChannel(site, deps.publicUrl), wxrPosts(deps.db, site, options));
  return {
    site: { id: site.id, slug: site.slug, name: site.name },
    format,
    fileName: `parley-${site.slug}-${date}.${format === 'parley' ? 'jsonl' : 'xml'}`,
    contentType: format === 'parley' ? 'application/x-ndjson' : 'application/xml',
    chunks,
  };
}

async function* parleyRecords(
  db: Db,
  site: ExportSiteRow,
  options: ExportOptions,
): AsyncGenerator<ParleyRecord> {
  const progress: ExportProgress = { records: 0, comments: 0 };
  const tick = (comment = false) => {
    progress.records++;
    if (comment) progress.comments++;
    options.onProgress?.(progress);
  };
  yield {
    type: 'site',
    id: site.id,
    slug: site.slug,
    name: site.name,
    allowedOrigins: readStringList(site.allowedOrigins),
    createdAt: site.createdAt,
  };
  tick();
  yield { type: 'settings', siteId: site.id, settings: Settings.parse(site.settings) };
  tick();
  const spamModel = await getSpamModel(db, site.id);
  if (spamModel) {
    yield { type: 'spam-model', siteId: site.id, counts: JsonValue.parse(spamModel.counts) ?? {} };
    tick();
  }
  for await (const post of paged((c, take) => getPostPage(db, site.id, c, take))) {
    yield {
      type: 'post',
      id: post.id,
      siteId: post.siteId,
      slug: post.slug,
      title: post.title,
      url: post.url,
      author: post.author,
      publishedAt: post.publishedAt,
      closed: post.closed,
      createdAt: post.createdAt,
    };
    tick();
    for await (const c of paged((cur, take) => getCommentPage(db, post.id, cur, take))) {
      yield toParleyComment(c);
      tick(true);
    }
  }
  for await (const r of paged((c, take) => getReportPage(db, site.id, c, take))) {
    yield {
      type: 'report',
      id: r.id,
      commentId: r.commentId,
      siteId: r.siteId,
      reason: r.reason,
      note: r.note,
      ipHash: r.ipHash,
      createdAt: r.createdAt,
      resolvedAt: r.resolvedAt,
    };
    tick();
  }
  for await (const b of paged((c, take) => getBanPage(db, site.id, c, take))) {
    const kind = BAN_KINDS.find((k) => k === b.kind);
    // A ban of a kind this version does not know cannot be enforced on import either.
    if (!kind) continue;
    yield { ...b, type: 'ban', kind } satisfies ParleyBan;
    tick();
  }
  for await (const a of paged((c, take) => getAuditPage(db, site.id, c, take))) {
    yield {
      type: 'audit',
      id: a.id,
      siteId: a.siteId,
      actorId: a.actorId,
      actorName: a.actorName,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      before: JsonValue.parse(a.before),
      after: JsonValue.parse(a.after),
      undoneAt: a.undoneAt,
      undoneById: a.undoneById,
      createdAt: a.createdAt,
    } satisfies ParleyAudit;
    tick();
  }
}

function toParleyComment(c: ExportCommentRow): ParleyComment {
  return {
    type: 'comment',
    id: c.id,
    siteId: c.siteId,
    postId: c.postId,
    parentId: c.parentId,
    replyToId: c.replyToId,
    replyToName: c.replyToName,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    authorWebsite: c.authorWebsite,
    body: c.body,
    html: c.html,
    status: c.status,
    screening: JsonValue.parse(c.screening) ?? {},
    toxic: c.toxic,
    toxicityScore: c.toxicityScore,
    spamScore: c.spamScore,
    reportCount: c.reportCount,
    reportedAt: c.reportedAt,
    ipHash: c.ipHash,
    authorHash: c.authorHash,
    userAgent: c.userAgent,
    referrer: c.referrer,
    akismetParams: JsonValue.parse(c.akismetParams),
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    decidedAt: c.decidedAt,
  };
}

function wxrChannel(site: ExportSiteRow, publicUrl: string) {
  return {
    title: site.name,
    link: readStringList(site.allowedOrigins)[0] ?? publicUrl,
    description: `Comments of ${site.name}, exported from Parley`,
  };
}

async function* wxrPosts(db: Db, site: ExportSiteRow, options: ExportOptions) {
  const progress: ExportProgress = { records: 0, comments: 0 };
  const home = readStringList(site.allowedOrigins)[0] ?? '';
  for await (const post of paged((c, take) => getPostPage(db, site.id, c, take))) {
    progress.records++;
    options.onProgress?.(progress);
    yield {
      id: post.id,
      slug: post.slug,
      title: post.title,
      // WordPress needs a link; a post stored without one gets the site's home and its slug.
      url: post.url ?? `${home.replace(/\/$/, '')}/${post.slug}`,
      closed: post.closed,
      publishedAt: post.publishedAt,
      author: post.author,
      comments: wxrComments(db, post.id, progress, options),
    } satisfies WxrPost;
  }
}

async function* wxrComments(
  db: Db,
  postId: string,
  progress: ExportProgress,
  options: ExportOptions,
): AsyncGenerator<WxrComment> {
  for await (const c of paged((cur, take) => getCommentPage(db, postId, cur, take))) {
    progress.records++;
    progress.comments++;
    options.onProgress?.(progress);
    yield {
      id: c.id,
      parentId: c.parentId,
      authorName: c.authorName,
      authorEmail: c.authorEmail || null,
      authorWebsite: c.authorWebsite,
      // Parley keeps only a salted hash of the IP: there is no address to give WordPress.
      authorIp: null,
      contentHtml: c.html,
      createdAt: c.createdAt,
      status: c.status,
    };
  }
}
