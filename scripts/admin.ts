// Account administration from the shell, against the same DATABASE_URL as the server:
//   npm run admin -- create --email ada@example.com --password '…' [--name Ada] [--role admin|moderator] [--sites demo,blog]
//   npm run admin -- set-password --email ada@example.com --password '…'
//   npm run admin -- list
//   npm run admin -- commenter-export --email reader@example.com [FILE]   (GDPR access; stdout without FILE)
//   npm run admin -- erase --email reader@example.com [--remove-bodies] --yes   (GDPR erasure)
// Pending migrations are applied first, as the server does at start-up.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH } from '../src/auth/passwords.js';
import { getUserByEmail } from '../src/auth/users.repo.js';
import {
  createUserAccount,
  listUserAccounts,
  updateUserAccount,
} from '../src/auth/users.service.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/errors.js';
import { CommenterEmail, eraseCommenter, exportCommenterData } from '../src/import-export/index.js';
import { EventBus } from '../src/events.js';
import { MIGRATIONS_DIR } from '../src/paths.js';
import { createHasher } from '../src/privacy/hashing.js';
import { resolveSecret } from '../src/privacy/secret.js';

const USAGE = `Usage:
  npm run admin -- create --email EMAIL --password PASSWORD [--name NAME] [--role admin|moderator] [--sites slug1,slug2]
  npm run admin -- set-password --email EMAIL --password PASSWORD
  npm run admin -- list
  npm run admin -- commenter-export --email EMAIL [FILE]
  npm run admin -- erase --email EMAIL [--remove-bodies] --yes`;

type Options = {
  email?: string;
  password?: string;
  name?: string;
  role?: string;
  sites?: string;
  'remove-bodies'?: boolean;
  yes?: boolean;
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function required(opts: Options, key: 'email' | 'password'): string {
  const value = opts[key]?.trim();
  if (!value) fail(`--${key} is required.\n\n${USAGE}`);
  if (key === 'password' && value.length < MIN_PASSWORD_LENGTH)
    fail(`--password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  return value;
}

async function create(db: Db, opts: Options): Promise<void> {
  const email = required(opts, 'email');
  const role = opts.role ?? 'admin';
  if (role !== 'admin' && role !== 'moderator') fail('--role must be admin or moderator.');
  const sites = (opts.sites ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const user = await createUserAccount(db, {
    email,
    password: required(opts, 'password'),
    name: opts.name?.trim() || email.split('@')[0]!,
    role,
    sites,
  });
  console.log(
    `Created ${user.role} ${user.email}${user.sites.length ? ` for ${user.sites.join(', ')}` : ''}.`,
  );
}

async function setPassword(db: Db, opts: Options): Promise<void> {
  const email = required(opts, 'email').toLowerCase();
  const user = await getUserByEmail(db, email);
  if (!user) fail(`No account with the email ${email}.`);
  await updateUserAccount(db, user.id, { password: required(opts, 'password') });
  console.log(
    `Password changed for ${email}; its sessions were signed out and any lock-out lifted.`,
  );
}

async function list(db: Db): Promise<void> {
  for (const u of await listUserAccounts(db)) {
    console.log(
      `${u.role.padEnd(9)} ${u.email}  ${u.name}${u.sites.length ? `  [${u.sites.join(', ')}]` : ''}${u.locked ? '  (locked)' : ''}`,
    );
  }
}

function commenterEmail(opts: Options): string {
  const parsed = CommenterEmail.safeParse(opts.email ?? '');
  if (!parsed.success) fail(`--email: ${parsed.error.issues[0]?.message}\n\n${USAGE}`);
  return parsed.data;
}

async function commenterExport(db: Db, secret: string, opts: Options, file?: string) {
  const chunks = exportCommenterData(
    { db, hasher: createHasher(secret) },
    commenterEmail(opts),
    null,
  );
  const target: Writable = file && file !== '-' ? createWriteStream(file) : process.stdout;
  await pipeline(Readable.from(chunks), target);
  if (file && file !== '-') console.error(`Wrote the commenter's data to ${file}.`);
}

async function erase(db: Db, secret: string, opts: Options): Promise<void> {
  const email = commenterEmail(opts);
  if (!opts.yes) fail('Erasure cannot be undone: add --yes to erase this commenter on every site.');
  const events = new EventBus(() => {});
  const result = await eraseCommenter({ db, hasher: createHasher(secret), events }, email, {
    removeBodies: opts['remove-bodies'] === true,
    actor: { id: null, name: 'command line' },
    siteIds: null,
  });
  console.log(
    `Erased ${result.comments} comment(s) on ${result.sites.length ? result.sites.join(', ') : 'no site'} (bodies ${result.bodies}); ${result.bansLifted} ban(s) lifted, ${result.lessonsDeleted} screening lesson(s) and ${result.auditEntriesScrubbed} audit entr(ies) cleaned.`,
  );
  if (result.comments > 0)
    console.log(
      'A running server keeps cached pages of those threads until they change or it restarts.',
    );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      sites: { type: 'string' },
      'remove-bodies': { type: 'boolean' },
      yes: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  const COMMANDS = ['create', 'set-password', 'list', 'commenter-export', 'erase'];
  if (!command || !COMMANDS.includes(command)) fail(USAGE);
  const config = loadConfig();
  await migrate(config.database.provider, config.database.url, MIGRATIONS_DIR);
  const database = await openDatabase(config.database.provider, config.database.url);
  try {
    if (command === 'create') await create(database.db, values);
    else if (command === 'set-password') await setPassword(database.db, values);
    else if (command === 'commenter-export')
      await commenterExport(database.db, resolveSecret(config.secret), values, positionals[1]);
    else if (command === 'erase') await erase(database.db, resolveSecret(config.secret), values);
    else await list(database.db);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) {
    const fields =
      err instanceof AppError && err.fields ? ` ${Object.values(err.fields).join(' ')}` : '';
    fail(`${err.message}${fields}`);
  }
  fail(`admin: ${err instanceof Error ? err.message : String(err)}`);
});
