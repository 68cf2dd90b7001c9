// The states an audit row keeps (AuditLog.before / after, JSON columns) and undo replays, read
// back through zod: an entry written by an older version, or damaged, reads as "nothing to
// restore" rather than as a wrong type.
import { z } from 'zod';
import { COMMENT_STATUSES } from '../contracts/moderation-api.js';

/** A comment's state before or after a decision or an edit. */
export const CommentSnapshotSchema = z.object({
  status: z.enum(COMMENT_STATUSES).optional().catch(undefined),
  reportedAt: z.string().nullable().optional().catch(undefined),
  body: z.string().optional().catch(undefined),
  /** the reader reports the decision settled */
  resolvedReportIds: z.array(z.string()).optional().catch(undefined),
});
export type CommentSnapshotRead = z.infer<typeof CommentSnapshotSchema>;

/** A lifted ban, as it was, so undo can create it again. */
export const BanSnapshotSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  kind: z.enum(['email', 'ip', 'domain']),
  value: z.string(),
  reason: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
});

/** Any stored snapshot as a plain object (for the undo row that mirrors it). */
const AnyObject = z.record(z.string(), z.unknown());

export function readCommentSnapshot(stored: unknown): CommentSnapshotRead {
  const parsed = CommentSnapshotSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

export function readBanSnapshot(stored: unknown): z.infer<typeof BanSnapshotSchema> | null {
  const parsed = BanSnapshotSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function readSnapshotObject(stored: unknown): Record<string, unknown> | null {
  const parsed = AnyObject.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
