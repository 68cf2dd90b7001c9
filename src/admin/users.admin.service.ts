// Admin use cases on accounts, with an audit row each (no site: targetType user).
import type { Actor } from '../auth/index.js';
import {
  createUserAccount,
  updateUserAccount,
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

function auditable(u: UserAccount) {
  return { email: u.email, name: u.name, role: u.role, sites: u.sites };
}
