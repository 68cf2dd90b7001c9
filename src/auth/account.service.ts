// What a signed-in user does to their own account: change the password (the other sessions
// end), sign out everywhere; and the first-run set-up that creates the first admin while
// Parley has no account at all.
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { SetupDoneError, WrongPasswordError } from './auth.errors.js';
import { openSession, type SignedIn } from './auth.service.js';
import { countUsers } from './invitations.repo.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteSessionsOfUser } from './sessions.repo.js';
import { getPasswordHash, getUserNames, updateUser } from './users.repo.js';
import { createUserAccount } from './users.service.js';

export async function changeOwnPassword(
  db: Db,
  signedIn: SignedIn,
  input: { current: string; password: string },
): Promise<void> {
  const stored = await getPasswordHash(db, signedIn.actor.id);
  if (!stored || !(await verifyPassword(stored, input.current))) throw new WrongPasswordError();
  await updateUser(db, signedIn.actor.id, { passwordHash: await hashPassword(input.password) });
  await deleteSessionsOfUser(db, signedIn.actor.id, signedIn.sessionId);
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  await deleteSessionsOfUser(db, actor.id);
}

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

// Two set-up requests at the same moment in this process: the second waits and then finds an
// account. (Across processes the unique email and the count check bound it to a rare race.)
let setupQueue: Promise<unknown> = Promise.resolve();

/** Creates the first admin and signs them in; refused once any account exists. */
export function createFirstAdmin(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<SignedIn> {
  const run = setupQueue.then(async () => {
    if (!(await needsSetup(db))) throw new SetupDoneError();
    const user = await createUserAccount(db, { ...input, role: 'admin', sites: [] });
    return openSession(db, { ...user, siteIds: [] }, new Date());
  });
  setupQueue = run.catch(() => undefined);
  return run;
}

/** The display name moderators see in the dashboard and the audit log. */
export async function renameSelf(db: Db, actor: Actor, name: string): Promise<void> {
  await updateUser(db, actor.id, { name });
}

/** Current display names of accounts (the audit log shows who acted by today's name). */
export async function currentUserNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await getUserNames(db, ids)).map((u) => [u.id, u.name]));
}
