// Request shapes of the moderation API (/api/moderation/…).
import { z } from 'zod';
import { cursor, id, limit, slug } from '../schema.js';
import { QUEUES } from './queue.repo.js';

const queue = z.enum(QUEUES, { error: `Queue must be one of ${QUEUES.join(', ')}.` });

export const IdParams = z.object({ id });

export const QueueQuery = z
  .object({
    queue: queue.optional(),
    /** Alias of queue. */
    status: queue.optional(),
    site: slug.optional(),
    post: slug.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    author: z.string().trim().min(1).max(254).optional(),
    sort: z
      .enum(['oldest', 'newest', 'priority'], { error: 'Sort must be oldest, newest or priority.' })
      .default('oldest'),
    cursor: cursor.optional(),
    limit: limit(100, 20),
  })
  .transform(({ status, queue: q, ...rest }) => ({ ...rest, queue: q ?? status ?? 'pending' }));
export type QueueQuery = z.infer<typeof QueueQuery>;

export {
  MODERATION_ACTIONS as ACTIONS,
  type ModerationAction,
} from '../contracts/moderation-api.js';
import { MODERATION_ACTIONS as ACTIONS } from '../contracts/moderation-api.js';

export const ActionParams = z.object({ id, action: z.enum(ACTIONS, { error: 'Unknown action.' }) });

export const RejectBody = z.object({
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
});

export const EditBody = z.object({
  body: z
    .string({ error: 'Please write the comment text.' })
    .trim()
    .min(1, 'Please write the comment text.')
    .max(20_000, 'The comment is too long.'),
});

export const BulkBody = z.object({
  ids: z
    .array(id, { error: 'Send the comment ids as an array.' })
    .min(1, 'Select at least one comment.')
    .max(200, 'At most 200 comments at once.'),
  action: z.enum(ACTIONS, { error: `Action must be one of ${ACTIONS.join(', ')}.` }),
});

export const CreateBanBody = z
  .object({
    site: slug.optional(),
    kind: z.enum(['email', 'ip', 'domain'], { error: 'Kind must be email, ip or domain.' }),
    value: z.string().trim().min(1).max(254).optional(),
    commentId: id.optional(),
    reason: z.string().trim().max(500).optional(),
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Use an ISO date-time, e.g. 2030-01-01T00:00:00Z.' })
      .optional(),
    /** Also reject the author's visible and held comments on the site (Coral's "reject all"). */
    rejectExisting: z.boolean({ error: 'rejectExisting must be true or false.' }).default(false),
  })
  .refine((b) => b.value !== undefined || b.commentId !== undefined, {
    path: ['value'],
    message: 'Give a value or a commentId.',
  })
  .refine((b) => b.site !== undefined || b.commentId !== undefined, {
    path: ['site'],
    message: 'Name the site.',
  });
export type CreateBanBody = z.infer<typeof CreateBanBody>;

export const SiteQuery = z.object({ site: slug.optional() });

export const AuditQuery = z.object({
  site: slug.optional(),
  cursor: cursor.optional(),
  limit: limit(200, 50),
});

export const StatsQuery = z.object({
  site: slug.optional(),
  days: z.coerce
    .number({ error: 'Days must be a number.' })
    .int()
    .min(1, 'Days must be at least 1.')
    .max(365, 'Days must be at most 365.')
    .default(30),
});

export const ReportParams = z.object({ id: z.string().max(100) });

export const ReportBody = z.object({
  reason: z.enum(['spam', 'abuse', 'off-topic', 'other'], {
    error: 'Reason must be spam, abuse, off-topic or other.',
  }),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
});
