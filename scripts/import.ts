// Imports another system's export file into a site, against the same DATABASE_URL as the server:
//   npm run import -- --site SLUG --format disqus|wxr|isso|remark42|commento|parley
//                     [--dry-run] [--remap FROM=TO]... [--include-pingbacks] [--screen] FILE
//   npm run import -- --resume JOB_ID [FILE]
// A progress line goes to stderr (records, rate, ETA when the file size is known), a summary
// to stdout. An interrupted run is resumed by its job id: after the last committed thread.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import {
  createImport,
  getImportJobView,
  getSkippedEntries,
  ImportFormatSchema,
  ImportOptionsSchema,
  openImportFile,
  parseRemapRule,
  runImport,
  type ImportJobView,
} from '../src/import-export/index.js';
import { createLogger } from '../src/logger.js';
import { buildImporter } from '../src/server.js';

const USAGE = `Usage:
  npm run import -- --site SLUG --format disqus|wxr|isso|remark42|commento|parley [--dry-run]
                    [--remap FROM=TO]... [--include-pingbacks] [--screen] FILE
  npm run import -- --resume JOB_ID [FILE]

Remap rules (applied in order to each thread's URL before it is matched to a post):
  old.example.com=new.example.com   http=https   trailing-slash=add|remove
  ?p=/{slug}/   (WordPress ?p=123 links → the post's slug)   https://a.example/blog/=https://b.example/`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string' },
    format: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    remap: { type: 'string', multiple: true, default: [] },
    'include-pingbacks': { type: 'boolean', default: false },
    screen: { type: 'boolean', default: false },
    resume: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const file = positionals[0];

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({ ...process.env, SEED_DEMO: 'false' });
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}

const parley = await buildImporter(config, { log: createLogger('warn') });
const { importer } = parley;
let jobId: string;
let format: ReturnType<typeof ImportFormatSchema.parse>;
if (values.resume) {
  const job = await getImportJobView(parley.database.db, values.resume);
  if (!job) fail(`No import job ${values.resume}.`);
  if (job.status === 'done') fail(`Import ${job.id} is already done.`);
  jobId = job.id;
  format = job.format;
} else {
  if (!values.site || !values.format || !file) fail(USAGE);
  const parsedFormat = ImportFormatSchema.safeParse(values.format);
  if (!parsedFormat.success)
    fail(`--format must be one of ${ImportFormatSchema.options.join(', ')}.`);
  format = parsedFormat.data;
  for (const rule of values.remap)
    if (!parseRemapRule(rule)) fail(`Not a remap rule: ${rule}\n\n${USAGE}`);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    fail(`Cannot read ${file}.`);
  }
  const site = await parley.sites.find(values.site);
  if (!site) fail(`No site called "${values.site}".`);
  const job = await createImport(importer, {
    site,
    format,
    dryRun: values['dry-run'],
    options: ImportOptionsSchema.parse({
      remap: values.remap,
      includePingbacks: values['include-pingbacks'],
      screen: values.screen,
    }),
    fileName: basename(file),
    fileBytes: size,
    createdById: null,
  });
  jobId = job.id;
}

const started = Date.now();
let lastLine = 0;
const tty = process.stderr.isTTY;
function progress(job: ImportJobView, force = false): void {
  const now = Date.now();
  if (!force && now - lastLine < (tty ? 200 : 2000)) return;
  lastLine = now;
  const seconds = Math.max(0.001, (now - started) / 1000);
  const p = job.progress;
  let line: string;
  if (job.status === 'reading' || p.threadsTotal === 0) {
    const rate = Math.round(p.recordsRead / seconds);
    const share = job.fileBytes ? p.bytesRead / job.fileBytes : null;
    const eta =
      share && share > 0.01
        ? ` · ETA ${Math.round((seconds / share) * (1 - share))} s (reading)`
        : '';
    line = `reading: ${p.recordsRead.toLocaleString('en')} records · ${rate.toLocaleString('en')}/s${share !== null ? ` · ${Math.round(share * 100)}%` : ''}${eta}`;
  } else {
    const share = p.threadsDone / p.threadsTotal;
    const created = job.counts.commentsCreated;
    line = `writing: ${p.threadsDone.toLocaleString('en')}/${p.threadsTotal.toLocaleString('en')} threads · ${Math.round(share * 100)}%`;
    if (created > 0) line += ` · ${created.toLocaleString('en')} comments`;
  }
  process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
}

const job = await runImport(
  importer,
  jobId,
  () => {
    if (!file) fail('This job had not finished reading its file: give the FILE again.');
    return openImportFile(format, file);
  },
  { onProgress: (j) => progress(j) },
);
progress(job, true);
if (tty) process.stderr.write('\n');

const seconds = (Date.now() - started) / 1000;
const c = job.counts;
console.log(
  `${job.dryRun ? 'Dry run (nothing written)' : 'Import'} ${job.id}: ${job.status} in ${seconds.toFixed(1)} s`,
);
console.log(
  `  threads ${c.threads} · posts ${job.dryRun ? 'to create' : 'created'} ${c.postsCreated}, matched ${c.postsMatched}`,
);
console.log(
  `  comments ${job.dryRun ? 'to create' : 'created'} ${c.commentsCreated}, already there ${c.commentsExisting}, reattached at top level ${c.commentsReattached}, flattened ${c.commentsFlattened}`,
);
console.log(`  skipped ${c.skipped}`);
for (const s of await getSkippedEntries(parley.database.db, job.id, 20))
  console.log(
    `    ${s.entity} ${s.sourceId ?? '?'}${s.line ? ` (line ${s.line})` : ''}: ${s.reason}`,
  );
if (c.skipped > 20)
  console.log(`    … and ${c.skipped - 20} more (GET /api/admin/sites/…/imports/${job.id})`);
if (job.plan) {
  for (const p of job.plan.posts.slice(0, 50))
    console.log(
      `  ${p.action === 'create' ? 'create' : 'match '} ${p.slug}  ${p.url}  (${p.comments} comments)`,
    );
  if (job.plan.posts.length > 50 || job.plan.truncated) console.log('  …');
}
if (job.status === 'failed') {
  console.error(
    `Failed: ${job.error}\nResume with: npm run import -- --resume ${job.id} ${file ?? ''}`,
  );
}
await parley.close();
process.exit(job.status === 'done' ? 0 : 1);
