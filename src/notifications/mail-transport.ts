// SMTP through nodemailer, from one SMTP_URL. Every mail gets a text and an HTML part, the
// Content-Language they are written in, a Message-ID derived from its key (a retried mail keeps
// its id), and, when it offers one, List-Unsubscribe with List-Unsubscribe-Post:
// List-Unsubscribe=One-Click (RFC 8058).
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailMessage } from './mail-message.js';

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailTransport(options: {
  smtpUrl: string;
  from: string;
  /** Message-ID domain. */
  domain: string;
}): MailTransport {
  // nodemailer waits up to 10 minutes on a silent server by default, longer than the outbox's
  // 5-minute lease: another process would then send the same mail again.
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(m) {
      const id = createHash('sha256').update(m.key).digest('hex').slice(0, 32);
      await transporter.sendMail({
        from: { name: m.fromName, address: options.from },
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<${id}@${options.domain}>`,
        headers: {
          'Content-Language': m.language ?? 'en',
          ...(m.unsubscribeUrl && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
        },
        list: m.unsubscribeUrl ? { unsubscribe: m.unsubscribeUrl } : undefined,
      });
    },
    close: () => transporter.close(),
  };
}
