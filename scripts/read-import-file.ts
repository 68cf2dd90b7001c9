// Reads an export with the format layer and reports what came out and how fast: a check of a
// reader against a real or generated file, and the memory benchmark's workload.
//   npx tsx scripts/read-import-file.ts <disqus|wxr|isso|remark42|commento|parley> <file>
import { createReadStream } from 'node:fs';
import {
  readCommentoExport,
  readDisqusExport,
  readIssoDatabase,
  readParleyExport,
  readRemark42Backup,
  readWxr,
} from '../src/import-export/formats/index.js';

const [, , format, path] = process.argv;
const readers: Record<string, (file: string) => AsyncIterable<{ type: string }>> = {
  disqus: (file) => readDisqusExport(createReadStream(file)),
  wxr: (file) => readWxr(createReadStream(file)),
  isso: (file) => readIssoDatabase(file),
  remark42: (file) => readRemark42Backup(createReadStream(file)),
  commento: (file) => readCommentoExport(createReadStream(file)),
  parley: (file) => readParleyExport(createReadStream(file)),
};
const read = format ? readers[format] : undefined;
if (!read || !path) {
  console.error(`usage: read-import-file.ts <${Object.keys(readers).join('|')}> <file>`);
  process.exit(2);
}
const started = performance.now();
const counts: Record<string, number> = {};
let total = 0;
for await (const record of read(path)) {
  counts[record.type] = (counts[record.type] ?? 0) + 1;
  total++;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    format,
    records: total,
    counts,
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(total / seconds),
    heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  }),
);
