// Turns comment changes into webhook deliveries, inside the transaction of the change: one
// outbox row per (change, endpoint that wants it), with the body as it is at that moment.
import type { ChangeRecorder } from '../events.js';
import type { NewOutboxMessage, Outbox } from '../outbox/index.js';
import { eventBody } from './event-body.js';
import { getCommentsForEvents, getEnabledEndpoints } from './webhooks.repo.js';
import { StoredEvents } from './webhooks.schema.js';

export function webhookRecorder(deps: { outbox: Outbox; publicUrl: string }): ChangeRecorder {
  return async (tx, changes) => {
    const endpoints = await getEnabledEndpoints(tx, [...new Set(changes.map((c) => c.siteId))]);
    if (endpoints.length === 0) return;
    const wanted = endpoints.map((e) => ({ ...e, events: new Set(StoredEvents.parse(e.events)) }));
    const matches = changes.flatMap((change) =>
      wanted
        .filter((e) => e.siteId === change.siteId && e.events.has(change.type))
        .map((endpoint) => ({ change, endpoint })),
    );
    if (matches.length === 0) return;
    const comments = new Map(
      (await getCommentsForEvents(tx, [...new Set(matches.map((m) => m.change.commentId))])).map(
        (c) => [c.id, c],
      ),
    );
    const messages: NewOutboxMessage[] = [];
    for (const { change, endpoint } of matches) {
      const comment = comments.get(change.commentId);
      if (!comment) continue;
      messages.push({
        kind: 'webhook',
        // A comment is created once; any other change has its own id.
        key:
          change.type === 'comment.created'
            ? `webhook:${endpoint.id}:comment.created:${change.commentId}`
            : `webhook:${endpoint.id}:${change.id}`,
        siteId: change.siteId,
        target: endpoint.id,
        payload: {
          endpointId: endpoint.id,
          event: eventBody(change, comment, deps.publicUrl, endpoint.private),
        },
      });
    }
    await deps.outbox.enqueue(tx, messages);
  };
}
