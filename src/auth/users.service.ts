// Creating and changing moderator/admin accounts: from the admin API, the CLI and the
// first-admin bootstrap. Emails are stored lowercased; passwords only as argon2id hashes.
import { isUniqueViolation } from '../db/errors.js';
import type { UserAccount } from '../contracts/moderation-api.js';
import type { Db, Prisma } from '../db/database.js';

export type { UserAccount };
import { siteIdsOf, type Role } from './actor.js';
import { EmailTakenError, LastAdminError, UserNotFoundError } from './auth.errors.js';
import { normaliseUserEmail } from './auth.service.js';
import { hashPassword } from './passwords.js';
import { deleteSessionsOfUser } from './sessions.repo.js';
import { getSiteRefs } from '../sites/index.js';
import { siteIdsForSlugs } from './site-access.js';
import {
  countAdmins,
  deleteUser,
  getUserById,
  insertUser,
  listUsers,
  updateUser,
  type USER_COLUMNS,
} from './users.repo.js';

type UserRow = Prisma.UserGetPayload<{ select: typeof USER_COLUMNS }>;

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** Site slugs a moderator may act on. */
  sites: string[];
}

export interface UserChanges {
  email?: string;
  name?: string;
  password?: string;
  role?: Role;
  sites?: string[];
  /** Lift a sign-in lock-out now. */
  unlock?: boolean;
}

export async function createUserAccount(db: Db, input: NewUser): Promise<UserAccount> {
  const siteIds = await siteIdsForSlugs(db, input.sites);
  try {
    const user = await insertUser(db, {
      email: normaliseUserEmail(input.email),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      siteIds,
    });
    return (await toAccounts(db, [user]))[0]!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new EmailTakenError();
    throw err;
  }
}

export async function updateUserAccount(
  db: Db,
  id: string,
  changes: UserChanges,
): Promise<{ before: UserAccount; after: UserAccount }> {
  const current = await getUserById(db, id);
  if (!current) throw new UserNotFoundError();
  // Demoting the last admin would leave nobody able to manage sites and users.
  if (changes.role === 'moderator' && current.role === 'admin' && (await countAdmins(db)) <= 1)
    throw new LastAdminError();
  const data: Prisma.UserUpdateInput = {
    ...(changes.email !== undefined && { email: normaliseUserEmail(changes.email) }),
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.sites !== undefined && { siteIds: await siteIdsForSlugs(db, changes.sites) }),
    ...(changes.password !== undefined && { passwordHash: await hashPassword(changes.password) }),
    ...((changes.unlock || changes.password !== undefined) && {
      failedLogins: 0,
      lockedUntil: null,
    }),
  };
  let updated: UserRow;
  try {
    updated = await updateUser(db, id, data);
  } catch (err) {
    if (isUniqueViolation(err)) throw new EmailTakenError();
    throw err;
  }
  // A new password signs the account out of every session.
  if (changes.password !== undefined) await deleteSessionsOfUser(db, id);
  const [before, after] = await toAccounts(db, [current, updated]);
  return { before: before!, after: after! };
}

/** Removes an account (its sessions go with it); never the last admin. */
export async function deleteUserAccount(db: Db, id: string): Promise<UserAccount> {
  const current = await getUserById(db, id);
  if (!current) throw new UserNotFoundError();
  if (current.role === 'admin' && (await countAdmins(db)) <= 1) throw new LastAdminError();
  const [account] = await toAccounts(db, [current]);
  if (!(await deleteUser(db, id))) throw new UserNotFoundError();
  return account!;
}

export async function listUserAccounts(db: Db): Promise<UserAccount[]> {
  return toAccounts(db, await listUsers(db));
}

async function toAccounts(db: Db, users: UserRow[], now = new Date()): Promise<UserAccount[]> {
  const slugById = new Map((await getSiteRefs(db)).map((s) => [s.id, s.slug]));
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role === 'admin' ? 'admin' : 'moderator',
    sites: siteIdsOf(u.siteIds)
      .map((sid) => slugById.get(sid))
      .filter((s): s is string => !!s),
    locked: !!u.lockedUntil && u.lockedUntil > now,
    createdAt: u.createdAt.toISOString(),
  }));
}
