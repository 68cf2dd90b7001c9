// Public face of Parley's Perspective-compatible API (/v1alpha1/comments:analyze), for tools
// written for Google's API, which closes after 2026.
import type { Router } from 'express';
import type { Db } from '../db/database.js';
import type { RateLimiters } from '../http/index.js';
import { perspectiveApiRouter } from './perspective-api.routes.js';

export { toPerspectiveResponse, type PerspectiveResponse } from './perspective-format.js';

export interface PerspectiveApiModule {
  /** Mounted at /v1alpha1. */
  router: Router;
}

export function createPerspectiveApiModule(deps: {
  db: Db;
  limits: RateLimiters;
  requestsPerMinute?: number;
}): PerspectiveApiModule {
  return { router: perspectiveApiRouter(deps) };
}
