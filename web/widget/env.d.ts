/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/** Replaced at build time by scripts/build-web.mjs with package.json's version. */
declare const __PARLEY_VERSION__: string;

/** CSS files are imported as minified text (scripts/build-web.mjs, cssTextPlugin). */
declare module '*.css' {
  const css: string;
  export default css;
}
