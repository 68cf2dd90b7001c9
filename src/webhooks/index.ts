// Public face of webhooks: per-site endpoints (admin API), the recorder that queues a signed
// delivery per change and endpoint in the change's transaction, and the outbox handler that
// sends them.
import type { Router } from 'express';
import type { AuthGuard } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { OutboxHandler, Outbox } from '../outbox/index.js';
import type { SiteDirectory } from '../sites/index.js';
import { webhookHandler } from './delivery.js';
import type { PrivateTargets } from './target-guard.js';
import { webhookRecorder } from './webhooks.recorder.js';
import { webhooksRouter } from './webhooks.routes.js';

export { SIGNATURE_HEADER, signatureHeader } from './signature.js';
export { WEBHOOK_EVENTS, type WebhookEvent } from './webhooks.schema.js';

export interface WebhooksModule {
  /** Mounted at /api/admin (before the admin router). */
  router: Router;
  /** The outbox handler for kind "webhook". */
  handler: OutboxHandler;
}

export function createWebhooksModule(deps: {
  db: Db;
  events: EventBus;
  sites: SiteDirectory;
  outbox: Outbox;
  guard: AuthGuard;
  publicUrl: string;
  timeoutMs: number;
  privateTargets: PrivateTargets;
  nudge(): void;
}): WebhooksModule {
  deps.events.onChange(webhookRecorder({ outbox: deps.outbox, publicUrl: deps.publicUrl }));
  return {
    router: webhooksRouter(deps),
    handler: webhookHandler({
      db: deps.db,
      timeoutMs: deps.timeoutMs,
      privateTargets: deps.privateTargets,
    }),
  };
}
