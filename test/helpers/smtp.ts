// A real SMTP server on loopback (smtp-server from the nodemailer project); every mail it
// receives is parsed with mailparser. It can be stopped and started again on the same port
// (an outage).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startOnFreePort } from './process.js';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  rcpt: string[];
  raw: string;
  parsed: ParsedMail;
  at: number;
}

export interface TestSmtp {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Resolves with the first `n` mails (matching `filter`) once they have arrived. */
  waitFor(
    n: number,
    filter?: (m: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  // A port below the ephemeral range, so that it is still free when the server starts again
  // after an outage (stop, then start on the same port).
  let port = 0;
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed: await simpleParser(raw),
            at: Date.now(),
          });
          for (const w of waiters) w();
          callback();
        });
      },
    });
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const s = make();
      server = s;
      s.on('error', () => {});
      s.server.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
  await startOnFreePort((free) => {
    port = free;
    return start();
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    waitFor(n, filter = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.filter(filter);
          if (found.length >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found.slice(0, n));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${n} mails, got ${mails.filter(filter).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.close(() => resolve());
      }),
    start,
  };
}

/** A header as sent (folded lines unfolded), or undefined. */
export function headerOf(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Every link in a mail's text part. */
export function linksOf(mail: ReceivedMail): string[] {
  return [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
}
