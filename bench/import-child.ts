// One benchmark import in its own process (so its peak RSS is its own): migrates the database
// named by DATABASE_URL, creates the site, imports FILE and prints one JSON line of figures.
import { buildImporter } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import { createImport, openImportFile, runImport } from '../src/import-export/index.js';
import { createLogger } from '../src/logger.js';

const [format, file] = process.argv.slice(2) as ['disqus' | 'wxr', string];
const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  PARLEY_SECRET: 'bench-secret-0123456789abcdef',
});
const parley = await buildImporter(config, { log: createLogger('warn') });
const db = parley.database.db;
await db.site.create({ data: { slug: 'bench', name: 'Bench', allowedOrigins: [], settings: {} } });
const site = await parley.sites.get('bench');
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const started = performance.now();
const job = await createImport(parley.importer, {
  site,
  format,
  dryRun: false,
  options: { remap: [], includePingbacks: false, screen: false },
  fileName: file,
  fileBytes: null,
  createdById: null,
});
let readDone = 0;
const done = await runImport(parley.importer, job.id, () => openImportFile(format, file), {
  onProgress: (j) => {
    if (!readDone && j.status === 'writing') readDone = performance.now();
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const stored = await db.comment.count({ where: { siteId: site.id } });
console.log(
  JSON.stringify({
    status: done.status,
    error: done.error,
    seconds,
    readSeconds: readDone ? (readDone - started) / 1000 : null,
    comments: done.counts.commentsCreated,
    stored,
    commentsPerSecond: Math.round(done.counts.commentsCreated / seconds),
    baselineRssMb: Math.round(baselineRss / 1_048_576),
    peakRssMb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1_048_576),
  }),
);
await parley.close();
