// The JSON body of a webhook delivery: { id, type, createdAt, site, data: { comment } }, the
// comment in its public shape plus moderation fields. The commenter's email is added only for
// an endpoint marked private.
import { toPublicComment } from '../comments/index.js';
import type { CommentChange } from '../events.js';
import { readScreeningDetails } from '../screening/index.js';
import type { CommentForEvent } from './webhooks.repo.js';
import type { DeliveryPayload } from './webhooks.schema.js';

export function eventBody(
  change: Pick<CommentChange, 'id' | 'type' | 'at' | 'from' | 'to'>,
  c: CommentForEvent,
  publicUrl: string,
  isPrivate: boolean,
): DeliveryPayload['event'] {
  const pub = toPublicComment(c, publicUrl);
  const screening = readScreeningDetails(c.screening);
  return {
    id: change.id,
    type: change.type,
    createdAt: change.at.toISOString(),
    site: { id: c.site.id, slug: c.site.slug },
    data: {
      comment: {
        ...pub,
        author: { ...pub.author, ...(isPrivate && { email: c.authorEmail }) },
        post: c.post,
        status: c.status,
        body: c.body,
        moderation: {
          decision: screening.decision,
          reasons: screening.reasons.map((r) => ({ code: r.code, message: r.message })),
          toxic: c.toxic,
          toxicityScore: c.toxicityScore,
          spamScore: c.spamScore,
          reportCount: c.reportCount,
          reportedAt: c.reportedAt?.toISOString() ?? null,
          decidedAt: c.decidedAt?.toISOString() ?? null,
        },
      },
      ...(change.from !== undefined && { previousStatus: change.from }),
    },
  };
}
