// Public face of the API reference: /api/openapi.json and /api/docs. The document itself is
// built by the kernel's openapi/ from what every routes file describes next to its routes.
import type { Router } from 'express';
import { apiDocsRouter } from './api-docs.routes.js';

export interface ApiDocsModule {
  /** Mounted under /api. */
  router: Router;
}

export function createApiDocsModule(deps: { publicUrl: string }): ApiDocsModule {
  return { router: apiDocsRouter(deps.publicUrl) };
}
