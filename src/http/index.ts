// Public face of the HTTP layer that features build their routes with: input parsing, the
// error map, client facts and rate limits. (The app itself, createApp, is the composition
// root's: server.ts imports it from app.ts.)
export { clientInfo, type ClientInfo } from './client-info.js';
export { classifyError, requireJson } from './error-handler.js';
export type { RateLimitRule, RateLimiters } from './rate-limit.js';
export { parse } from './validate.js';
export { apiDocsHeaders } from './security-headers.js';
