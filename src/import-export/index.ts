// Public face of import and export: the format readers and writers (formats/), site exports
// streamed from the database, and a commenter's data requests (access export, erasure).
import type { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { Hasher } from '../privacy/hashing.js';
import { exportRouter } from './export.routes.js';

export {
  CommenterEmail,
  ERASED_BODY,
  ERASED_NAME,
  eraseCommenter,
  exportCommenterData,
  type ErasureOptions,
  type ErasureResult,
} from './commenter-data.service.js';
export {
  EXPORT_FORMATS,
  startSiteExport,
  type ExportFormat,
  type ExportProgress,
  type SiteExport,
} from './export.service.js';

export interface ExportModule {
  /** Mounted at /api/admin: GET sites/:site/export, POST commenters/export and commenters/erase. */
  router: Router;
}

export function createExportModule(deps: {
  db: Db;
  hasher: Hasher;
  events: EventBus;
  log: Logger;
  publicUrl: string;
  guard: AuthGuard;
}): ExportModule {
  return { router: exportRouter(deps) };
}
