// Parley's own export: JSON lines. Line 1 is the header {"format":"parley-export","version":1,
// "exportedAt":…}; then one record per line, each naming its `type`; the last line is
// {"type":"end","counts":{…}} so a cut-off file is told from a complete one. Records come after
// what they reference: a site before its settings and posts, a post before its comments, a
// parent comment before its replies. Dates are ISO-8601 strings on the wire and Date objects in
// memory: every date field is a zod codec, so one schema both reads (decode) and writes (encode).
//
// Users, sessions and API keys are not exported: they are credentials, not content.
import { z } from 'zod';

export const PARLEY_EXPORT_FORMAT = 'parley-export';
export const PARLEY_EXPORT_VERSION = 1;

const isoDate = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});
const id = z.string().min(1);
const json = z.json();

export const ParleyHeaderSchema = z.object({
  format: z.literal(PARLEY_EXPORT_FORMAT),
  version: z.number().int().positive(),
  exportedAt: isoDate,
  /** Free text: which Parley wrote it. */
  generator: z.string().optional(),
});
export type ParleyHeader = z.infer<typeof ParleyHeaderSchema>;

export const ParleySiteSchema = z.object({
  type: z.literal('site'),
  id,
  slug: z.string().min(1),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  createdAt: isoDate,
});

/** Site.settings as stored (src/sites/site-settings.ts); unknown keys are the importer's to drop. */
export const ParleySettingsSchema = z.object({
  type: z.literal('settings'),
  siteId: id,
  settings: z.record(z.string(), json),
});

export const ParleyPostSchema = z.object({
  type: z.literal('post'),
  id,
  siteId: id,
  slug: z.string().min(1),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: isoDate,
  closed: z.boolean(),
  createdAt: isoDate,
});

export const PARLEY_COMMENT_STATUSES = [
  'pending',
  'approved',
  'spam',
  'rejected',
  'deleted',
] as const;

export const ParleyCommentSchema = z.object({
  type: z.literal('comment'),
  id,
  siteId: id,
  postId: id,
  parentId: id.nullable(),
  /** Set when a reply was attached higher than the comment it answers (nesting limit). */
  replyToId: id.nullable(),
  replyToName: z.string().nullable(),
  authorName: z.string(),
  authorEmail: z.string(),
  authorWebsite: z.string().nullable(),
  /** The Markdown source; html is what was rendered from it and is served as is. */
  body: z.string(),
  html: z.string(),
  status: z.enum(PARLEY_COMMENT_STATUSES),
  /** The screening verdict: decision, scores, reasons. */
  screening: json,
  toxic: z.boolean(),
  toxicityScore: z.number().nullable(),
  spamScore: z.number().nullable(),
  reportCount: z.number().int().nonnegative(),
  reportedAt: isoDate.nullable(),
  /** Salted hash of the IP: meaningful only to a Parley with the same secret (a restore). */
  ipHash: z.string(),
  /** Salted hash of the email, as stored (absent in files written before it was exported). */
  authorHash: z.string().optional(),
  userAgent: z.string().nullable(),
  referrer: z.string().nullable(),
  /** Akismet's original parameters (they include the IP) when Akismet was on. */
  akismetParams: json.nullable(),
  createdAt: isoDate,
  editedAt: isoDate.nullable(),
  decidedAt: isoDate.nullable(),
});

export const ParleyReportSchema = z.object({
  type: z.literal('report'),
  id,
  commentId: id,
  siteId: id,
  reason: z.string(),
  note: z.string().nullable(),
  ipHash: z.string(),
  createdAt: isoDate,
  resolvedAt: isoDate.nullable(),
});

export const ParleyBanSchema = z.object({
  type: z.literal('ban'),
  id,
  siteId: id,
  kind: z.enum(['email', 'ip', 'domain']),
  value: z.string().min(1),
  reason: z.string().nullable(),
  expiresAt: isoDate.nullable(),
  createdById: id.nullable(),
  createdAt: isoDate,
});

export const ParleyAuditSchema = z.object({
  type: z.literal('audit'),
  id,
  siteId: id.nullable(),
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string().min(1),
  targetType: z.string().min(1),
  targetId: z.string().nullable(),
  before: json.nullable(),
  after: json.nullable(),
  undoneAt: isoDate.nullable(),
  undoneById: id.nullable(),
  createdAt: isoDate,
});

/** A site's learned spam-classifier counts: moderators' decisions, worth keeping. */
export const ParleySpamModelSchema = z.object({
  type: z.literal('spam-model'),
  siteId: id,
  counts: json,
});

export const ParleyRecordSchema = z.discriminatedUnion('type', [
  ParleySiteSchema,
  ParleySettingsSchema,
  ParleyPostSchema,
  ParleyCommentSchema,
  ParleyReportSchema,
  ParleyBanSchema,
  ParleyAuditSchema,
  ParleySpamModelSchema,
]);
export type ParleyRecord = z.infer<typeof ParleyRecordSchema>;
export type ParleyRecordType = ParleyRecord['type'];
export type ParleySite = z.infer<typeof ParleySiteSchema>;
export type ParleySettings = z.infer<typeof ParleySettingsSchema>;
export type ParleyPost = z.infer<typeof ParleyPostSchema>;
export type ParleyComment = z.infer<typeof ParleyCommentSchema>;
export type ParleyReport = z.infer<typeof ParleyReportSchema>;
export type ParleyBan = z.infer<typeof ParleyBanSchema>;
export type ParleyAudit = z.infer<typeof ParleyAuditSchema>;
export type ParleySpamModel = z.infer<typeof ParleySpamModelSchema>;

export const ParleyEndSchema = z.object({
  type: z.literal('end'),
  /** Records written per type: the reader checks it read as many lines. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type ParleyEnd = z.infer<typeof ParleyEndSchema>;
