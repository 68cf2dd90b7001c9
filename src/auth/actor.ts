// Who is acting on a moderation or admin request, and what they may touch.
import { readStringList } from '../db/json-columns.js';
import { ForbiddenError } from './auth.errors.js';

export type Role = 'admin' | 'moderator';

/** The signed-in user behind a request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Sites a moderator may act on; ignored for admins, who act everywhere. */
  siteIds: string[];
}

export function siteIdsOf(stored: unknown): string[] {
  return readStringList(stored);
}

export function toActor(user: {
  id: string;
  email: string;
  name: string;
  role: string;
  siteIds: unknown;
}): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === 'admin' ? 'admin' : 'moderator',
    siteIds: siteIdsOf(user.siteIds),
  };
}

export function canModerateSite(actor: Actor, siteId: string): boolean {
  return actor.role === 'admin' || actor.siteIds.includes(siteId);
}

export function assertCanModerateSite(actor: Actor, siteId: string): void {
  if (!canModerateSite(actor, siteId)) throw new ForbiddenError('You do not moderate this site.');
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ForbiddenError('Only admins can do this.');
}
