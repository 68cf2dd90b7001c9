// An admin invited someone to moderate: the invitee is mailed the link through the outbox, in
// the inviter's language (the admin's API answer still carries the link, as before). The link
// rides in the queued mail until the row is pruned (OUTBOX_RETENTION_DAYS); it works once.
import type { Actor, InvitationView } from '../auth/index.js';
import { redactError } from '../logger.js';
import { getSettings } from './notifications.repo.js';
import type { NotifyDeps } from './notify-deps.js';
import { invitationMail } from './templates.js';

const DAY_MS = 86_400_000;

export async function mailInvitation(
  deps: NotifyDeps,
  inviter: Actor,
  invited: { invitation: InvitationView; link: string },
): Promise<void> {
  const { invitation, link } = invited;
  try {
    const [setting] = await getSettings(deps.db, [inviter.id]);
    const days = Math.max(1, Math.round((Date.parse(invitation.expiresAt) - deps.now()) / DAY_MS));
    await deps.queue.enqueue(
      {
        ...invitationMail(
          { inviterName: inviter.name, role: invitation.role, link, days },
          setting?.language,
        ),
        to: invitation.email,
        fromName: 'Parley',
        key: `invitation:${invitation.id}`,
      },
      { kind: 'invitation' },
    );
  } catch (err) {
    // The invitation stands (its link is in the API answer): a mail that cannot be queued
    // must not turn it into an error.
    deps.log.error({ err: redactError(err) }, 'invitation mail not queued');
  }
}
