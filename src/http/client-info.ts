import type { Request } from 'express';

/** Who sent a request: its IP (from X-Forwarded-For only under TRUST_PROXY), user agent and referrer. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  referrer: string | null;
}

export function clientInfo(req: Request): ClientInfo {
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    referrer: req.get('referer') ?? null,
  };
}
