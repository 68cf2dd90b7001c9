// One logger for the process. Privacy rule: no email, IP or comment body in any log line;
// log ids and codes instead.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['email', '*.email', 'authorEmail', '*.authorEmail', 'ip', '*.ip', 'req.headers'],
      remove: true,
    },
  });
}
