// /api/admin/sites/:site/imports: an admin uploads an export file (the request body, streamed
// to a temporary file and size-limited), which runs as a background job; its progress, result
// and skipped entries are read back by id. Options travel in the query string, since the body
// is the file itself.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { AppError } from '../errors.js';
import { parse } from '../http/index.js';
import { apiDoc, ImportJobShape, SkippedEntryShape } from '../openapi/index.js';
import { slug } from '../schema.js';
import { ImportFormatSchema } from './formats/index.js';
import { ImportOptionsSchema } from './import-job.js';
import {
  createImport,
  getImportJobView,
  getSkippedEntries,
  runImport,
  type ImporterDeps,
} from './importer.js';
import { listImportJobs } from './import.repo.js';
import { toJobView } from './importer.js';
import { openImportFile } from './sources.js';

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'Use true or false.' })
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const StartImportQuery = z.object({
  format: ImportFormatSchema,
  dryRun: flag,
  includePingbacks: flag,
  screen: flag,
  /** One rule, or several (remap=a=b&remap=c=d). */
  remap: z.union([z.string(), z.array(z.string())]).optional(),
  name: z.string().trim().max(200).optional(),
});

const SiteParams = z.object({ site: slug });
const JobParams = z.object({ site: slug, id: z.uuid() });
const SkippedQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export class UploadTooLargeError extends AppError {
  constructor(limit: number) {
    super(
      'UPLOAD_TOO_LARGE',
      413,
      `The file is larger than this server accepts (${Math.round(limit / 1_048_576)} MB).`,
      { file: 'Import it with npm run import on the server instead.' },
    );
  }
}

export class ImportJobNotFoundError extends AppError {
  constructor() {
    super('IMPORT_NOT_FOUND', 404, 'No such import on this site.');
  }
}

export function importRouter(deps: {
  importer: ImporterDeps;
  guard: AuthGuard;
  maxUploadBytes: number;
}): Router {
  const { importer } = deps;
  const router = Router();
  router.use('/sites/:site/imports', deps.guard.session, deps.guard.admin, deps.guard.csrf);

  router.post('/sites/:site/imports', async (req, res) => {
    const { site: siteSlug } = parse(SiteParams, req.params);
    const query = parse(StartImportQuery, req.query);
    const options = parse(ImportOptionsSchema, {
      remap: query.remap === undefined ? [] : [query.remap].flat(),
      includePingbacks: query.includePingbacks ?? false,
      screen: query.screen ?? false,
    });
    const site = await importer.sites.get(siteSlug);
    const dir = await mkdtemp(join(tmpdir(), 'parley-import-'));
    const path = join(dir, 'upload');
    let bytes: number;
    try {
      bytes = await receiveFile(req, path, deps.maxUploadBytes);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const job = await createImport(importer, {
      site,
      format: query.format,
      dryRun: query.dryRun ?? false,
      options,
      fileName: query.name ?? null,
      fileBytes: bytes,
      createdById: actorOf(req).id,
    });
    // The job runs after the answer; its outcome (done or failed) is stored on it.
    void runImport(importer, job.id, () => openImportFile(query.format, path))
      .catch((err) => importer.log?.error({ err, job: job.id }, 'import job crashed'))
      .finally(() => rm(dir, { recursive: true, force: true }));
    res.status(202).json({ job });
  });

  router.get('/sites/:site/imports', async (req, res) => {
    const { site: siteSlug } = parse(SiteParams, req.params);
    const site = await importer.sites.get(siteSlug);
    const rows = await listImportJobs(importer.db, site.id, 50);
    res.json({ jobs: rows.map(toJobView) });
  });

  router.get('/sites/:site/imports/:id', async (req, res) => {
    const { site: siteSlug, id } = parse(JobParams, req.params);
    const { offset, limit } = parse(SkippedQuery, req.query);
    const site = await importer.sites.get(siteSlug);
    const job = await getImportJobView(importer.db, id);
    if (!job || job.siteId !== site.id) throw new ImportJobNotFoundError();
    res.json({ job, skipped: await getSkippedEntries(importer.db, id, limit, offset) });
  });

  describeRoutes(router);
  return router;
}

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  const access = 'admin' as const;
  const Job = z.object({ job: ImportJobShape });
  doc.post('/sites/:site/imports', {
    summary: 'Import an export file (Disqus, WordPress WXR, Isso, Remark42, Commento, Parley)',
    description:
      'The file is the whole request body, sent as it is with Content-Type application/octet-stream (not multipart/form-data, and not application/json, which the API would parse as JSON). Options go in the query string. The import runs after the answer: poll GET …/imports/{id} until its status is done or failed. Larger files than IMPORT_MAX_UPLOAD_MB go through `npm run import` on the server.',
    access,
    params: SiteParams,
    query: StartImportQuery,
    upload: {
      contentType: 'application/octet-stream',
      description: 'The export file, byte for byte.',
    },
    responses: {
      202: {
        description: 'Accepted: the job, status reading.',
        body: Job,
        example: {
          job: {
            id: '5f0c8a52-3d4e-4b6f-8a1b-2c3d4e5f6a7b',
            siteId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
            format: 'disqus',
            status: 'reading',
            dryRun: true,
            options: {
              remap: ['old.example.com=blog.example.com'],
              includePingbacks: false,
              screen: false,
            },
            fileName: 'disqus-export.xml',
            fileBytes: 1048576,
            progress: { bytesRead: 0, recordsRead: 0, threadsTotal: 0, threadsDone: 0 },
            counts: {
              threads: 0,
              postsCreated: 0,
              postsMatched: 0,
              commentsCreated: 0,
              commentsExisting: 0,
              commentsReattached: 0,
              commentsFlattened: 0,
              skipped: 0,
            },
            plan: null,
            error: null,
            createdAt: '2026-12-01T17:00:00.000Z',
            finishedAt: null,
          },
        },
      },
    },
    errors: {
      400: ['EMPTY_UPLOAD'],
      404: ['SITE_NOT_FOUND'],
      413: ['UPLOAD_TOO_LARGE'],
    },
  });
  doc.get('/sites/:site/imports', {
    summary: 'A site’s latest 50 imports, newest first',
    access,
    params: SiteParams,
    responses: {
      200: { description: 'The jobs.', body: z.object({ jobs: z.array(ImportJobShape) }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/imports/:id', {
    summary: 'One import: progress, counts, dry-run plan, and a page of skipped entries',
    access,
    params: JobParams,
    query: SkippedQuery,
    responses: {
      200: {
        description: 'The job and the skipped entries from `offset`, in file order.',
        body: Job.extend({ skipped: z.array(SkippedEntryShape) }),
      },
    },
    errors: { 404: ['SITE_NOT_FOUND', 'IMPORT_NOT_FOUND'] },
  });
}

/** Streams the request body to `path`; refuses (413) past `limit` bytes. */
async function receiveFile(req: Request, path: string, limit: number): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new UploadTooLargeError(limit);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? new UploadTooLargeError(limit) : null, chunk);
    },
  });
  await pipeline(req, counter, createWriteStream(path));
  if (bytes === 0)
    throw new AppError('EMPTY_UPLOAD', 400, 'The upload is empty.', {
      file: 'Send the export file as the request body.',
    });
  return bytes;
}
