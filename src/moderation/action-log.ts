// One info line per moderator action, beside its audit row: who (account id and display name,
// never the email), what, and on which comment or ban. Operators grep these; the audit log in
// the database stays the record.
import type { Actor } from '../auth/index.js';
import type { Logger } from '../logger.js';

export function logModeratorAction(
  log: Logger,
  actor: Actor,
  action: string,
  target: { commentId: string } | { banId: string },
  siteId: string | null,
): void {
  log.info(
    { actorId: actor.id, actorName: actor.name, action, ...target, siteId },
    'moderator action',
  );
}
