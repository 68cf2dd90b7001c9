// Signed, self-contained tokens: an HMAC over a purpose, the fields the token is bound to and
// its issue and expiry times. Nothing is stored server-side. Form tokens (bound to a site and
// post; their age says how fast a form was sent) and edit tokens (bound to a comment; valid
// until a fixed time after it was written) are both made here.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenCheck =
  | { ok: true; issuedAt: number; expiresAt: number }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'future' };

export interface SignedTokens {
  issue(fields: readonly string[], issuedAt: number, expiresAt: number): string;
  check(token: string, fields: readonly string[], now: number): TokenCheck;
}

const SHAPE = /^v2\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([\w-]{43})$/;
/** Clocks of several processes drift a little: an issue time this far ahead is still believed. */
const CLOCK_SKEW_MS = 60_000;

export function createSignedTokens(secret: string, purpose: string): SignedTokens {
  const sign = (fields: readonly string[], issuedAt: number, expiresAt: number) =>
    createHmac('sha256', secret)
      .update([purpose, ...fields, issuedAt, expiresAt].join('\0'))
      .digest('base64url');
  return {
    issue(fields, issuedAt, expiresAt) {
      return `v2.${issuedAt.toString(36)}.${expiresAt.toString(36)}.${sign(fields, issuedAt, expiresAt)}`;
    },
    check(token, fields, now) {
      const m = SHAPE.exec(token);
      if (!m) return { ok: false, reason: 'malformed' };
      const issuedAt = Number.parseInt(m[1] as string, 36);
      const expiresAt = Number.parseInt(m[2] as string, 36);
      const expected = Buffer.from(sign(fields, issuedAt, expiresAt));
      const given = Buffer.from(m[3] as string);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return { ok: false, reason: 'forged' };
      if (issuedAt - now > CLOCK_SKEW_MS) return { ok: false, reason: 'future' };
      if (expiresAt < now) return { ok: false, reason: 'expired' };
      return { ok: true, issuedAt, expiresAt };
    },
  };
}
