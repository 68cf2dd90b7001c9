// What the webhook admin API accepts, and the outbox payload of one delivery.
import { z } from 'zod';
import { CHANGE_TYPES } from '../events.js';

export const WEBHOOK_EVENTS = CHANGE_TYPES;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * An http(s) URL without credentials. SSRF care: no other scheme (file:, gopher:, data:…)
 * and no user:password@ (which would be sent as Basic auth); redirects are not followed.
 */
const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'Give an http:// or https:// URL without a user name or password.');

const Events = z
  .array(z.enum(WEBHOOK_EVENTS, { error: `Events are: ${WEBHOOK_EVENTS.join(', ')}.` }))
  .min(1, 'Choose at least one event.')
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => [...new Set(list)]);

export const CreateWebhookBody = z.object({
  url: WebhookUrl,
  events: Events,
  /** Private endpoints receive the commenter's email too. */
  private: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .object({
    url: WebhookUrl,
    events: Events,
    private: z.boolean(),
    enabled: z.boolean(),
  })
  .partial();
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookParams = z.object({
  site: z.string().trim().min(1).max(200),
  id: z.uuid({ error: 'Not a webhook id.' }),
});
export const SiteParams = z.object({ site: z.string().trim().min(1).max(200) });
export const AttemptParams = WebhookParams.extend({
  attemptId: z.uuid({ error: 'Not a delivery id.' }),
});
export const MessageParams = z.object({ id: z.uuid({ error: 'Not an outbox message id.' }) });

/** Stored event types of an endpoint (a JSON column), read back through this. */
export const StoredEvents = z.array(z.enum(WEBHOOK_EVENTS)).catch([]);

/** The outbox payload of one webhook delivery: which endpoint, and the event body to send. */
export const DeliveryPayload = z.object({
  endpointId: z.string(),
  event: z.object({
    id: z.string(),
    type: z.string(),
    createdAt: z.string(),
    site: z.object({ id: z.string(), slug: z.string() }),
    data: z.record(z.string(), z.unknown()),
  }),
});
export type DeliveryPayload = z.infer<typeof DeliveryPayload>;
