// /api/admin/…: site exports (downloads, streamed) and a commenter's data requests. Admins
// only: an export holds every commenter's email.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { type Response, Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { parse, requireJson } from '../http/index.js';
import { redactError, type Logger } from '../logger.js';
import {
  type CommenterDataDeps,
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
  return router;
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
