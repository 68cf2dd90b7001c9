// Signed form tokens: the widget fetches one when it shows the form and sends it back with the
// comment. The signature binds it to the site and post; its age tells how fast the form was
// submitted. Nothing is stored server-side.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FormTokenState } from './types.js';

const MAX_AGE_MS = 24 * 3_600_000;

export interface FormTokens {
  issue(siteId: string, postSlug: string, now?: number): string;
  verify(token: string | undefined, siteId: string, postSlug: string, now?: number): FormTokenState;
}

export function createFormTokens(secret: string): FormTokens {
  const sign = (issuedAt: number, siteId: string, postSlug: string) =>
    createHmac('sha256', secret)
      .update(`form\0${issuedAt}\0${siteId}\0${postSlug}`)
      .digest('base64url');
  return {
    issue(siteId, postSlug, now = Date.now()) {
      return `v1.${now.toString(36)}.${sign(now, siteId, postSlug)}`;
    },
    verify(token, siteId, postSlug, now = Date.now()) {
      if (!token) return { status: 'missing' };
      const m = /^v1\.([0-9a-z]{1,12})\.([\w-]{43})$/.exec(token);
      if (!m) return { status: 'invalid' };
      const issuedAt = parseInt(m[1]!, 36);
      const expected = Buffer.from(sign(issuedAt, siteId, postSlug));
      const given = Buffer.from(m[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return { status: 'invalid' };
      const ageMs = now - issuedAt;
      if (ageMs < -60_000) return { status: 'invalid' }; // issued in the future: forged
      if (ageMs > MAX_AGE_MS) return { status: 'expired' };
      return { status: 'ok', ageMs: Math.max(0, ageMs) };
    },
  };
}
