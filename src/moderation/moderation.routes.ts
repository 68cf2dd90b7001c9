// /api/moderation/…: queues, decisions, bans, audit log and stats. Every route needs a
// session; every state-changing one also the session's CSRF token.
import { Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { requireJson } from '../http/index.js';
import { parse } from '../http/index.js';
import {
  apiDoc,
  AuditEntryShape,
  BanViewShape,
  BulkResultShape,
  DecidedShape,
  ModerationStatsShape,
  QueuePageShape,
  UndoResultShape,
} from '../openapi/index.js';
import type { SiteDirectory } from '../sites/index.js';
import { z } from 'zod';
import {
  editCommentBody,
  moderateComment,
  moderateMany,
  type ActionDeps,
} from './actions.service.js';
import { listAuditEntries, undoAuditEntry } from './audit.service.js';
import { createBan, listSiteBans, removeBan } from './bans.service.js';
import {
  ACTIONS,
  AuditQuery,
  BulkBody,
  CreateBanBody,
  EditBody,
  IdParams,
  QueueQuery,
  RejectBody,
  SiteQuery,
  StatsQuery,
} from './moderation.schema.js';
import { listQueue } from './queue.service.js';
import { getModerationStats } from './stats.service.js';

export interface ModerationRouteDeps extends ActionDeps {
  sites: SiteDirectory;
  guard: AuthGuard;
}

export function moderationRouter(deps: ModerationRouteDeps): Router {
  const router = Router();
  router.use(deps.guard.session, deps.guard.csrf);
  mountCommentRoutes(router, deps);
  mountBanRoutes(router, deps);

  router.get('/audit', async (req, res) => {
    res.json(await listAuditEntries(deps, actorOf(req), parse(AuditQuery, req.query)));
  });

  router.post('/audit/:id/undo', async (req, res) => {
    const { id } = parse(IdParams, req.params);
    res.json(await undoAuditEntry(deps, actorOf(req), id));
  });

  router.get('/stats', async (req, res) => {
    res.json(await getModerationStats(deps, actorOf(req), parse(StatsQuery, req.query)));
  });
  describeRoutes(router);
  return router;
}

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  const access = 'moderator' as const;
  doc.get('/comments', {
    summary: 'A moderation queue, with every queue’s count',
    access,
    query: QueueQuery,
    responses: { 200: { description: 'A page of the queue.', body: QueuePageShape } },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post('/comments/bulk', {
    summary: 'One action on many comments (each succeeds or fails on its own)',
    access,
    body: BulkBody,
    bodyExample: { ids: ['01890a5d-ac96-774b-bcce-b302099a8057'], action: 'approve' },
    responses: {
      200: {
        description: 'One result per comment.',
        body: z.object({ results: z.array(BulkResultShape) }),
      },
    },
  });
  for (const action of ACTIONS) {
    doc.post(`/comments/:id/${action}`, {
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} a comment`,
      description:
        action === 'reject' ? 'An optional `reason` is kept in the audit log.' : undefined,
      access,
      params: IdParams,
      ...(action === 'reject' && { body: RejectBody }),
      responses: {
        200: {
          description: 'The comment as decided, and the audit entry that undoes it.',
          body: DecidedShape,
        },
      },
      errors: { 403: ['FORBIDDEN'], 404: ['COMMENT_NOT_FOUND'] },
    });
  }
  doc.patch('/comments/:id', {
    summary: 'Edit a comment’s text',
    access,
    params: IdParams,
    body: EditBody,
    responses: { 200: { description: 'The edited comment.', body: DecidedShape } },
    errors: { 403: ['FORBIDDEN'], 404: ['COMMENT_NOT_FOUND'] },
  });
  doc.post('/bans', {
    summary: 'Ban an email, IP (from a comment) or email domain on a site',
    access,
    body: CreateBanBody,
    bodyExample: { kind: 'email', commentId: '01890a5d-ac96-774b-bcce-b302099a8057' },
    responses: { 201: { description: 'The ban.', body: z.object({ ban: BanViewShape }) } },
    errors: {
      403: ['FORBIDDEN'],
      404: ['SITE_NOT_FOUND', 'COMMENT_NOT_FOUND'],
      409: ['BAN_EXISTS'],
    },
  });
  doc.get('/bans', {
    summary: 'Bans of the sites one moderates',
    access,
    query: SiteQuery,
    responses: {
      200: { description: 'The bans.', body: z.object({ bans: z.array(BanViewShape) }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.delete('/bans/:id', {
    summary: 'Lift a ban',
    access,
    params: IdParams,
    responses: { 204: { description: 'Lifted.' } },
    errors: { 403: ['FORBIDDEN'], 404: ['BAN_NOT_FOUND'] },
  });
  doc.get('/audit', {
    summary: 'The audit log, newest first',
    access,
    query: AuditQuery,
    responses: {
      200: {
        description: 'A page of entries.',
        body: z.object({ entries: z.array(AuditEntryShape), nextCursor: z.string().nullable() }),
      },
    },
  });
  doc.post('/audit/:id/undo', {
    summary: 'Undo a decision or a ban change',
    access,
    params: IdParams,
    responses: { 200: { description: 'What the undo restored.', body: UndoResultShape } },
    errors: { 403: ['FORBIDDEN'], 404: ['AUDIT_ENTRY_NOT_FOUND'], 409: ['UNDO_NOT_POSSIBLE'] },
  });
  doc.get('/stats', {
    summary: 'Decisions per day and time to decision',
    access,
    query: StatsQuery,
    responses: { 200: { description: 'The statistics.', body: ModerationStatsShape } },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
}

function mountCommentRoutes(router: Router, deps: ModerationRouteDeps): void {
  router.get('/comments', async (req, res) => {
    res.json(await listQueue(deps, actorOf(req), parse(QueueQuery, req.query)));
  });

  router.post('/comments/bulk', requireJson, async (req, res) => {
    const input = parse(BulkBody, req.body);
    res.json({ results: await moderateMany(deps, actorOf(req), input.ids, input.action) });
  });

  for (const action of ACTIONS) {
    router.post(`/comments/:id/${action}`, requireJson, async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { reason } = action === 'reject' ? parse(RejectBody, req.body) : { reason: undefined };
      res.json(await moderateComment(deps, actorOf(req), id, action, { reason }));
    });
  }

  router.patch('/comments/:id', requireJson, async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const { body } = parse(EditBody, req.body);
    res.json(await editCommentBody(deps, actorOf(req), id, body));
  });
}

function mountBanRoutes(router: Router, deps: ModerationRouteDeps): void {
  router.post('/bans', requireJson, async (req, res) => {
    res
      .status(201)
      .json({ ban: await createBan(deps, actorOf(req), parse(CreateBanBody, req.body)) });
  });

  router.get('/bans', async (req, res) => {
    res.json({ bans: await listSiteBans(deps, actorOf(req), parse(SiteQuery, req.query).site) });
  });

  router.delete('/bans/:id', async (req, res) => {
    await removeBan(deps, actorOf(req), parse(IdParams, req.params).id);
    res.status(204).end();
  });
}
