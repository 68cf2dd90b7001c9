import { Router } from 'express';
import type { RateLimitRequestHandler } from 'express-rate-limit';
import { clientInfo } from '../http/client-info.js';
import { requireJson } from '../http/error-handler.js';
import { parse } from '../http/validate.js';
import type { SiteDirectory } from '../sites/sites.service.js';
import { CreateCommentBody, SitePostParams, ThreadQuery } from './comments.schema.js';
import { createComment, getThreadPage, type CommentDeps } from './comments.service.js';

export function commentsRouter(
  deps: CommentDeps & { sites: SiteDirectory; writeLimit: RateLimitRequestHandler },
): Router {
  const router = Router();

  router.get('/sites/:site/posts/:post/comments', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const query = parse(ThreadQuery, req.query);
    const site = await deps.sites.get(params.site);
    res.json(await getThreadPage(deps, site, params.post, query));
  });

  router.post('/sites/:site/posts/:post/comments', deps.writeLimit, requireJson, async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const site = await deps.sites.get(params.site);
    const input = parse(CreateCommentBody, req.body);
    const result = await createComment(deps, site, params.post, input, clientInfo(req));
    res.status(result.status === 'approved' ? 201 : 202).json(result);
  });

  return router;
}
