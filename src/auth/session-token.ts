// Session tokens: the cookie holds 32 random bytes; the database holds only their SHA-256,
// so a leaked Session table signs nobody in.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../privacy/hashing.js';

export const SESSION_COOKIE = 'parley_session';
export const SESSION_TTL_MS = 14 * 86_400_000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return sha256Hex(token);
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
