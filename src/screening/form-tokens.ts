// Form tokens: the widget fetches one when it shows the form and sends it back with the
// comment. The signature binds it to the site and post; its age tells how fast the form was
// submitted.
import { createSignedTokens } from '../privacy/signed-tokens.js';
import type { FormTokenState } from './types.js';

const MAX_AGE_MS = 24 * 3_600_000;

export interface FormTokens {
  issue(siteId: string, postSlug: string, now?: number): string;
  verify(token: string | undefined, siteId: string, postSlug: string, now?: number): FormTokenState;
}

export function createFormTokens(secret: string): FormTokens {
  const tokens = createSignedTokens(secret, 'form');
  return {
    issue: (siteId, postSlug, now = Date.now()) =>
      tokens.issue([siteId, postSlug], now, now + MAX_AGE_MS),
    verify(token, siteId, postSlug, now = Date.now()) {
      if (!token) return { status: 'missing' };
      const check = tokens.check(token, [siteId, postSlug], now);
      if (check.ok) return { status: 'ok', ageMs: Math.max(0, now - check.issuedAt) };
      return { status: check.reason === 'expired' ? 'expired' : 'invalid' };
    },
  };
}
