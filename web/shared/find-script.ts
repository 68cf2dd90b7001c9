/// <reference lib="dom" />
// Locates the <script> tag that loaded a bundle, so embed.js and count.js can read their
// data-* options and talk to the origin they were served from.

export function findScript(fileName: string): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  // currentScript is null when the bundle runs from a callback or an old browser: take the
  // last tag whose path ends with the file name.
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src]');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const s = scripts[i]!;
    const path = s.src.split(/[?#]/)[0] ?? '';
    if (path.endsWith('/' + fileName)) return s;
  }
  return null;
}

/** The API origin: where the script itself was served from. */
export function apiBaseOf(script: HTMLScriptElement | null): string {
  try {
    if (script?.src) return new URL(script.src, location.href).origin;
  } catch {
    // fall through to the page's own origin
  }
  return location.origin;
}
