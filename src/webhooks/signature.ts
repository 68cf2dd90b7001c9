// Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, as Stripe
// signs its webhooks. The receiver recomputes it over the raw body (see README "Webhooks").
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'Parley-Signature';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
