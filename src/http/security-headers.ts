// Security headers (helmet). Everything Parley serves gets nosniff, a referrer policy and a
// cross-origin resource policy that lets other sites load embed.js, count.js and avatars; the
// pages Parley itself renders get a strict Content-Security-Policy, and the dashboard cannot
// be framed by anyone (clickjacking), while the widget keeps working inside any blog.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function baseSecurityHeaders(publicUrl: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: false,
    strictTransportSecurity: publicUrl.startsWith('https:') ? { maxAge: 15_552_000 } : false,
  });
}

const PAGE_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/** The moderator dashboard: only its own scripts and styles, and never inside a frame. */
export const dashboardHeaders: RequestHandler[] = [
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { ...PAGE_DIRECTIVES, styleSrc: ["'self'"], frameAncestors: ["'none'"] },
  }),
  helmet.xFrameOptions({ action: 'deny' }),
];

/** Parley's own demo article: the widget's Shadow DOM styles are inline; framing by itself only. */
export const demoPageHeaders: RequestHandler[] = [
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...PAGE_DIRECTIVES,
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameAncestors: ["'self'"],
    },
  }),
];

/** The API reference page: swagger-ui's own script and styles (it sets inline styles), no frames. */
export const apiDocsHeaders: RequestHandler[] = [
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...PAGE_DIRECTIVES,
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameAncestors: ["'none'"],
    },
  }),
  helmet.xFrameOptions({ action: 'deny' }),
];
