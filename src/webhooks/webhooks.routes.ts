// /api/admin/sites/:site/webhooks… and /api/admin/outbox: admins only (session, role, CSRF).
import { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import { parse, requireJson } from '../http/index.js';
import { apiDoc } from '../openapi/index.js';
import { z } from 'zod';
import {
  AttemptParams,
  CreateWebhookBody,
  MessageParams,
  SiteParams,
  UpdateWebhookBody,
  WEBHOOK_EVENTS,
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
  type WebhookView,
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
  describeRoutes(router, base);
  return router;
}

const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  private: z.boolean().describe('Private endpoints also receive the commenter’s email.'),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<WebhookView>;

const Secret = z.string().describe('whsec_…: the HMAC-SHA256 key of Parley-Signature.');

const Delivery = z.object({
  id: z.string(),
  messageId: z.string(),
  eventKey: z.string(),
  messageStatus: z.string().describe('pending, done or failed (given up).'),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable().describe('What the receiver answered; null: no answer.'),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  at: z.string(),
}) satisfies z.ZodType<Awaited<ReturnType<typeof listDeliveries>>[number]>;

const OutboxStatus = z.object({
  counts: z.object({
    pending: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
  }),
  failed: z.array(
    z.object({
      id: z.string(),
      kind: z.string().describe('webhook or email.'),
      key: z.string(),
      target: z.string().nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      failedAt: z.string(),
    }),
  ),
}) satisfies z.ZodType<Awaited<ReturnType<typeof outboxStatus>>>;

const Queued = z.object({ messageId: z.string() });

function describeRoutes(router: Router, base: string): void {
  const doc = apiDoc(router);
  const access = 'admin' as const;
  const tag = 'Webhooks';
  const notFound = { 404: ['SITE_NOT_FOUND', 'WEBHOOK_NOT_FOUND'] };
  const webhookExample = {
    id: '0193a7b2-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    url: 'https://hooks.example.com/parley',
    events: ['comment.created', 'queue.entered'],
    private: false,
    enabled: true,
    createdAt: '2026-12-01T17:00:00.000Z',
    updatedAt: '2026-12-01T17:00:00.000Z',
  };
  doc.get(base, {
    summary: 'A site’s webhook endpoints',
    access,
    tag,
    params: SiteParams,
    responses: {
      200: { description: 'The endpoints.', body: z.object({ webhooks: z.array(Webhook) }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post(base, {
    summary: 'Add a webhook endpoint: its signing secret is shown once',
    description:
      'Each event is POSTed as JSON with Parley-Event, Parley-Delivery and Parley-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>) headers, retried with back-off through the outbox; redirects are not followed.',
    access,
    tag,
    params: SiteParams,
    body: CreateWebhookBody,
    bodyExample: { url: 'https://hooks.example.com/parley', events: ['comment.created'] },
    responses: {
      201: {
        description: 'The endpoint, with its secret.',
        body: z.object({ webhook: Webhook.extend({ secret: Secret }) }),
        example: {
          webhook: { ...webhookExample, secret: 'whsec_Jq3xW0n3m7YbT1c2d4e5f6g7h8i9j0kL' },
        },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.patch(`${base}/:id`, {
    summary: 'Change an endpoint’s URL, events, privacy or enabled state',
    access,
    tag,
    params: WebhookParams,
    body: UpdateWebhookBody,
    bodyExample: { enabled: false },
    responses: {
      200: {
        description: 'The endpoint.',
        body: z.object({ webhook: Webhook }),
        example: { webhook: { ...webhookExample, enabled: false } },
      },
    },
    errors: notFound,
  });
  doc.delete(`${base}/:id`, {
    summary: 'Remove an endpoint; its undelivered events are cancelled',
    access,
    tag,
    params: WebhookParams,
    responses: { 204: { description: 'Removed.' } },
    errors: notFound,
  });
  doc.post(`${base}/:id/rotate-secret`, {
    summary: 'A new signing secret (shown once), used for every delivery from now on',
    access,
    tag,
    params: WebhookParams,
    responses: { 200: { description: 'The new secret.', body: z.object({ secret: Secret }) } },
    errors: notFound,
  });
  doc.post(`${base}/:id/test`, {
    summary: 'Queue a webhook.test event for this endpoint',
    access,
    tag,
    params: WebhookParams,
    responses: {
      202: { description: 'Queued.', body: z.object({ eventId: z.string() }) },
    },
    errors: notFound,
  });
  doc.get(`${base}/:id/deliveries`, {
    summary: 'The endpoint’s latest 100 delivery attempts, newest first',
    access,
    tag,
    params: WebhookParams,
    responses: {
      200: { description: 'The attempts.', body: z.object({ deliveries: z.array(Delivery) }) },
    },
    errors: notFound,
  });
  doc.post(`${base}/:id/deliveries/:attemptId/redeliver`, {
    summary: 'Send that attempt’s event again now (also after it succeeded or was given up)',
    access,
    tag,
    params: AttemptParams,
    responses: { 202: { description: 'Queued again.', body: Queued } },
    errors: {
      404: ['SITE_NOT_FOUND', 'WEBHOOK_NOT_FOUND', 'DELIVERY_NOT_FOUND'],
      409: ['DELIVERY_IN_PROGRESS'],
    },
  });
  doc.get('/outbox', {
    summary:
      'The outbox (webhook and mail deliveries): counts by status and the 50 latest given up',
    access,
    tag,
    query: OutboxQuery,
    responses: {
      200: {
        description: 'Of one site (?site=) or all.',
        body: OutboxStatus,
        example: { counts: { pending: 2, done: 120, failed: 0 }, failed: [] },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post('/outbox/:id/retry', {
    summary: 'Queue an outbox message again now (typically one that was given up)',
    access,
    tag,
    params: MessageParams,
    responses: { 202: { description: 'Queued again.', body: Queued } },
    errors: { 404: ['DELIVERY_NOT_FOUND'], 409: ['DELIVERY_IN_PROGRESS'] },
  });
}
