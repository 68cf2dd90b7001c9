// Admin use cases on accounts, with an audit row each (no site: targetType user).
import type { Actor } from '../auth/index.js';
import {
  CannotRemoveSelfError,
  createInvitation,
  createUserAccount,
  deleteUserAccount,
  updateUserAccount,
  withdrawInvitation,
  type NewUser,
  type UserAccount,
  type UserChanges,
} from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import { insertAudit } from '../moderation/index.js';

export async function createUserAsAdmin(
  db: Db,
  actor: Actor,
  input: NewUser,
): Promise<UserAccount> {
  const user = await createUserAccount(db, input);
  await insertAudit(db, {
    siteId: null,
    actor,
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    before: null,
    after: auditable(user),
  });
  return user;
}

export async function updateUserAsAdmin(
  db: Db,
  events: EventBus,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserAccount> {
  const { before, after } = await updateUserAccount(db, id, changes);
  // Rights and credentials take effect at once: the user's open sockets are closed, and
  // reconnect (if their session still stands) with what they may see now.
  if (
    changes.password !== undefined ||
    changes.sites !== undefined ||
    changes.role !== undefined ||
    changes.email !== undefined
  ) {
    events.publish('user.access-changed', { userId: id });
  }
  await insertAudit(db, {
    siteId: null,
    actor,
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    before: auditable(before),
    after: {
      ...auditable(after),
      ...(changes.password !== undefined && { passwordChanged: true }),
    },
  });
  return after;
}

/** Removes a moderator or admin (not oneself, not the last admin); their sockets close. */
export async function deleteUserAsAdmin(
  db: Db,
  events: EventBus,
  actor: Actor,
  id: string,
): Promise<void> {
  if (id === actor.id) throw new CannotRemoveSelfError();
  const removed = await deleteUserAccount(db, id);
  events.publish('user.access-changed', { userId: id });
  await insertAudit(db, {
    siteId: null,
    actor,
    action: 'user.delete',
    targetType: 'user',
    targetId: id,
    before: auditable(removed),
    after: null,
  });
}

/** An invitation link for a new moderator or admin, shown once (the token is not stored). */
export async function inviteUser(
  db: Db,
  actor: Actor,
  publicUrl: string,
  input: { email: string; role: 'admin' | 'moderator'; sites: string[] },
) {
  const { invitation, token } = await createInvitation(db, actor, input);
  await insertAudit(db, {
    siteId: null,
    actor,
    action: 'user.invite',
    targetType: 'user',
    targetId: invitation.id,
    before: null,
    after: { email: invitation.email, role: invitation.role, sites: invitation.sites },
  });
  // The token rides in the fragment, which browsers never send to a server or a log.
  return { invitation, link: `${publicUrl.replace(/\/+$/, '')}/moderate/invite#${token}` };
}

export async function withdrawInvitationAsAdmin(db: Db, actor: Actor, id: string): Promise<void> {
  await withdrawInvitation(db, id);
  await insertAudit(db, {
    siteId: null,
    actor,
    action: 'user.invite-withdraw',
    targetType: 'user',
    targetId: id,
    before: null,
    after: null,
  });
}

function auditable(u: UserAccount) {
  return { email: u.email, name: u.name, role: u.role, sites: u.sites };
}
