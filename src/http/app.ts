// The HTTP application: security headers and input checks first, then the JSON API under
// /api, other API surfaces at their own paths, and the built web assets at the root. It mounts
// what the composition root (server.ts) hands it and knows no feature.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Router } from 'express';
import type { Config } from '../config.js';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { apiDoc, documentMount } from '../openapi/index.js';
import { avatarSvg } from '../privacy/avatar.js';
import { z } from 'zod';
import { errorHandler, notFound } from './error-handler.js';
import { markRouteBase } from './request-context.js';
import type { RequestLog } from './request-log.js';
import { baseSecurityHeaders, dashboardHeaders, demoPageHeaders } from './security-headers.js';
import { rejectMalformedRequest } from './validate.js';

export interface AppDeps {
  config: Pick<Config, 'trustProxy' | 'publicUrl'>;
  log: Logger;
  /** Routers mounted under /api (at their path), in this order. */
  api: { path: string; router: Router }[];
  /** Routers mounted at a path of their own (Perspective's /v1alpha1). */
  mounts: { path: string; router: Router }[];
  /** Resolves when the database answers (health). */
  health(): Promise<void>;
  /** Readiness: each dependency (database, Redis when configured) and a probe that rejects when it is not reachable. */
  readiness?: Record<string, () => Promise<void>>;
  /** Request ids, request logs and the request observer (metrics); the app's first middleware. */
  requestLog?: RequestLog;
  /** True while the server shuts down: health answers 503 so traffic goes elsewhere. */
  isDraining?: () => boolean;
  /** Folder of built web assets (web/dist); absent in API-only tests. */
  webRoot?: string;
  /** Serve the demo article at / (SEED_DEMO); otherwise / leads to the dashboard. */
  demoAtRoot?: boolean;
}

const IMPORT_UPLOAD = /^\/admin\/sites\/[^/]+\/imports\/?$/;
const isImportUpload = (req: express.Request) =>
  req.method === 'POST' && IMPORT_UPLOAD.test(req.path);

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('etag', 'strong');
  if (deps.requestLog) app.use(deps.requestLog.middleware);
  app.use(baseSecurityHeaders(deps.config.publicUrl));
  app.use(rejectMalformedRequest);

  const api = express.Router();
  api.use(markRouteBase);
  const json = express.json({ limit: '64kb' });
  // Only requests that carry a body are parsed; reads skip the parser entirely, and so does an
  // import upload, which streams its file to disk whatever its type (a Commento export is sent
  // as application/json and may be gigabytes).
  api.use((req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' || isImportUpload(req)
      ? next()
      : json(req, res, next),
  );
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });

  api.get('/health', async (_req, res) => {
    if (deps.isDraining?.())
      throw new AppError('SHUTTING_DOWN', 503, 'This server is shutting down.');
    try {
      await deps.health();
    } catch {
      throw new DatabaseUnavailableError();
    }
    res.json({ ok: true });
  });

  // Readiness, unlike liveness, includes what the process needs besides itself: a load balancer
  // takes a process whose database or Redis is unreachable out of rotation until it is back.
  api.get('/ready', async (_req, res) => {
    if (deps.isDraining?.())
      throw new AppError('SHUTTING_DOWN', 503, 'This server is shutting down.');
    const entries = Object.entries(deps.readiness ?? { database: deps.health });
    const results = await Promise.all(
      entries.map(([name, probe]) =>
        probe().then(
          () => [name, null] as const,
          () => [name, `${name} is not reachable`] as const,
        ),
      ),
    );
    const failed = Object.fromEntries(results.filter((r) => r[1] !== null));
    if (Object.keys(failed).length > 0)
      throw new AppError(
        'NOT_READY',
        503,
        `Not ready: ${Object.keys(failed).join(' and ')} not reachable.`,
        failed as Record<string, string>,
      );
    res.json({ ok: true, checks: Object.fromEntries(entries.map(([name]) => [name, 'ok'])) });
  });

  api.get('/avatars/:hash.svg', (req, res) => {
    const hash = String(req.params.hash).slice(0, 64);
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=604800, immutable');
    res.send(avatarSvg(hash));
  });

  for (const { path, router } of deps.api) {
    api.use(path, markRouteBase, router);
    documentMount(api, path, router);
  }
  api.use(notFound);
  app.use('/api', api);
  documentMount(app, '/api', api);
  for (const { path, router } of deps.mounts) {
    app.use(path, markRouteBase, router);
    documentMount(app, path, router);
  }
  describeOwnRoutes(api);

  if (deps.webRoot && existsSync(deps.webRoot)) {
    const webRoot = deps.webRoot;
    if (deps.demoAtRoot ?? true)
      app.get('/', ...demoPageHeaders, (_req, res) =>
        res.sendFile(join(webRoot, 'demo/index.html')),
      );
    // Without the demo, / is the dashboard's door (its first-run page while no account exists).
    else app.get('/', (_req, res) => res.redirect(302, '/moderate'));
    app.use(express.static(webRoot, { maxAge: '5m', index: false }));
    // The moderator dashboard is a single page: its client routes (not its assets) load the HTML.
    app.get(['/moderate', '/moderate/{*rest}'], ...dashboardHeaders, (_req, res) =>
      res.sendFile(join(webRoot, 'moderate/index.html')),
    );
  }
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}

const Ok = z.object({ ok: z.literal(true) });

function describeOwnRoutes(api: Router): void {
  const doc = apiDoc(api);
  doc.get('/health', {
    summary: 'Liveness: the process answers and its database does',
    access: 'public',
    tag: 'Operations',
    responses: { 200: { description: 'Alive.', body: Ok, example: { ok: true } } },
    errors: { 503: ['SHUTTING_DOWN'] },
  });
  doc.get('/ready', {
    summary: 'Readiness: the database and (when configured) Redis are reachable',
    description:
      'A load balancer takes a process out of rotation while this answers 503; `error.fields` names each dependency that is not reachable.',
    access: 'public',
    tag: 'Operations',
    responses: {
      200: {
        description: 'Ready.',
        body: z.object({ ok: z.literal(true), checks: z.record(z.string(), z.literal('ok')) }),
        example: { ok: true, checks: { database: 'ok', redis: 'ok' } },
      },
    },
    errors: { 503: ['NOT_READY', 'SHUTTING_DOWN'] },
  });
  doc.get('/avatars/:hash.svg', {
    summary: 'A generated avatar',
    access: 'public',
    params: z.object({ hash: z.string().max(64) }),
    responses: { 200: { description: 'An SVG image.', contentType: 'image/svg+xml' } },
  });
}
