// Admin use-cases for a site's webhook endpoints: CRUD, secret rotation, a test event,
// redelivery and the delivery log; and the outbox's status for the dashboard.
import type { DeliveryView, OutboxStatusView, WebhookView } from '../contracts/webhooks-api.js';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../ids.js';
import type { Outbox } from '../outbox/index.js';
import type { SiteDirectory } from '../sites/index.js';
import { ValidationError } from '../errors.js';
import { newWebhookSecret } from './signature.js';
import { literalPrivateHost, type PrivateTargets } from './target-guard.js';
import {
  DeliveryBusyError,
  DeliveryNotFoundError,
  WebhookNotFoundError,
} from './webhooks.errors.js';
import {
  deleteEndpoint,
  getEndpoint,
  getEndpoints,
  insertEndpoint,
  updateEndpoint,
} from './webhooks.repo.js';
import { StoredEvents, type CreateWebhookBody, type UpdateWebhookBody } from './webhooks.schema.js';

export interface WebhooksDeps {
  db: Db;
  sites: SiteDirectory;
  outbox: Outbox;
  publicUrl: string;
  /** `block`: an endpoint URL naming a private address is refused here and at delivery. */
  privateTargets: PrivateTargets;
  /** Wakes the outbox worker (a test event or a redelivery should not wait for the next tick). */
  nudge(): void;
}

type EndpointRow = NonNullable<Awaited<ReturnType<typeof getEndpoint>>>;

function view(e: EndpointRow): WebhookView {
  return {
    id: e.id,
    url: e.url,
    events: StoredEvents.parse(e.events),
    private: e.private,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type { WebhookView };

async function endpointOf(deps: WebhooksDeps, siteSlug: string, id: string) {
  const site = await deps.sites.get(siteSlug);
  const endpoint = await getEndpoint(deps.db, site.id, id);
  if (!endpoint) throw new WebhookNotFoundError();
  return { site, endpoint };
}

/** A URL that names a private address outright is refused at once (DNS is checked at delivery). */
function refusePrivateUrl(deps: WebhooksDeps, url: string): void {
  if (deps.privateTargets !== 'block') return;
  const host = literalPrivateHost(url);
  if (host) {
    throw new ValidationError({
      url: `Webhooks cannot be sent to ${host}: it is a private or loopback address.`,
    });
  }
}

export async function listWebhooks(deps: WebhooksDeps, siteSlug: string) {
  const site = await deps.sites.get(siteSlug);
  return (await getEndpoints(deps.db, site.id)).map(view);
}

/** The secret is shown here and on rotation only. */
export async function createWebhook(
  deps: WebhooksDeps,
  siteSlug: string,
  input: CreateWebhookBody,
) {
  refusePrivateUrl(deps, input.url);
  const site = await deps.sites.get(siteSlug);
  const secret = newWebhookSecret();
  const row = await insertEndpoint(deps.db, { siteId: site.id, ...input, secret });
  return { ...view(row), secret };
}

export async function updateWebhook(
  deps: WebhooksDeps,
  siteSlug: string,
  id: string,
  input: UpdateWebhookBody,
) {
  if (input.url !== undefined) refusePrivateUrl(deps, input.url);
  const { site } = await endpointOf(deps, siteSlug, id);
  await updateEndpoint(deps.db, site.id, id, input);
  return view((await endpointOf(deps, siteSlug, id)).endpoint);
}

export async function deleteWebhook(deps: WebhooksDeps, siteSlug: string, id: string) {
  const { site } = await endpointOf(deps, siteSlug, id);
  await deleteEndpoint(deps.db, site.id, id);
  await deps.outbox.cancel(id);
}

/** A new secret, used for every delivery from now on (retries included). */
export async function rotateWebhookSecret(deps: WebhooksDeps, siteSlug: string, id: string) {
  const { site } = await endpointOf(deps, siteSlug, id);
  const secret = newWebhookSecret();
  await updateEndpoint(deps.db, site.id, id, { secret });
  return { secret };
}

/** Queues a `webhook.test` event for this endpoint (through the outbox, logged like any other). */
export async function sendTestEvent(deps: WebhooksDeps, siteSlug: string, id: string) {
  const { site, endpoint } = await endpointOf(deps, siteSlug, id);
  const eventId = uuidv7();
  await deps.outbox.enqueue(deps.db, {
    kind: 'webhook',
    key: `webhook:${endpoint.id}:test:${eventId}`,
    siteId: site.id,
    target: endpoint.id,
    payload: {
      endpointId: endpoint.id,
      event: {
        id: eventId,
        type: 'webhook.test',
        createdAt: new Date().toISOString(),
        site: { id: site.id, slug: site.slug },
        data: { message: 'A test event from Parley.' },
      },
    },
  });
  deps.nudge();
  return { eventId };
}

export async function listDeliveries(
  deps: WebhooksDeps,
  siteSlug: string,
  id: string,
): Promise<DeliveryView[]> {
  const { endpoint } = await endpointOf(deps, siteSlug, id);
  const attempts = await deps.outbox.attempts(endpoint.id, 100);
  return attempts.map((a) => ({
    id: a.id,
    messageId: a.messageId,
    eventKey: a.message.key,
    messageStatus: a.message.status,
    attempt: a.attempt,
    ok: a.ok,
    statusCode: a.statusCode,
    durationMs: a.durationMs,
    error: a.error,
    at: a.startedAt.toISOString(),
  }));
}

/** Sends the message of that attempt again now (also after it succeeded or was given up). */
export async function redeliver(
  deps: WebhooksDeps,
  siteSlug: string,
  id: string,
  attemptId: string,
) {
  const { endpoint } = await endpointOf(deps, siteSlug, id);
  const attempt = await deps.outbox.attempt(attemptId);
  if (!attempt || attempt.target !== endpoint.id) throw new DeliveryNotFoundError();
  if (!(await deps.outbox.requeue(attempt.messageId))) throw new DeliveryBusyError();
  deps.nudge();
  return { messageId: attempt.messageId };
}

/** Outbox status for the dashboard: counts by status and the rows given up, of one site or all. */
export async function outboxStatus(
  deps: WebhooksDeps,
  siteSlug: string | undefined,
): Promise<OutboxStatusView> {
  const siteId = siteSlug ? (await deps.sites.get(siteSlug)).id : undefined;
  const where = siteId ? { siteId } : {};
  const [counts, failed] = await Promise.all([
    deps.outbox.counts(where),
    deps.outbox.failed(where, 50),
  ]);
  return {
    counts: { pending: counts.pending ?? 0, done: counts.done ?? 0, failed: counts.failed ?? 0 },
    failed: failed.map((m) => ({
      id: m.id,
      kind: m.kind,
      key: m.key,
      target: m.target,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      failedAt: m.updatedAt.toISOString(),
    })),
  };
}

/** Puts a failed outbox message back in the queue. */
export async function retryOutboxMessage(deps: WebhooksDeps, messageId: string) {
  const message = await deps.outbox.message(messageId);
  if (!message) throw new DeliveryNotFoundError();
  if (!(await deps.outbox.requeue(messageId))) throw new DeliveryBusyError();
  deps.nudge();
  return { messageId };
}
