// Salted hashes stand in for the commenter's email and IP wherever the raw value is not
// needed: avatars, author history, flood checks. A plain MD5 of an email (Gravatar) can be
// reversed by a dictionary; a keyed HMAC cannot without the server's secret.
import { createHash, createHmac } from 'node:crypto';

export interface Hasher {
  /** Hash of a normalised email: stable per author, safe to publish (avatars). */
  author(email: string): string;
  ip(ip: string): string;
  /** Hash of a comment body with whitespace and case folded, for duplicate detection. */
  content(body: string): string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createHasher(secret: string): Hasher {
  const hmac = (purpose: string, value: string) =>
    createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
  return {
    author: (email) => hmac('author', normaliseEmail(email)).slice(0, 32),
    ip: (ip) => hmac('ip', ip).slice(0, 32),
    content: (body) => hmac('content', body.toLowerCase().replace(/\s+/g, ' ').trim()).slice(0, 32),
  };
}

/** A plain SHA-256 in hex: for random tokens (sessions, API keys), which need no salt. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
