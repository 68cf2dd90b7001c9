// A separate process that applies migrations, as a Parley process does at start: argv
// provider and URL; prints the names it applied as JSON. Used to race several at once.
import { join } from 'node:path';
import { migrate } from '../../src/db/migrate.js';

const [provider, url] = process.argv.slice(2) as ['sqlite' | 'postgresql', string];
const applied = await migrate(provider, url, join(import.meta.dirname, '../../prisma/migrations'));
process.stdout.write(`${JSON.stringify(applied)}\n`);
