// One-time invitation links: an admin invites a moderator by email, the link (shown once to
// the admin, or mailed) lets the invitee choose a name and password. Only the token's SHA-256
// is stored; a link works once and for INVITATION_TTL_MS.
import { randomBytes } from 'node:crypto';
import type { InvitationView } from '../contracts/moderation-api.js';
import type { Db } from '../db/database.js';
import { sha256Hex } from '../privacy/hashing.js';
import { siteIdsOf, type Actor, type Role } from './actor.js';
import { InvitationInvalidError } from './auth.errors.js';
import { normaliseUserEmail } from './auth.service.js';
import {
  claimInvitation,
  deleteInvitation,
  getInvitationByTokenHash,
  insertInvitation,
  listOpenInvitations,
} from './invitations.repo.js';
import { siteIdsForSlugs } from './site-access.js';
import { getSiteRefs } from '../sites/index.js';
import { createUserAccount, type UserAccount } from './users.service.js';

export const INVITATION_TTL_MS = 7 * 86_400_000;

export type { InvitationView };

type Row = NonNullable<Awaited<ReturnType<typeof getInvitationByTokenHash>>>;

async function toViews(db: Db, rows: Row[]): Promise<InvitationView[]> {
  const slugById = new Map((await getSiteRefs(db)).map((s) => [s.id, s.slug]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role === 'admin' ? 'admin' : 'moderator',
    sites: siteIdsOf(r.siteIds)
      .map((id) => slugById.get(id))
      .filter((s): s is string => !!s),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Creates an invitation; the token (for the link) is returned once and never stored. */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; role: Role; sites: string[] },
  now = new Date(),
): Promise<{ invitation: InvitationView; token: string }> {
  const token = randomBytes(24).toString('base64url');
  const row = await insertInvitation(db, {
    tokenHash: sha256Hex(token),
    email: normaliseUserEmail(input.email),
    role: input.role,
    siteIds: await siteIdsForSlugs(db, input.sites),
    createdById: actor.id,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  return { invitation: (await toViews(db, [row]))[0]!, token };
}

export async function listInvitations(db: Db, now = new Date()): Promise<InvitationView[]> {
  return toViews(db, await listOpenInvitations(db, now));
}

export async function withdrawInvitation(db: Db, id: string): Promise<void> {
  if (!(await deleteInvitation(db, id))) throw new InvitationInvalidError();
}

async function openInvitation(db: Db, token: string, now: Date): Promise<Row> {
  const row = await getInvitationByTokenHash(db, sha256Hex(token));
  if (!row || row.usedAt || row.expiresAt <= now) throw new InvitationInvalidError();
  return row;
}

/** What the invitee sees before accepting: the email and role, nothing else. */
export async function peekInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ email: string; role: Role }> {
  const row = await openInvitation(db, token, now);
  return { email: row.email, role: row.role === 'admin' ? 'admin' : 'moderator' };
}

export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name: string; password: string },
  now = new Date(),
): Promise<UserAccount> {
  const row = await openInvitation(db, token, now);
  // Claimed first: two tabs accepting the same link create one account.
  if (!(await claimInvitation(db, row.id, now))) throw new InvitationInvalidError();
  const [view] = await toViews(db, [row]);
  return createUserAccount(db, {
    email: row.email,
    name: input.name,
    password: input.password,
    role: view!.role,
    sites: view!.sites,
  });
}
