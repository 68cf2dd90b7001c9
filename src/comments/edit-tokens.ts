// An author may edit their own comment for a short while after posting, with a token only
// they received (in the POST response). The window is counted from when the comment was
// written, so no later request can extend it. Edits are screened again.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EDIT_WINDOW_MS = 15 * 60_000;

export interface EditTokens {
  issue(commentId: string, createdAt: Date): { token: string; expiresAt: Date };
  verify(commentId: string, token: string, now?: number): boolean;
}

export function createEditTokens(secret: string): EditTokens {
  const sign = (commentId: string, expires: number) =>
    createHmac('sha256', secret).update(`edit\0${commentId}\0${expires}`).digest('base64url');
  return {
    issue(commentId, createdAt) {
      const expires = createdAt.getTime() + EDIT_WINDOW_MS;
      return {
        token: `${expires.toString(36)}.${sign(commentId, expires)}`,
        expiresAt: new Date(expires),
      };
    },
    verify(commentId, token, now = Date.now()) {
      const [exp, sig] = token.split('.');
      const expires = parseInt(exp ?? '', 36);
      if (!sig || !Number.isFinite(expires) || expires < now) return false;
      const expected = Buffer.from(sign(commentId, expires));
      const given = Buffer.from(sig);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
