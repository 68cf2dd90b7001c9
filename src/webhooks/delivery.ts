// The outbox handler for webhooks: POSTs the event body, signed with the endpoint's current
// secret, and reports the status. A 2xx is success; anything else (or no answer within the
// timeout) is retried by the outbox. Redirects are not followed and, when private targets are
// blocked, the address connected to is checked after DNS (SSRF care: target-guard.ts).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Db } from '../db/database.js';
import type { DeliveryResult, OutboxHandler } from '../outbox/index.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';
import {
  literalPrivateHost,
  PrivateTargetError,
  publicOnlyLookup,
  type PrivateTargets,
} from './target-guard.js';
import { getEndpointForDelivery } from './webhooks.repo.js';
import { DeliveryPayload } from './webhooks.schema.js';

export const USER_AGENT = 'Parley-Webhooks/1';

interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  privateTargets: PrivateTargets;
}

/** One POST; resolves to the status code (the body is drained and dropped). */
function post(url: string, body: string, opts: PostOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { ...opts.headers, 'Content-Length': Buffer.byteLength(body) },
      timeout: opts.timeoutMs,
      ...(opts.privateTargets === 'block' && { lookup: publicOnlyLookup }),
    });
    // The whole exchange, not only idle time, is bounded.
    const deadline = setTimeout(
      () => req.destroy(new TimeoutError(opts.timeoutMs)),
      opts.timeoutMs,
    );
    req.on('timeout', () => req.destroy(new TimeoutError(opts.timeoutMs)));
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        clearTimeout(deadline);
        resolve(res.statusCode ?? 0);
      });
      res.on('error', () => {
        clearTimeout(deadline);
        resolve(res.statusCode ?? 0);
      });
    });
    req.end(body);
  });
}

class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

export function webhookHandler(deps: {
  db: Db;
  timeoutMs: number;
  privateTargets: PrivateTargets;
}): OutboxHandler {
  return async (message): Promise<DeliveryResult> => {
    const parsed = DeliveryPayload.safeParse(message.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'unreadable payload' };
    const { endpointId, event } = parsed.data;
    const endpoint = await getEndpointForDelivery(deps.db, endpointId);
    if (!endpoint) return { ok: false, permanent: true, error: 'endpoint deleted' };
    if (!endpoint.enabled) return { ok: false, permanent: true, error: 'endpoint disabled' };
    if (deps.privateTargets === 'block') {
      const host = literalPrivateHost(endpoint.url);
      if (host) return { ok: false, permanent: true, error: new PrivateTargetError(host).message };
    }
    const body = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      status = await post(endpoint.url, body, {
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, body, t),
          'Parley-Event': event.type,
          'Parley-Delivery': message.id,
        },
        timeoutMs: deps.timeoutMs,
        privateTargets: deps.privateTargets,
      });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return {
        ok: false,
        error:
          e instanceof TimeoutError || e instanceof PrivateTargetError
            ? e.message
            : (e.code ?? e.message),
      };
    }
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, ...(!ok && { error: `HTTP ${status}` }) };
  };
}
