// The express route table, walked: every method and path pattern the app answers, mounted
// routers included. Tests that must cover every route (fuzzing, the OpenAPI document) read it.
import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  /** As written in the code: /api/sites/:site/posts, /moderate/{*rest}. */
  path: string;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function join(prefix: string, path: string): string {
  const p = path === '/' ? '' : path;
  return `${prefix}${p}` || '/';
}

function walk(stack: Layer[], prefix: string, out: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = [layer.route.path].flat(Infinity).map(String);
      for (const method of Object.keys(layer.route.methods)) {
        if (method === '_all') continue;
        for (const p of paths) out.push({ method: method.toUpperCase(), path: join(prefix, p) });
      }
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      walk(layer.handle.stack, join(prefix, mount).replace(/\/$/, ''), out);
    }
  }
}

export function listRoutes(app: Express): RouteEntry[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: RouteEntry[] = [];
  walk(router.stack, '', out);
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
