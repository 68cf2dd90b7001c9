// An author may edit their own comment for a short while after posting, with a token only
// they received (in the POST response). The window is counted from when the comment was
// written, so no later request can extend it. Edits are screened again.
import { createSignedTokens } from '../privacy/signed-tokens.js';

export const EDIT_WINDOW_MS = 15 * 60_000;

export interface EditTokens {
  issue(commentId: string, createdAt: Date): { token: string; expiresAt: Date };
  verify(commentId: string, token: string, now?: number): boolean;
}

export function createEditTokens(secret: string): EditTokens {
  const tokens = createSignedTokens(secret, 'edit');
  return {
    issue(commentId, createdAt) {
      const expires = createdAt.getTime() + EDIT_WINDOW_MS;
      return {
        token: tokens.issue([commentId], createdAt.getTime(), expires),
        expiresAt: new Date(expires),
      };
    },
    verify: (commentId, token, now = Date.now()) => tokens.check(token, [commentId], now).ok,
  };
}
