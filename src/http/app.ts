// The HTTP application: JSON API under /api, the built web assets at the root.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { commentsRouter } from '../comments/comments.routes.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError, CommentNotFoundError, DatabaseUnavailableError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import { avatarSvg } from '../privacy/avatar.js';
import type { Hasher } from '../privacy/hashing.js';
import { postsRouter } from '../posts/posts.routes.js';
import type { PostLookup } from '../posts/posts.service.js';
import type { SiteDirectory } from '../sites/sites.service.js';
import type { ModerationFeedback } from '../moderation/feedback.js';
import type { EditTokens } from '../comments/edit-tokens.js';
import type { ThreadCache } from '../comments/thread-cache.js';
import type { CommentWriter } from '../comments/comment-writer.js';
import type { FormTokens } from '../screening/form-tokens.js';
import { perspectiveApiRouter } from '../screening/perspective-api.routes.js';
import { screeningRouter } from '../screening/screening.routes.js';
import type { ScreeningService } from '../screening/screening.service.js';
import { siteCors } from './cors.js';
import { errorHandler, notFound } from './error-handler.js';
import { adminRouter } from '../admin/index.js';
import { authRouter, cookieOptionsFor } from '../auth/index.js';
import { moderationRouter, reportsRouter } from '../moderation/index.js';
import type { RateLimiters } from './rate-limit.js';
import { rejectMalformedRequest } from './validate.js';
import { baseSecurityHeaders, dashboardHeaders, demoPageHeaders } from './security-headers.js';

const HEALTH_DEADLINE_MS = 800;

export interface AppDeps {
  config: Config;
  db: Db;
  sites: SiteDirectory;
  hasher: Hasher;
  events: EventBus;
  screening: ScreeningService;
  formTokens: FormTokens;
  editTokens: EditTokens;
  threadCache: ThreadCache;
  posts: PostLookup;
  writer: CommentWriter;
  log: Logger;
  /** Rate limits, shared through Redis when it is configured. */
  limits: RateLimiters;
  /** True while the server shuts down: health answers 503 so traffic goes elsewhere. */
  isDraining?: () => boolean;
  /** Spam / not-spam decisions teach the classifier and Akismet. */
  feedback: ModerationFeedback;
  /** Folder of built web assets (web/dist); absent in API-only tests. */
  webRoot?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('etag', 'strong');
  app.use(baseSecurityHeaders(deps.config.publicUrl));
  app.use(rejectMalformedRequest);

  const ownOrigin = new URL(deps.config.publicUrl).origin;
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

  // Answers within a second either way: a probe that hangs is as bad as a server that does.
  api.get('/health', async (_req, res) => {
    if (deps.isDraining?.())
      throw new AppError('SHUTTING_DOWN', 503, 'This server is shutting down.');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), HEALTH_DEADLINE_MS);
    });
    try {
      await Promise.race([deps.db.$queryRawUnsafe('SELECT 1'), deadline]);
    } catch {
      throw new DatabaseUnavailableError();
    } finally {
      clearTimeout(timer);
    }
    res.json({ ok: true });
  });

  api.get('/avatars/:hash.svg', (req, res) => {
    const hash = String(req.params.hash).slice(0, 64);
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=604800, immutable');
    res.send(avatarSvg(hash));
  });

  api.use(
    '/sites/:site',
    siteCors(ownOrigin, (req) => deps.sites.get(String(req.params.site))),
  );
  api.use(
    '/comments/:id',
    siteCors(ownOrigin, async (req) => {
      const id = String(req.params.id);
      const comment = await deps.db.comment.findUnique({ where: { id }, select: { siteId: true } });
      if (!comment) throw new CommentNotFoundError(id);
      return deps.sites.getById(comment.siteId);
    }),
  );
  const writeLimit = deps.limits({
    name: 'comments',
    windowMs: 60_000,
    limit: deps.config.rateLimitCommentsPerMinute,
  });
  api.use(postsRouter(deps));
  api.use(screeningRouter(deps));
  api.use(
    commentsRouter({
      ...deps,
      screener: deps.screening,
      publicUrl: deps.config.publicUrl,
      writeLimit,
    }),
  );
  // --- moderation, auth and admin routes (src/auth, src/moderation) ---
  const staff = {
    ...deps,
    cookie: cookieOptionsFor(deps.config.publicUrl),
    caseInsensitive: deps.config.database.provider === 'postgresql',
  };
  api.use(reportsRouter({ ...deps, ownOrigin }));
  api.use(authRouter(staff));
  api.use('/moderation', moderationRouter(staff));
  api.use('/admin', adminRouter(staff));
  // --- end moderation routes ---
  api.use(notFound);
  app.use('/api', api);
  app.use('/v1alpha1', perspectiveApiRouter(deps));

  if (deps.webRoot && existsSync(deps.webRoot)) {
    const webRoot = deps.webRoot;
    app.get('/', ...demoPageHeaders, (_req, res) => res.sendFile(join(webRoot, 'demo/index.html')));
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
