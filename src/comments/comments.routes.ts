import { Router } from 'express';
import { z } from 'zod';
import type { RequestHandler } from 'express';
import { clientInfo } from '../http/client-info.js';
import { requireJson } from '../http/error-handler.js';
import { parse } from '../http/validate.js';
import type { SiteDirectory } from '../sites/sites.service.js';
import { CreateCommentBody, SitePostParams, ThreadQuery } from './comments.schema.js';
import { createComment, getThreadPage, type CommentDeps } from './comments.service.js';
import { editOwnComment, type EditDeps } from './comment-edits.js';
import { pageKey, postKey, type ThreadCache } from './thread-cache.js';

const EditCommentBody = z.object({
  body: CreateCommentBody.shape.body,
  editToken: z.string({ error: 'The edit token is missing.' }).min(10).max(200),
});

export function commentsRouter(
  deps: CommentDeps &
    EditDeps & { sites: SiteDirectory; threadCache: ThreadCache; writeLimit: RequestHandler },
): Router {
  const router = Router();

  router.get('/sites/:site/posts/:post/comments', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const query = parse(ThreadQuery, req.query);
    const site = await deps.sites.get(params.site);
    const post = postKey(site.slug, params.post);
    const key = pageKey(post, query);
    let page = deps.threadCache.get(key);
    if (!page) {
      const version = deps.threadCache.version(post);
      page = deps.threadCache.set(
        key,
        post,
        version,
        await getThreadPage(deps, site, params.post, query),
      );
    }
    // express answers 304 itself when If-None-Match matches this ETag.
    res.setHeader('ETag', page.etag);
    res.type('application/json').send(page.body);
  });

  router.post(
    '/sites/:site/posts/:post/comments',
    deps.writeLimit,
    requireJson,
    async (req, res) => {
      const params = parse(SitePostParams, req.params);
      const site = await deps.sites.get(params.site);
      const input = parse(CreateCommentBody, req.body);
      const { replayed, ...result } = await createComment(
        deps,
        site,
        params.post,
        input,
        clientInfo(req),
      );
      const status = result.status === 'approved' ? 201 : 202;
      // A replay proves nothing about who is asking: only the request that wrote the comment
      // receives the token that lets its author edit it, until a fixed time after it was written.
      if (replayed) return void res.status(status).json(result);
      const edit = deps.editTokens.issue(result.comment.id, new Date(result.comment.createdAt));
      res.status(status).json({ ...result, editToken: edit.token, editableUntil: edit.expiresAt });
    },
  );

  router.patch('/comments/:id', deps.writeLimit, requireJson, async (req, res) => {
    const id = parse(z.object({ id: z.uuid({ error: 'Unknown comment.' }) }), req.params).id;
    const input = parse(EditCommentBody, req.body);
    res.json(await editOwnComment(deps, id, input.body, input.editToken));
  });

  return router;
}
