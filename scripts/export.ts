// A site's comments to a file, from the same DATABASE_URL as the server:
//   npm run export -- --site SLUG --format parley|wxr FILE     (FILE "-" writes to stdout)
// The file is streamed from the database page by page; progress goes to stderr. package.json
// runs it with a bounded heap (see bench/export.ts).
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/errors.js';
// The exporter alone: import-export's index also loads the importer, its routes and every
// format's reader, ~60 MB of RSS and 20 MB of live heap that an export never uses.
import {
  EXPORT_FORMATS,
  type ExportFormat,
  startSiteExport,
} from '../src/import-export/export.service.js';
import { MIGRATIONS_DIR } from '../src/paths.js';

const USAGE = 'Usage: npm run export -- --site SLUG --format parley|wxr FILE   (FILE - = stdout)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { site: { type: 'string' }, format: { type: 'string', default: 'parley' } },
  });
  const file = positionals[0];
  if (!values.site || !file || positionals.length > 1) fail(USAGE);
  const format = EXPORT_FORMATS.find((f) => f === values.format);
  if (!format) fail(`--format must be parley or wxr.\n\n${USAGE}`);
  const config = loadConfig();
  await migrate(config.database.provider, config.database.url, MIGRATIONS_DIR);
  const database = await openDatabase(config.database.provider, config.database.url);
  const started = Date.now();
  let last = 0;
  let written = { records: 0, comments: 0 };
  const show = (final = false) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(written.records / Math.max(seconds, 0.001));
    process.stderr.write(
      `\r${written.records} records, ${written.comments} comments, ${rate}/s, ${seconds.toFixed(1)} s${final ? '\n' : ''}`,
    );
  };
  try {
    const out = await startSiteExport(
      { db: database.db, publicUrl: config.publicUrl },
      values.site,
      format as ExportFormat,
      {
        onProgress: (p) => {
          written = { ...p };
          if (Date.now() - last > 250) {
            last = Date.now();
            show();
          }
        },
      },
    );
    const target: Writable = file === '-' ? process.stdout : createWriteStream(file);
    await pipeline(Readable.from(out.chunks), target);
    show(true);
    if (file !== '-') console.error(`Wrote ${out.format} export of ${out.site.slug} to ${file}.`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) fail(err.message);
  fail(`export: ${err instanceof Error ? err.message : String(err)}`);
});
