// POST /api/comments/:id/reports: the public "report this comment" button. JSON only,
// rate-limited per IP, and CORS follows the allowed origins of the comment's site.
import { Router, type Request } from 'express';
import { CommentNotFoundError } from '../errors.js';
import { clientInfo } from '../http/index.js';
import { siteCors } from '../sites/index.js';
import { requireJson } from '../http/index.js';
import type { RateLimiters } from '../http/index.js';
import { parse } from '../http/index.js';
import type { SiteView } from '../sites/index.js';
import { apiDoc } from '../openapi/index.js';
import { z } from 'zod';
import { ReportBody, ReportParams } from './moderation.schema.js';
import { getReportTarget } from './moderation.repo.js';
import { reportComment, type ReportDeps } from './reports.service.js';

export const REPORTS_PER_MINUTE = 10;

export function reportsRouter(
  deps: ReportDeps & { ownOrigin: string; limits: RateLimiters },
): Router {
  const router = Router();
  const reportLimit = deps.limits({ name: 'reports', windowMs: 60_000, limit: REPORTS_PER_MINUTE });
  const siteOfComment = async (req: Request): Promise<SiteView> => {
    const id = String(req.params.id);
    const comment = /^[0-9a-f-]{36}$/i.test(id) ? await getReportTarget(deps.db, id) : null;
    if (!comment) throw new CommentNotFoundError(id);
    return deps.sites.getById(comment.siteId);
  };

  router.use('/comments/:id/reports', siteCors(deps.ownOrigin, siteOfComment));
  router.post('/comments/:id/reports', reportLimit, requireJson, async (req, res) => {
    const { id } = parse(ReportParams, req.params);
    const input = parse(ReportBody, req.body);
    await reportComment(deps, id, input, clientInfo(req).ip);
    res.status(202).json({ ok: true });
  });
  apiDoc(router).post('/comments/:id/reports', {
    summary: 'Report a comment to the moderators',
    access: 'public',
    params: ReportParams,
    body: ReportBody,
    bodyExample: { reason: 'abuse', note: 'Insults another reader.' },
    responses: {
      202: { description: 'Reported.', body: z.object({ ok: z.literal(true) }) },
    },
    errors: { 403: ['ORIGIN_NOT_ALLOWED'], 404: ['COMMENT_NOT_FOUND'], 429: ['RATE_LIMITED'] },
  });
  return router;
}
