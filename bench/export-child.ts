// One export in a process of its own, so its peak RSS is the export's alone. Prints one JSON
// line: { format, ms, bytes, comments, records, baseRssMb (before the export), peakRssMb }.
import { openDatabase } from '../src/db/database.js';
// What scripts/export.ts loads: the exporter, not the whole import-export module.
import { startSiteExport, type ExportFormat } from '../src/import-export/export.service.js';

const [provider, url, format] = process.argv.slice(2) as [
  'sqlite' | 'postgresql',
  string,
  ExportFormat,
];
const { db, close } = await openDatabase(provider, url);
const baseRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
const started = performance.now();
let progress = { records: 0, comments: 0 };
const out = await startSiteExport({ db, publicUrl: 'https://bench.example' }, 'bench', format, {
  onProgress: (p) => {
    progress = p;
  },
});
let bytes = 0;
for await (const chunk of out.chunks) bytes += Buffer.byteLength(chunk);
const ms = performance.now() - started;
await close();
console.log(
  JSON.stringify({
    format,
    ms: Math.round(ms),
    bytes,
    ...progress,
    baseRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
