import type { Request } from 'express';
import type { ClientInfo } from '../comments/comments.service.js';

/** The client's IP (X-Forwarded-For only under TRUST_PROXY, via express), user agent and referrer. */
export function clientInfo(req: Request): ClientInfo {
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    referrer: req.get('referer') ?? null,
  };
}
