// The outbox handler for webhooks: POSTs the event body, signed with the endpoint's current
// secret, and reports the status. A 2xx is success; anything else (or no answer within the
// timeout) is retried by the outbox. Redirects are not followed (SSRF care).
import type { Db } from '../db/database.js';
import type { DeliveryResult, OutboxHandler } from '../outbox/index.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';
import { getEndpointForDelivery } from './webhooks.repo.js';
import { DeliveryPayload } from './webhooks.schema.js';

export const USER_AGENT = 'Parley-Webhooks/1';

export function webhookHandler(deps: { db: Db; timeoutMs: number }): OutboxHandler {
  return async (message): Promise<DeliveryResult> => {
    const parsed = DeliveryPayload.safeParse(message.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'unreadable payload' };
    const { endpointId, event } = parsed.data;
    const endpoint = await getEndpointForDelivery(deps.db, endpointId);
    if (!endpoint) return { ok: false, permanent: true, error: 'endpoint deleted' };
    if (!endpoint.enabled) return { ok: false, permanent: true, error: 'endpoint disabled' };
    const body = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, body, t),
          'Parley-Event': event.type,
          'Parley-Delivery': message.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const reason =
        e.name === 'TimeoutError'
          ? `no answer within ${deps.timeoutMs} ms`
          : (e.cause?.code ?? e.message);
      return { ok: false, error: reason };
    }
    // The receiver's body is not needed; drain it so the connection is freed.
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, ...(!ok && { error: `HTTP ${res.status}` }) };
  };
}
