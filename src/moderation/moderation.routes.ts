// /api/moderation/…: queues, decisions, bans, audit log and stats. Every route needs a
// session; every state-changing one also the session's CSRF token.
import { Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { requireJson } from '../http/index.js';
import { parse } from '../http/index.js';
import type { SiteDirectory } from '../sites/index.js';
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
  return router;
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
