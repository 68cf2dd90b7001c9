// The links in mails. All are signed (HMAC, src/privacy/signed-tokens.ts) so nobody can make
// one up; decision links also name a stored row that makes them single-use.
import { randomBytes } from 'node:crypto';
import { createSignedTokens } from '../privacy/signed-tokens.js';

const DAY = 24 * 3600_000;
/** A decision link works this long (the comment may be decided elsewhere before). */
export const ACTION_LINK_TTL_MS = 7 * DAY;
const CONFIRM_LINK_TTL_MS = 7 * DAY;
/** Unsubscribe links must keep working for old mails. */
const UNSUBSCRIBE_LINK_TTL_MS = 3650 * DAY;

/** Everything for an address, one thread for an address, or a staff member's moderation mail. */
export type UnsubscribeScope =
  | { kind: 'all' }
  | { kind: 'thread'; rootId: string }
  | { kind: 'staff' };

export interface MailLinks {
  /** A new single-use token id and the link carrying it. */
  action(now: number): { id: string; token: string; expiresAt: Date };
  /** The token id of a genuine, unexpired decision link, or null. */
  readAction(token: string, now: number): string | null;
  confirm(addressId: string, now: number): string;
  readConfirm(token: string, now: number): string | null;
  unsubscribe(addressId: string, scope: UnsubscribeScope, now: number): string;
  readUnsubscribe(
    token: string,
    now: number,
  ): { addressId: string; scope: UnsubscribeScope } | null;
}

const ID = /^[\w-]{22}$/;
const UUID = /^[0-9a-f-]{36}$/;

export function createMailLinks(secret: string): MailLinks {
  const actions = createSignedTokens(secret, 'mail-action');
  const confirms = createSignedTokens(secret, 'mail-confirm');
  const unsubscribes = createSignedTokens(secret, 'mail-unsubscribe');
  return {
    action(now) {
      const id = randomBytes(16).toString('base64url');
      const expiresAt = now + ACTION_LINK_TTL_MS;
      return {
        id,
        token: `${id}~${actions.issue([id], now, expiresAt)}`,
        expiresAt: new Date(expiresAt),
      };
    },
    readAction(token, now) {
      const [id, signed] = token.split('~');
      if (!id || !signed || !ID.test(id)) return null;
      return actions.check(signed, [id], now).ok ? id : null;
    },
    confirm(addressId, now) {
      return `${addressId}~${confirms.issue([addressId], now, now + CONFIRM_LINK_TTL_MS)}`;
    },
    readConfirm(token, now) {
      const [id, signed] = token.split('~');
      if (!id || !signed || !UUID.test(id)) return null;
      return confirms.check(signed, [id], now).ok ? id : null;
    },
    unsubscribe(addressId, scope, now) {
      const where = scope.kind === 'thread' ? scope.rootId : scope.kind;
      return `${addressId}~${where}~${unsubscribes.issue([addressId, where], now, now + UNSUBSCRIBE_LINK_TTL_MS)}`;
    },
    readUnsubscribe(token, now) {
      const [id, where, signed] = token.split('~');
      if (!id || !where || !signed || !UUID.test(id)) return null;
      if (where !== 'all' && where !== 'staff' && !UUID.test(where)) return null;
      if (!unsubscribes.check(signed, [id, where], now).ok) return null;
      const scope: UnsubscribeScope =
        where === 'all' || where === 'staff' ? { kind: where } : { kind: 'thread', rootId: where };
      return { addressId: id, scope };
    },
  };
}
