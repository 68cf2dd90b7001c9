// The public comment routes: a thread's pages, posting, an author's edit, the form token and
// the "do you want to rephrase?" check. CORS under /sites/:site is the sites module's; the
// routes under a comment follow its site's allowed origins here.
import { Router } from 'express';
import { z } from 'zod';
import { CommentNotFoundError } from '../errors.js';
import { clientInfo } from '../http/index.js';
import { requireJson } from '../http/index.js';
import type { RateLimiters } from '../http/index.js';
import { parse } from '../http/index.js';
import {
  apiDoc,
  CheckResultShape,
  CreateCommentResultShape,
  EditCommentResultShape,
  FormTokenResultShape,
  ThreadPageShape,
} from '../openapi/index.js';
import { id as commentId } from '../schema.js';
import { siteCors } from '../sites/index.js';
import { getCommentSite } from './comments.repo.js';
import { CheckBody, CreateCommentBody, SitePostParams, ThreadQuery } from './comments.schema.js';
import {
  assertBodyFits,
  createComment,
  getThreadPage,
  type CommentsDeps,
} from './comments.service.js';
import { editOwnComment } from './comment-edits.js';
import { pageKey, postKey } from './thread-cache.js';

/** Drafts one reader may check per minute (the widget checks once per submit). */
export const DRAFT_CHECKS_PER_MINUTE = 30;

const EditCommentBody = z.object({
  body: CreateCommentBody.shape.body,
  editToken: z.string({ error: 'The edit token is missing.' }).min(10).max(200),
});

export function commentsRouter(
  deps: CommentsDeps,
  limits: RateLimiters,
  commentsPerMinute: number,
): Router {
  const router = Router();
  const ownOrigin = new URL(deps.publicUrl).origin;
  const writeLimit = limits({ name: 'comments', windowMs: 60_000, limit: commentsPerMinute });
  // A draft check screens up to 20,000 characters: limited like a write.
  const checkLimit = limits({
    name: 'draft-checks',
    windowMs: 60_000,
    limit: DRAFT_CHECKS_PER_MINUTE,
  });

  router.use(
    '/comments/:id',
    siteCors(ownOrigin, async (req) => {
      const id = String(req.params.id);
      const comment = commentId.safeParse(id).success ? await getCommentSite(deps.db, id) : null;
      if (!comment) throw new CommentNotFoundError(id);
      return deps.sites.getById(comment.siteId);
    }),
  );

  router.get('/sites/:site/posts/:post/comments', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const query = parse(ThreadQuery, req.query);
    const site = await deps.sites.get(params.site);
    const post = postKey(site.slug, params.post);
    const key = pageKey(post, query);
    let page = deps.threadCache.get(key);
    if (!page) {
      const version = deps.threadCache.version(post);
      const thread = await getThreadPage(deps, site, params.post, query);
      // A post its first comment will create reads as an empty thread (not cached: any slug
      // can be asked for, and the cache is for threads that exist).
      if (!thread) return void res.json({ comments: [], total: 0, nextCursor: null });
      page = deps.threadCache.set(key, post, version, thread);
    }
    // express answers 304 itself when If-None-Match matches this ETag.
    res.setHeader('ETag', page.etag);
    res.type('application/json').send(page.body);
  });

  router.post('/sites/:site/posts/:post/comments', writeLimit, requireJson, async (req, res) => {
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
  });

  router.patch('/comments/:id', writeLimit, requireJson, async (req, res) => {
    const { id } = parse(z.object({ id: z.uuid({ error: 'Unknown comment.' }) }), req.params);
    const input = parse(EditCommentBody, req.body);
    res.json(await editOwnComment(deps, id, input.body, input.editToken));
  });

  // The widget asks for a token when it shows the form; a submit faster than a person types is held.
  router.get('/sites/:site/posts/:post/form-token', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const site = await deps.sites.get(params.site);
    res.setHeader('Cache-Control', 'no-store');
    // The site's minimum is public anyway (a bot can time itself); the widget uses it to wait
    // out a token it had to fetch at the last moment instead of having the comment held.
    res.json({
      token: deps.formTokens.issue(site.id, params.post),
      minSubmitSeconds: site.settings.minSubmitSeconds,
      replyMail: deps.replyMail,
    });
  });

  // "Do you want to rephrase?": the screening verdict on a draft, which is not stored.
  router.post(
    '/sites/:site/posts/:post/comments/check',
    checkLimit,
    requireJson,
    async (req, res) => {
      const params = parse(SitePostParams, req.params);
      const site = await deps.sites.get(params.site);
      const { body } = parse(CheckBody, req.body);
      // a draft the site would refuse is not worth screening (and long ones cost the most)
      assertBodyFits(site, body);
      res.json(await deps.screener.checkDraft(site.id, site.settings, body));
    },
  );

  describeRoutes(router);
  return router;
}

const CommentIdParams = z.object({ id: z.uuid() });

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  doc.get('/sites/:site/posts/:post/comments', {
    summary: 'A page of a thread: approved comments with their replies',
    description: 'Answers 304 to a matching If-None-Match (ETag).',
    access: 'public',
    params: SitePostParams,
    query: ThreadQuery,
    responses: { 200: { description: 'A page of the thread.', body: ThreadPageShape } },
    errors: { 404: ['SITE_NOT_FOUND'], 403: ['ORIGIN_NOT_ALLOWED'] },
  });
  doc.post('/sites/:site/posts/:post/comments', {
    summary: 'Post a comment (screened before it is stored)',
    description:
      '201 when published at once, 202 when held for a moderator. The edit token lets only this author edit the comment until `editableUntil`.',
    access: 'public',
    params: SitePostParams,
    body: CreateCommentBody,
    bodyExample: {
      name: 'Ada',
      email: 'ada@example.com',
      body: 'A thoughtful reply.',
      formToken: '…',
      idempotencyKey: 'c0ffee-0001',
    },
    responses: {
      201: { description: 'Published.', body: CreateCommentResultShape },
      202: { description: 'Held for moderation.', body: CreateCommentResultShape },
    },
    errors: {
      403: ['AUTHOR_BANNED', 'ORIGIN_NOT_ALLOWED'],
      404: ['SITE_NOT_FOUND', 'POST_NOT_FOUND', 'COMMENT_NOT_FOUND'],
      409: ['POST_CLOSED', 'IDEMPOTENCY_CONFLICT'],
      413: ['BODY_TOO_LONG'],
      429: ['RATE_LIMITED'],
    },
  });
  doc.patch('/comments/:id', {
    summary: 'Edit one’s own comment with its edit token (screened again)',
    access: 'public',
    params: CommentIdParams,
    body: EditCommentBody,
    responses: { 200: { description: 'The edited comment.', body: EditCommentResultShape } },
    errors: {
      403: ['EDIT_NOT_ALLOWED', 'ORIGIN_NOT_ALLOWED'],
      404: ['COMMENT_NOT_FOUND'],
      429: ['RATE_LIMITED'],
    },
  });
  doc.get('/sites/:site/posts/:post/form-token', {
    summary: 'A signed form token (submits faster than a person types are held)',
    access: 'public',
    params: SitePostParams,
    responses: { 200: { description: 'The token.', body: FormTokenResultShape } },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post('/sites/:site/posts/:post/comments/check', {
    summary: 'Screen a draft without storing it ("Do you want to rephrase?")',
    access: 'public',
    params: SitePostParams,
    body: CheckBody,
    bodyExample: { body: 'You are all idiots.' },
    responses: { 200: { description: 'The verdict.', body: CheckResultShape } },
    errors: { 404: ['SITE_NOT_FOUND'], 429: ['RATE_LIMITED'] },
  });
}
