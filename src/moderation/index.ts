// Public face of moderation: the moderator API, reader reports, bans and feedback.
export { moderationRouter, type ModerationRouteDeps } from './moderation.routes.js';
export { reportsRouter } from './reports.routes.js';
export { findActiveBan, type BanKind } from './bans.repo.js';
export type { ModerationFeedback } from './feedback.js';
export { loadItem } from './actions.service.js';
export { countQueues, QUEUES, type Queue } from './queue.repo.js';
export type { ModerationItem } from './moderation-item.js';
