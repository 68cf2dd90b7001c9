// The import use case: a job is created, the file is staged, then its threads are written
// (or, in a dry run, only planned). runImport picks a job up wherever it stopped: a job that
// was reading reads the file again (nothing was written yet), one that was writing goes on
// after its last committed thread without needing the file.
import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Hasher } from '../privacy/hashing.js';
import type { SiteDirectory, SiteView } from '../sites/index.js';
import { ImportFormatSchema, type ImportFormat, type ImportStreamRecord } from './formats/index.js';
import {
  emptyCounts,
  ImportCountsSchema,
  ImportOptionsSchema,
  ImportPlanSchema,
  SkippedEntrySchema,
  type ImportJobStatus,
  type ImportJobView,
  type ImportOptions,
  type SkippedEntry,
} from './import-job.js';
import {
  clearStaged,
  createImportJob,
  getImportJob,
  getSkipped,
  updateImportJob,
  type JobRow,
} from './import.repo.js';
import { writeRestored } from './import-restore.js';
import { stageImport } from './import-stage.js';
import { writeImport, type ScreenImported, type WriteContext } from './import-write.js';
import { parseRemapRules } from './remap.js';

export interface ImporterDeps {
  db: Db;
  hasher: Hasher;
  sites: SiteDirectory;
  /** The site's screener, for runs that ask for screening. */
  screen: ScreenImported | null;
  /** Imported comments change these posts' threads: their cached pages must go (every process). */
  invalidateThreads(siteSlug: string, postSlugs: string[]): void;
  log?: Logger;
}

export interface NewImport {
  site: SiteView;
  format: ImportFormat;
  dryRun: boolean;
  options: ImportOptions;
  fileName: string | null;
  fileBytes: number | null;
  createdById: string | null;
}

export async function createImport(deps: Pick<ImporterDeps, 'db'>, input: NewImport) {
  const job = await createImportJob(deps.db, {
    siteId: input.site.id,
    format: input.format,
    dryRun: input.dryRun,
    options: input.options,
    counts: emptyCounts(),
    fileName: input.fileName,
    fileBytes: input.fileBytes,
    createdById: input.createdById,
  });
  return toJobView(job);
}

export interface RunHooks {
  onProgress?(job: ImportJobView): void;
  /** Tests: stop (as a crash would) inside the transaction after this many threads. */
  faultAfterThreads?: number;
  /** Comments per write transaction (whole threads always). */
  groupComments?: number;
}

/**
 * Runs (or resumes) a job to its end. `open` gives the file's records; it is called only when
 * the job still has the file to read. Resolves with the finished job (done or failed).
 */
export async function runImport(
  deps: ImporterDeps,
  jobId: string,
  open: () => { records: AsyncIterable<ImportStreamRecord>; bytesRead(): number },
  hooks: RunHooks = {},
): Promise<ImportJobView> {
  let job = await loadJob(deps.db, jobId);
  const site = await deps.sites.getById(job.siteId);
  const report = async () => {
    job = await loadJob(deps.db, jobId);
    hooks.onProgress?.(job);
  };
  try {
    if (job.status === 'done') return job;
    if (job.status === 'reading' || (job.status === 'failed' && job.progress.threadsTotal === 0)) {
      await updateImportJob(deps.db, jobId, { status: 'reading', error: null });
      const file = open();
      const staged = await stageImport(
        deps.db,
        jobId,
        file.records,
        job.options,
        file.bytesRead,
        (p) => hooks.onProgress?.({ ...job, progress: { ...job.progress, ...p } }),
      );
      const counts = { ...emptyCounts(), skipped: staged.skipped };
      await updateImportJob(deps.db, jobId, {
        status: 'writing',
        threadsTotal: staged.threads,
        recordsRead: staged.records,
        bytesRead: file.bytesRead(),
        counts,
        resumeAfter: 0,
        threadsDone: 0,
      });
      await report();
    } else {
      await updateImportJob(deps.db, jobId, { status: 'writing', error: null });
    }
    const row = await getImportJob(deps.db, jobId);
    const write: WriteContext = {
      db: deps.db,
      hasher: deps.hasher,
      jobId,
      site,
      format: job.format,
      rules: parseRemapRules(job.options.remap),
      dryRun: job.dryRun,
      screen: job.options.screen ? deps.screen : null,
      counts: ImportCountsSchema.parse(row?.counts ?? {}),
      resumeAfter: row?.resumeAfter ?? 0,
      threadsDone: row?.threadsDone ?? 0,
      faultAfterThreads: hooks.faultAfterThreads,
      groupComments: hooks.groupComments,
      onCommitted: (slugs, { threadsDone, counts }) => {
        if (slugs.length > 0) deps.invalidateThreads(site.slug, slugs);
        hooks.onProgress?.({ ...job, counts, progress: { ...job.progress, threadsDone } });
      },
    };
    const { plan, counts } = await writeImport(write);
    if (!job.dryRun) {
      // Parley's own export: settings, spam counts, reports, bans and audit entries last, once
      // the comments they name exist (other formats stage none).
      const restored = await writeRestored(deps.db, jobId, site);
      counts.skipped += restored.skipped;
      if (restored.settingsChanged) deps.sites.invalidate(site.slug);
    }
    await clearStaged(deps.db, jobId, true);
    await updateImportJob(deps.db, jobId, {
      status: 'done',
      finishedAt: new Date(),
      counts,
      // A dry run commits no thread, so only this says how many it went through.
      threadsDone: write.threadsDone,
      ...(plan && { plan }),
    });
  } catch (err) {
    deps.log?.warn({ job: jobId, err: (err as Error).message }, 'import stopped');
    await updateImportJob(deps.db, jobId, {
      status: 'failed',
      error: (err as Error).message?.split('\n')[0]?.slice(0, 500) ?? 'failed',
    });
  }
  await report();
  return job;
}

async function loadJob(db: Db, id: string): Promise<ImportJobView> {
  const row = await getImportJob(db, id);
  if (!row) throw new Error(`no import job ${id}`);
  return toJobView(row);
}

export async function getImportJobView(db: Db, id: string): Promise<ImportJobView | null> {
  const row = await getImportJob(db, id);
  return row ? toJobView(row) : null;
}

/** What a staged row says it is (a name that is not a string is not used). */
const StagedNames = z.object({
  entity: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
  record: z
    .object({ type: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/** The skipped entries of a job, in file order. */
export async function getSkippedEntries(
  db: Db,
  jobId: string,
  take: number,
  skip = 0,
): Promise<SkippedEntry[]> {
  const rows = await getSkipped(db, jobId, take, skip);
  return rows.map((r) => {
    let entity = 'record';
    try {
      const data = StagedNames.parse(JSON.parse(r.data));
      // A restore record (Parley export) is named by what it is: report, ban, audit…
      entity = data.entity ?? data.record?.type ?? data.type ?? 'record';
    } catch {
      // a row that does not parse still reports its reason
    }
    return SkippedEntrySchema.parse({
      entity,
      sourceId: r.sourceId,
      reason: r.reason ?? 'skipped',
      line: r.line,
    });
  });
}

export function toJobView(row: JobRow): ImportJobView {
  const plan = row.plan ? ImportPlanSchema.safeParse(row.plan) : null;
  return {
    id: row.id,
    siteId: row.siteId,
    format: ImportFormatSchema.parse(row.format),
    status: row.status as ImportJobStatus,
    dryRun: row.dryRun,
    options: ImportOptionsSchema.parse(row.options ?? {}),
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    progress: {
      bytesRead: row.bytesRead,
      recordsRead: row.recordsRead,
      threadsTotal: row.threadsTotal,
      threadsDone: row.threadsDone,
    },
    counts: ImportCountsSchema.parse(row.counts ?? {}),
    plan: plan?.success ? plan.data : null,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
