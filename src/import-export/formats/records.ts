// The normalised records every reader yields, whatever the source format. A database importer
// consumes one stream of them: threads (Parley posts), comments and skipped entries, each keyed
// by the id the *source* gave it, so a re-import can match what an earlier run already wrote.
//
// Readers yield in file order and never resolve references: a comment may arrive before its
// thread or before its parent (Disqus, Remark42 and Commento make no promise of order). The
// importer writes threads as they come, keeps a (format, kind, sourceId) → Parley id map, and
// fixes up comments whose thread or parent had not arrived yet at the end of the run.
import { z } from 'zod';
import {
  PARLEY_COMMENT_STATUSES,
  ParleyAuditSchema,
  ParleyBanSchema,
  ParleyReportSchema,
  ParleySettingsSchema,
  ParleySpamModelSchema,
} from './parley-format.js';

export const IMPORT_FORMATS = ['disqus', 'wxr', 'isso', 'remark42', 'commento', 'parley'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** How a body is written: readers hand it over untouched; html-body.ts turns it into Parley Markdown. */
export const BodyFormatSchema = z.enum(['html', 'markdown', 'text']);
export type BodyFormat = z.infer<typeof BodyFormatSchema>;

/** Parley's 'rejected' has no counterpart in any source format; a moderator decision stays 'deleted' or 'spam'. */
export const ImportedStatusSchema = z.enum(['approved', 'pending', 'spam', 'deleted']);
export type ImportedStatus = z.infer<typeof ImportedStatusSchema>;

export const CommentKindSchema = z.enum(['comment', 'pingback', 'trackback']);
export type CommentKind = z.infer<typeof CommentKindSchema>;

const sourceId = z.string().min(1);
const storedDate = z.coerce.date();

/** Parley's own export only: what a post keeps beyond the common fields. */
export const RestoredThreadSchema = z.object({
  author: z.string().nullable(),
  createdAt: storedDate,
});
export type RestoredThread = z.infer<typeof RestoredThreadSchema>;

/**
 * Parley's own export only: what a comment keeps beyond the common fields, written as stored
 * (status incl. "rejected", rendered html, screening verdict and scores, hashes, times).
 */
export const RestoredCommentSchema = z.object({
  status: z.enum(PARLEY_COMMENT_STATUSES),
  /** The comment it answers when it was attached higher up (nesting limit). */
  replyToSourceId: sourceId.nullable(),
  replyToName: z.string().nullable(),
  html: z.string(),
  screening: z.json(),
  toxic: z.boolean(),
  toxicityScore: z.number().nullable(),
  spamScore: z.number().nullable(),
  reportCount: z.number().int().nonnegative(),
  reportedAt: storedDate.nullable(),
  /** Null in files written before the export carried it: the importer derives it from the email. */
  authorHash: z.string().nullable(),
  ipHash: z.string(),
  userAgent: z.string().nullable(),
  referrer: z.string().nullable(),
  akismetParams: z.json().nullable(),
  editedAt: storedDate.nullable(),
  decidedAt: storedDate.nullable(),
});
export type RestoredComment = z.infer<typeof RestoredCommentSchema>;

/** Parley's own export only: a site's settings, spam counts, reports, bans and audit entries. */
export const RestoreRecordSchema = z.object({
  type: z.literal('restore'),
  record: z.discriminatedUnion('type', [
    ParleySettingsSchema,
    ParleySpamModelSchema,
    ParleyReportSchema,
    ParleyBanSchema,
    ParleyAuditSchema,
  ]),
});
export type RestoreRecord = z.infer<typeof RestoreRecordSchema>;

export const ThreadRecordSchema = z.object({
  type: z.literal('thread'),
  /** The source's id of the page: Disqus dsq:id, WordPress post id, Isso thread id, else the URL. */
  sourceId,
  /** Absolute URL, or the path when the source keeps only a path (Isso, Commento without domain). */
  url: z.string().min(1),
  title: z.string().nullable(),
  /** A slug-like identifier when the source has one (Disqus <id>, WordPress post_name): a Parley post slug candidate. */
  identifier: z.string().nullable(),
  closed: z.boolean(),
  createdAt: z.date().nullable(),
  restore: RestoredThreadSchema.optional(),
});
export type ThreadRecord = z.infer<typeof ThreadRecordSchema>;

export const CommentRecordSchema = z.object({
  type: z.literal('comment'),
  sourceId,
  /** Matches a ThreadRecord.sourceId of the same stream (which may come later, or never). */
  threadSourceId: sourceId,
  /** Matches a CommentRecord.sourceId of the same stream (which may come later, or never); null at top level. */
  parentSourceId: sourceId.nullable(),
  authorName: z.string(),
  authorEmail: z.string().nullable(),
  authorWebsite: z.string().nullable(),
  /** A real address when the source kept one; never a hash (Remark42 keeps only an HMAC). */
  authorIp: z.string().nullable(),
  body: z.string(),
  bodyFormat: BodyFormatSchema,
  createdAt: z.date(),
  status: ImportedStatusSchema,
  kind: CommentKindSchema,
  restore: RestoredCommentSchema.optional(),
});
export type CommentRecord = z.infer<typeof CommentRecordSchema>;

export const SkippedRecordSchema = z.object({
  type: z.literal('skipped'),
  /** The source id when the entry had a readable one. */
  sourceId: z.string().nullable(),
  /** What the entry was: 'thread', 'comment' or, when that is unknown, 'record'. */
  entity: z.enum(['thread', 'comment', 'record']),
  reason: z.string(),
  /** 1-based line where the entry started (XML, JSON lines); null where lines mean nothing (SQLite). */
  line: z.number().int().positive().nullable(),
});
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>;

export const ImportRecordSchema = z.discriminatedUnion('type', [
  ThreadRecordSchema,
  CommentRecordSchema,
  SkippedRecordSchema,
]);
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
/** What the importer consumes: a reader's records, plus a Parley export's restore records. */
export type ImportStreamRecord = ImportRecord | RestoreRecord;

/** The stable key an importer stores to make re-imports idempotent. */
export function sourceKey(format: ImportFormat, record: ThreadRecord | CommentRecord): string {
  return `${format}:${record.type}:${record.sourceId}`;
}

export function skipped(
  entity: SkippedRecord['entity'],
  sourceId: string | null,
  reason: string,
  line: number | null,
): SkippedRecord {
  return { type: 'skipped', sourceId, entity, reason, line };
}
