// npm run build: compiles the server (src → dist) and the web assets (web → web/dist).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './prisma-schemas.mjs';

export const BUILD_STAMP = join(ROOT, 'dist/.build-stamp');

export async function build() {
  const started = Date.now();
  if (!existsSync(join(ROOT, 'src/generated/sqlite/client.ts'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-client.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  // Data files the server reads at run time (e.g. the base spam model) sit beside their code.
  copyJson(join(ROOT, 'src'), join(ROOT, 'dist'));
  const webBuild = join(ROOT, 'scripts/build-web.mjs');
  if (existsSync(webBuild)) {
    const { buildWeb } = await import(pathToFileURL(webBuild).href);
    await buildWeb({ minify: true });
  }
  writeFileSync(BUILD_STAMP, new Date().toISOString());
  console.log(`Built Parley in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function copyJson(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'generated') continue;
    const src = join(from, entry.name);
    if (entry.isDirectory()) copyJson(src, join(to, entry.name));
    else if (entry.name.endsWith('.json')) cpSync(src, join(to, entry.name));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
