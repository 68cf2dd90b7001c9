// One logger for the process. Privacy rule: no email, IP, comment body, token or query string
// in any log line; log ids, codes and route patterns instead. Errors go through redactError:
// a driver or ORM message can quote the values of the query that failed.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'email',
          '*.email',
          'authorEmail',
          '*.authorEmail',
          'ip',
          '*.ip',
          'req.headers',
          'body',
          '*.body',
          'token',
          '*.token',
        ],
        remove: true,
      },
    },
    destination,
  );
}

const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b/gi;
const QUOTED = /(["'`])(?:(?!\1)[^\\\n]|\\.){12,}\1/g;

/** A short, value-free line: emails, addresses and long quoted values removed, 200 characters at most. */
export function scrub(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(IPV4, '[ip]')
    .replace(IPV6, '[ip]')
    .replace(QUOTED, '"…"')
    .slice(0, 200);
}

interface ErrorParts {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  stack?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

/**
 * What may be logged of an error: its class, code and driver error kind, the first line of its
 * message with values scrubbed (Prisma's later lines repeat the query's arguments), and the
 * stack's frames without the message.
 */
export function redactError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: scrub(String(err)) };
  const e = err as ErrorParts;
  const firstLine =
    typeof e.message === 'string' ? (e.message.split('\n').find((l) => l.trim()) ?? '') : '';
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    ...(typeof e.code === 'string' && { code: e.code }),
    ...(typeof kind === 'string' && { kind }),
    message: scrub(firstLine),
    ...(typeof e.stack === 'string' && {
      stack: e.stack
        .split('\n')
        .filter((l) => l.trimStart().startsWith('at '))
        .slice(0, 8)
        .map((l) => scrub(l.trim())),
    }),
  };
}
