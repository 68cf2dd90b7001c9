// /api/admin/sites/:site/webhooks… and /api/admin/outbox: admins only (session, role, CSRF).
import { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import { parse, requireJson } from '../http/index.js';
import { z } from 'zod';
import {
  AttemptParams,
  CreateWebhookBody,
  MessageParams,
  SiteParams,
  UpdateWebhookBody,
  WebhookParams,
} from './webhooks.schema.js';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  outboxStatus,
  redeliver,
  retryOutboxMessage,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
  type WebhooksDeps,
} from './webhooks.service.js';

const OutboxQuery = z.object({ site: z.string().trim().min(1).max(200).optional() });

export function webhooksRouter(deps: WebhooksDeps & { guard: AuthGuard }): Router {
  const router = Router();
  const guarded = [deps.guard.session, deps.guard.admin, deps.guard.csrf];
  const base = '/sites/:site/webhooks';
  router.use([base, '/outbox'], ...guarded);

  router.get(base, async (req, res) => {
    res.json({ webhooks: await listWebhooks(deps, parse(SiteParams, req.params).site) });
  });
  router.post(base, requireJson, async (req, res) => {
    const { site } = parse(SiteParams, req.params);
    res
      .status(201)
      .json({ webhook: await createWebhook(deps, site, parse(CreateWebhookBody, req.body)) });
  });
  router.patch(`${base}/:id`, requireJson, async (req, res) => {
    const { site, id } = parse(WebhookParams, req.params);
    res.json({ webhook: await updateWebhook(deps, site, id, parse(UpdateWebhookBody, req.body)) });
  });
  router.delete(`${base}/:id`, async (req, res) => {
    const { site, id } = parse(WebhookParams, req.params);
    await deleteWebhook(deps, site, id);
    res.status(204).end();
  });
  router.post(`${base}/:id/rotate-secret`, async (req, res) => {
    const { site, id } = parse(WebhookParams, req.params);
    res.json(await rotateWebhookSecret(deps, site, id));
  });
  router.post(`${base}/:id/test`, async (req, res) => {
    const { site, id } = parse(WebhookParams, req.params);
    res.status(202).json(await sendTestEvent(deps, site, id));
  });
  router.get(`${base}/:id/deliveries`, async (req, res) => {
    const { site, id } = parse(WebhookParams, req.params);
    res.json({ deliveries: await listDeliveries(deps, site, id) });
  });
  router.post(`${base}/:id/deliveries/:attemptId/redeliver`, async (req, res) => {
    const { site, id, attemptId } = parse(AttemptParams, req.params);
    res.status(202).json(await redeliver(deps, site, id, attemptId));
  });

  router.get('/outbox', async (req, res) => {
    res.json(await outboxStatus(deps, parse(OutboxQuery, req.query).site));
  });
  router.post('/outbox/:id/retry', async (req, res) => {
    res.status(202).json(await retryOutboxMessage(deps, parse(MessageParams, req.params).id));
  });
  return router;
}
