// One mail as Parley queues it: everything the transport needs, so a queued mail can be sent
// (or retried) by any process without reading anything else. Parsed with zod when read back.
import { z } from 'zod';

export const MailMessage = z.object({
  /** One recipient: a mail never carries another person's address. */
  to: z.email(),
  /** Display name of the sender (the site's name). */
  fromName: z.string().min(1).max(200),
  subject: z.string().min(1).max(500),
  text: z.string(),
  html: z.string(),
  /** Unique per mail; also its Message-ID's left part. */
  key: z.string().min(1).max(300),
  /** RFC 8058 one-click unsubscribe URL (POST), when the mail offers one. */
  unsubscribeUrl: z.url().optional(),
  /** Content-Language (mails queued before it existed have none: English). */
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
export type MailMessage = z.infer<typeof MailMessage>;

/** Who a mail goes to and why, for the per-address hourly cap. */
export interface MailLogEntry {
  kind: string;
  addressId?: string;
  userId?: string;
}

/** Where mails go: the durable outbox (index.ts binds it). */
export interface MailQueue {
  /** Queues a mail; a key queued before is ignored (nothing twice). */
  enqueue(message: MailMessage, entry: MailLogEntry): Promise<void>;
}
