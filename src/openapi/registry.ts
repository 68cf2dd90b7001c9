// The API reference's registry. Each routes file describes its routes on the router that
// serves them, one call beside the route:
//
//   router.get('/sites/:site/posts', handler);
//   apiDoc(router).get('/sites/:site/posts', { summary: 'Posts of a site', params: SiteParams, … });
//
// and the app records where it mounts each router, so the document's paths are the paths the
// routers really answer. test/http/openapi.test.ts fails when a route has no description.
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route. */
export type Access =
  /** anyone (readers, the widget) */
  | 'public'
  /** a signed-in moderator or admin: session cookie, and the CSRF header on writes */
  | 'moderator'
  /** a signed-in admin */
  | 'admin'
  /** a site's API key (Perspective-compatible API), as ?key= or X-Goog-Api-Key */
  | 'apiKey'
  /** the METRICS_TOKEN as a bearer token */
  | 'metricsToken';

export interface ResponseSpec {
  description: string;
  /** The JSON body; absent for an empty body. */
  body?: z.ZodType;
  /**
   * Other than application/json (text/plain for metrics, text/html for pages); several when
   * the request chooses (an export's format).
   */
  contentType?: string | string[];
  /** Response headers worth knowing (Content-Disposition of a download), with what they say. */
  headers?: Record<string, string>;
  example?: unknown;
}

/** A request body that is a file, sent as it is (not JSON, not multipart/form-data). */
export interface UploadSpec {
  contentType: string;
  description: string;
}

export interface RouteSpec {
  summary: string;
  description?: string;
  /** The reference's section; defaults to the access level's. */
  tag?: string;
  access: Access;
  /** Path parameters (the schema that parses req.params). */
  params?: z.ZodType;
  /** Query parameters (the schema that parses req.query). */
  query?: z.ZodType;
  /** The JSON request body (the schema that parses req.body). */
  body?: z.ZodType;
  bodyExample?: unknown;
  /** A raw file as the request body, instead of a JSON `body`. */
  upload?: UploadSpec;
  /** Successful answers by status. */
  responses: Record<number, ResponseSpec>;
  /** Error codes by status, besides those every route of its kind can answer. */
  errors?: Record<number, string[]>;
  /**
   * Pages for people (the links in mails): the route answers its own errors, invalid
   * parameters included (as 404), with an HTML page whose data-code names the code.
   */
  errorPages?: boolean;
}

export interface DescribedRoute {
  method: Method;
  /** As express writes it: /api/sites/:site/posts. */
  path: string;
  spec: RouteSpec;
}

interface Entry {
  routes: { method: Method; path: string; spec: RouteSpec }[];
  mounts: { path: string; child: object }[];
}

const entries = new WeakMap<object, Entry>();

function entryOf(router: object): Entry {
  let entry = entries.get(router);
  if (!entry) {
    entry = { routes: [], mounts: [] };
    entries.set(router, entry);
  }
  return entry;
}

export type ApiDoc = Record<Method, (path: string, spec: RouteSpec) => void>;

/** Describes routes of `router` (an express Router or app) for the API reference. */
export function apiDoc(router: object): ApiDoc {
  const add = (method: Method) => (path: string, spec: RouteSpec) => {
    entryOf(router).routes.push({ method, path, spec });
  };
  return {
    get: add('get'),
    post: add('post'),
    put: add('put'),
    patch: add('patch'),
    delete: add('delete'),
  };
}

/** Records that `child` is mounted at `path` under `parent` (the app does this as it mounts). */
export function documentMount(parent: object, path: string, child: object): void {
  entryOf(parent).mounts.push({ path, child });
}

const join = (prefix: string, path: string) => `${prefix}${path === '/' ? '' : path}` || '/';

/** Every described route reachable from `root`, with its full path. */
export function describedRoutes(root: object, prefix = ''): DescribedRoute[] {
  const entry = entries.get(root);
  if (!entry) return [];
  const out: DescribedRoute[] = entry.routes.map((r) => ({ ...r, path: join(prefix, r.path) }));
  for (const mount of entry.mounts)
    out.push(...describedRoutes(mount.child, join(prefix, mount.path).replace(/\/$/, '')));
  return out;
}
