import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SECRET_FILE = resolve(process.cwd(), 'data/.parley-secret');

/**
 * PARLEY_SECRET when set; otherwise a random secret kept in ./data so that hashes and form
 * tokens survive restarts with zero set-up. Processes that share a database must share it.
 */
export function resolveSecret(configured: string | undefined): string {
  if (configured) return configured;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  mkdirSync(dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(SECRET_FILE, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
