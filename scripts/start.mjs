// npm start: builds when the sources are newer than the last build, then runs the server
// (which applies pending migrations and seeds the demo on an empty database).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_STAMP, build } from './build.mjs';
import { ROOT } from './prisma-schemas.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'generated')
      continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'web', 'prisma'].map((d) => join(ROOT, d)).filter(existsSync);
const stale =
  !existsSync(BUILD_STAMP) ||
  Math.max(...sources.map(newestMtime), statSync(join(ROOT, 'package.json')).mtimeMs) >
    statSync(BUILD_STAMP).mtimeMs;
if (stale) await build();
await import(pathToFileURL(join(ROOT, 'dist/main.js')).href);
