// Public face of import-export: importing another system's export file into a site (CLI,
// admin API jobs), site exports streamed from the database (CLI, admin download), a
// commenter's data requests (access export, erasure), and the format layer (readers, Parley's
// export format, writers).
import type { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory } from '../sites/index.js';
import { exportRouter } from './export.routes.js';
import { importRouter } from './import.routes.js';
import type { ImporterDeps } from './importer.js';
import type { ScreenImported } from './import-write.js';

export * from './formats/index.js';
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
export {
  createImport,
  getImportJobView,
  getSkippedEntries,
  runImport,
  type ImporterDeps,
  type NewImport,
  type RunHooks,
} from './importer.js';
export {
  ImportCountsSchema,
  ImportOptionsSchema,
  type ImportCounts,
  type ImportJobView,
  type ImportOptions,
  type SkippedEntry,
} from './import-job.js';
export { ImportInterruptedError, type ScreenImported } from './import-write.js';
export { parseRemapRule, parseRemapRules, remapUrl, type RemapRule } from './remap.js';
export { screenImportedWith } from './screen-imported.js';
export { openImportFile } from './sources.js';

export interface ImportExportModule {
  /** Admin routes (mounted under /api/admin): upload an import, follow its job. */
  router: Router;
  importer: ImporterDeps;
}

export interface ImportExportModuleDeps {
  db: Db;
  hasher: Hasher;
  sites: SiteDirectory;
  guard: AuthGuard;
  screen: ScreenImported | null;
  invalidateThreads(siteSlug: string, postSlugs: string[]): void;
  log: Logger;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
}

/** The importer alone (the import CLI): what the admin routes run their jobs with. */
export function createImporter(
  deps: Omit<ImportExportModuleDeps, 'guard' | 'maxUploadBytes'>,
): ImporterDeps {
  return {
    db: deps.db,
    hasher: deps.hasher,
    sites: deps.sites,
    screen: deps.screen,
    invalidateThreads: deps.invalidateThreads,
    log: deps.log,
  };
}

export function createImportExportModule(deps: ImportExportModuleDeps): ImportExportModule {
  const importer = createImporter(deps);
  return {
    router: importRouter({ importer, guard: deps.guard, maxUploadBytes: deps.maxUploadBytes }),
    importer,
  };
}

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
