// The HTTP application: security headers and input checks first, then the JSON API under
// /api, other API surfaces at their own paths, and the built web assets at the root. It mounts
// what the composition root (server.ts) hands it and knows no feature.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Router } from 'express';
import type { Config } from '../config.js';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { avatarSvg } from '../privacy/avatar.js';
import { errorHandler, notFound } from './error-handler.js';
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
  /** True while the server shuts down: health answers 503 so traffic goes elsewhere. */
  isDraining?: () => boolean;
  /** Folder of built web assets (web/dist); absent in API-only tests. */
  webRoot?: string;
  /** Serve the demo article at / (SEED_DEMO); otherwise / leads to the dashboard. */
  demoAtRoot?: boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('etag', 'strong');
  app.use(baseSecurityHeaders(deps.config.publicUrl));
  app.use(rejectMalformedRequest);

  const api = express.Router();
  const json = express.json({ limit: '64kb' });
  // Only requests that carry a body are parsed; reads skip the parser entirely.
  api.use((req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next),
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

  api.get('/avatars/:hash.svg', (req, res) => {
    const hash = String(req.params.hash).slice(0, 64);
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=604800, immutable');
    res.send(avatarSvg(hash));
  });

  for (const { path, router } of deps.api) api.use(path, router);
  api.use(notFound);
  app.use('/api', api);
  for (const { path, router } of deps.mounts) app.use(path, router);

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
