// Builds the browser bundles into web/dist/: embed.js (comment widget), embed-live.js
// (socket.io client, loaded lazily by embed.js), count.js, the demo page, and the moderator
// dashboard (moderate/app.js, app.css, index.html; served at /moderate).
// `node scripts/build-web.mjs` builds once; scripts/build.mjs imports buildWeb().
import { build, transform } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
const OUT = join(WEB, 'dist');

/** Budget from the embedding contract: embed.js must stay small on third-party pages. */
const EMBED_GZIP_BUDGET = 20 * 1024;

const ENTRIES = {
  embed: 'web/widget/embed.ts',
  'embed-live': 'web/widget/live.ts',
  count: 'web/widget/count.ts',
};

/**
 * embed-extras.js (the editor and Report chooser, loaded after the first render) uses embed.js's
 * strings and ApiError instead of copies of its own: see web/widget/extras-loader.ts.
 */
function sharedFromEmbedPlugin() {
  return {
    name: 'shared-from-embed',
    setup(b) {
      b.onResolve({ filter: /\/(strings|api-error)\.js$/ }, (args) => ({
        path: args.path,
        namespace: 'parley-shared',
      }));
      b.onLoad({ filter: /.*/, namespace: 'parley-shared' }, () => ({
        contents: 'export const { t, tn, activeLang, ApiError } = window.__parleyShared;',
        loader: 'js',
      }));
    },
  };
}

/** Imports `*.css` as a minified string (the widget injects it into its shadow root). */
function cssTextPlugin(minify) {
  return {
    name: 'css-text',
    setup(b) {
      b.onLoad({ filter: /\.css$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const { code } = await transform(source, { loader: 'css', minify, target: 'chrome90' });
        return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
      });
    },
  };
}

export async function buildWeb({ minify = true, quiet = false } = {}) {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  await rm(OUT, { recursive: true, force: true });
  await mkdir(join(OUT, 'demo'), { recursive: true });

  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT,
    ...browserBundle(minify),
    define: { __PARLEY_VERSION__: JSON.stringify(pkg.version) },
    plugins: [cssTextPlugin(minify)],
  });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'embed-extras': 'web/widget/extras.ts' },
    outdir: OUT,
    ...browserBundle(minify),
    define: { __PARLEY_VERSION__: JSON.stringify(pkg.version) },
    plugins: [sharedFromEmbedPlugin()],
  });
  await copyFile(join(WEB, 'demo', 'index.html'), join(OUT, 'demo', 'index.html'));
  await buildDashboard(minify);
  const languages = await buildLanguages();

  const sizes = {};
  for (const name of [...Object.keys(ENTRIES), 'embed-extras']) {
    const file = join(OUT, `${name}.js`);
    const code = await readFile(file);
    sizes[`${name}.js`] = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  if (!quiet) {
    for (const [file, s] of Object.entries(sizes)) {
      console.log(
        `  ${relative(ROOT, join(OUT, file)).padEnd(26)} ${kb(s.raw).padStart(9)} raw  ${kb(s.gzip).padStart(9)} gzip`,
      );
    }
    const langs = Object.entries(languages)
      .map(([code, s]) => `${code} ${(s.gzip / 1024).toFixed(2)}`)
      .join(', ');
    console.log(`  web/dist/i18n/<lang>.js    KB gzip each: ${langs}`);
    console.log(
      `  ${'web/dist/demo/index.html'.padEnd(26)} ${kb((await stat(join(OUT, 'demo', 'index.html'))).size).padStart(9)} raw`,
    );
    for (const file of ['app.js', 'app.css']) {
      const code = await readFile(join(OUT, 'moderate', file));
      const label = `web/dist/moderate/${file}`;
      console.log(
        `  ${label.padEnd(26)} ${kb(code.length).padStart(9)} raw  ${kb(gzipSync(code, { level: 9 }).length).padStart(9)} gzip`,
      );
    }
  }
  const embedGz = sizes['embed.js'].gzip;
  if (minify && embedGz > EMBED_GZIP_BUDGET) {
    throw new Error(`embed.js is ${kb(embedGz)} gzipped, over the ${kb(EMBED_GZIP_BUDGET)} budget`);
  }
  return {
    ...sizes,
    ...Object.fromEntries(Object.entries(languages).map(([c, s]) => [`i18n/${c}.js`, s])),
  };
}

/**
 * web/widget/i18n/<code>.json → web/dist/i18n/<code>.js, a script that registers the table on
 * window.__parleyStrings (embed.js loads only the reader's language; English is built in).
 */
async function buildLanguages() {
  const from = join(WEB, 'widget', 'i18n');
  const to = join(OUT, 'i18n');
  await mkdir(to, { recursive: true });
  const sizes = {};
  for (const file of (await readdir(from)).filter((f) => f.endsWith('.json')).sort()) {
    const code = file.slice(0, -'.json'.length);
    const table = JSON.parse(await readFile(join(from, file), 'utf8'));
    const js = `(window.__parleyStrings=window.__parleyStrings||{})[${JSON.stringify(code)}]=${JSON.stringify(table)};\n`;
    await writeFile(join(to, `${code}.js`), js);
    const buf = Buffer.from(js);
    sizes[code] = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  }
  return sizes;
}

/** The moderator dashboard: one IIFE (socket.io-client bundled in), its stylesheet and page. */
async function buildDashboard(minify) {
  const dir = join(OUT, 'moderate');
  await mkdir(dir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { app: 'web/dashboard/main.ts' },
    outdir: dir,
    ...browserBundle(minify),
  });
  const css = await readFile(join(WEB, 'dashboard', 'dashboard.css'), 'utf8');
  const { code } = await transform(css, { loader: 'css', minify, target: 'chrome90' });
  await writeFile(join(dir, 'app.css'), code);
  await copyFile(join(WEB, 'dashboard', 'index.html'), join(dir, 'index.html'));
}

/** esbuild options shared by every browser bundle: one self-contained script each. */
function browserBundle(minify) {
  return {
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWeb({ minify: !process.argv.includes('--no-minify') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
