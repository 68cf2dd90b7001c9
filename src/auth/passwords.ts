// Passwords are stored as argon2id hashes (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1,
// the OWASP baseline). Unknown emails are verified against a dummy hash so a failed sign-in
// takes about as long whether or not the account exists.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Burns the same time as a real verification; always false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('parley-dummy-password-never-valid');
  await verifyPassword(await dummyHash, password);
  return false;
}
