// /api/admin/…: site exports (downloads, streamed) and a commenter's data requests. Admins
// only: an export holds every commenter's email.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { type Response, Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { parse, requireJson } from '../http/index.js';
import { redactError, type Logger } from '../logger.js';
import { apiDoc } from '../openapi/index.js';
import { z } from 'zod';
import {
  type CommenterDataDeps,
  type ErasureResult,
  eraseCommenter,
  exportCommenterData,
} from './commenter-data.service.js';
import {
  CommenterEraseBody,
  CommenterExportBody,
  ExportParams,
  ExportQuery,
} from './export.schema.js';
import { startSiteExport } from './export.service.js';

export interface ExportRoutesDeps extends CommenterDataDeps {
  publicUrl: string;
  guard: AuthGuard;
  log: Logger;
}

export function exportRouter(deps: ExportRoutesDeps): Router {
  const router = Router();
  router.use(deps.guard.session, deps.guard.admin, deps.guard.csrf);

  router.get('/sites/:site/export', async (req, res) => {
    const { site } = parse(ExportParams, req.params);
    const { format } = parse(ExportQuery, req.query);
    const started = await startSiteExport(deps, site, format);
    await download(
      res,
      deps.log,
      started.fileName,
      `${started.contentType}; charset=utf-8`,
      started.chunks,
    );
  });

  router.post('/commenters/export', requireJson, async (req, res) => {
    const { email } = parse(CommenterExportBody, req.body);
    const date = new Date().toISOString().slice(0, 10);
    await download(
      res,
      deps.log,
      `parley-commenter-data-${date}.json`,
      'application/json; charset=utf-8',
      exportCommenterData(deps, email, null),
    );
  });

  router.post('/commenters/erase', requireJson, async (req, res) => {
    const input = parse(CommenterEraseBody, req.body);
    const actor = actorOf(req);
    const erased = await eraseCommenter(deps, input.email, {
      removeBodies: input.removeBodies,
      actor: { id: actor.id, name: actor.name },
      siteIds: null,
    });
    res.json({ erased });
  });
  describeRoutes(router);
  return router;
}

const ATTACHMENT = 'attachment; filename="…": the file name to save as.';

const CommenterData = z.object({
  email: z.string(),
  exportedAt: z.string(),
  comments: z.array(
    z.object({
      id: z.string(),
      site: z.string(),
      post: z.object({ slug: z.string(), title: z.string(), url: z.string().nullable() }),
      parentId: z.string().nullable(),
      authorName: z.string(),
      authorEmail: z.string(),
      authorWebsite: z.string().nullable(),
      body: z.string(),
      html: z.string(),
      status: z.string(),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
      userAgent: z.string().nullable(),
      referrer: z.string().nullable(),
      screening: z.unknown().describe('What screening recorded about the comment.'),
    }),
  ),
  bans: z.array(
    z.object({
      siteId: z.string(),
      reason: z.string().nullable(),
      expiresAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

const Erasure = z.object({
  comments: z.number().int(),
  sites: z.array(z.string()),
  bansLifted: z.number().int(),
  lessonsDeleted: z.number().int(),
  auditEntriesScrubbed: z.number().int(),
  bodies: z.enum(['removed', 'kept']),
}) satisfies z.ZodType<ErasureResult>;

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  const access = 'admin' as const;
  doc.get('/sites/:site/export', {
    summary: 'Download a site’s export: Parley JSON Lines (every field) or WordPress WXR',
    description:
      'Streamed as an attachment (UTF-8). An error after the first byte cuts the connection instead of answering JSON: a Parley file without its closing `end` record, or a WXR file without `</rss>`, is incomplete.',
    access,
    params: ExportParams,
    query: ExportQuery,
    responses: {
      200: {
        description: 'The file: application/x-ndjson for format=parley, application/xml for wxr.',
        contentType: ['application/x-ndjson', 'application/xml'],
        headers: { 'Content-Disposition': ATTACHMENT },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post('/commenters/export', {
    summary: 'Download everything stored about one commenter (access request), on every site',
    description:
      'A POST so that the email stays out of URLs and logs. Streamed as a JSON attachment.',
    access,
    body: CommenterExportBody,
    bodyExample: { email: 'reader@example.com' },
    responses: {
      200: {
        description:
          'The commenter’s comments (with their email, user agent and referrer) and bans.',
        body: CommenterData,
        headers: { 'Content-Disposition': ATTACHMENT },
      },
    },
  });
  doc.post('/commenters/erase', {
    summary: 'Erase one commenter (erasure request), on every site: cannot be undone',
    description:
      'Their comments stay in place, signed "Deleted user"; the email, hashes, name, user agent and referrer go, from the comments, audit snapshots and screening lessons; their email bans are lifted. With removeBodies the comments’ text goes too.',
    access,
    body: CommenterEraseBody,
    bodyExample: { email: 'reader@example.com', removeBodies: false, confirm: true },
    responses: {
      200: {
        description: 'What was erased.',
        body: z.object({ erased: Erasure }),
        example: {
          erased: {
            comments: 3,
            sites: ['blog'],
            bansLifted: 0,
            lessonsDeleted: 0,
            auditEntriesScrubbed: 2,
            bodies: 'kept',
          },
        },
      },
    },
  });
}

/**
 * Streams chunks as an attachment. Once the first byte is out an error can no longer become a
 * JSON answer: the connection is cut instead, and the file's missing end line tells the reader.
 */
async function download(
  res: Response,
  log: Logger,
  fileName: string,
  contentType: string,
  chunks: AsyncIterable<string>,
): Promise<void> {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    log.error({ err: redactError(err) }, 'export stream failed');
    res.destroy();
  }
}
