// The first admin, from PARLEY_ADMIN_EMAIL / PARLEY_ADMIN_PASSWORD at start-up. An existing
// account is never changed: a different password in the environment only earns a warning.
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import { EmailTakenError } from './auth.errors.js';
import { normaliseUserEmail } from './auth.service.js';
import { verifyPassword } from './passwords.js';
import { createUserAccount } from './users.service.js';
import { getUserByEmail } from './users.repo.js';

export type BootstrapOutcome = 'created' | 'exists' | 'skipped';

export async function ensureFirstAdmin(
  db: Db,
  admin: { email: string; password: string } | undefined,
  log: Logger,
): Promise<BootstrapOutcome> {
  if (!admin) return 'skipped';
  const existing = await getUserByEmail(db, normaliseUserEmail(admin.email));
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, admin.password))) {
      log.warn(
        { userId: existing.id },
        'PARLEY_ADMIN_PASSWORD differs from the stored password of that account; the stored one is kept (change it with `npm run admin -- set-password`)',
      );
    }
    return 'exists';
  }
  const name = admin.email.split('@')[0] || 'Admin';
  let user: Awaited<ReturnType<typeof createUserAccount>>;
  try {
    user = await createUserAccount(db, {
      email: admin.email,
      name,
      password: admin.password,
      role: 'admin',
      sites: [],
    });
  } catch (err) {
    if (err instanceof EmailTakenError) return 'exists'; // another process started at the same moment
    throw err;
  }
  log.info({ userId: user.id }, 'created the first admin account from PARLEY_ADMIN_EMAIL');
  return 'created';
}
