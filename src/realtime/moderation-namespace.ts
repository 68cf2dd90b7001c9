// The /moderation namespace: signed-in moderators (session cookie) get queue:added when a
// comment is held, flagged or reported, queue:removed / queue:updated when anyone acts on it
// (so two moderators do not decide the same item), and live queue:counts per site.
import { parseCookie } from 'cookie';
import type { Namespace } from 'socket.io';
import { resumeSession } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import { loadItem } from '../moderation/actions.service.js';
import { countQueues } from '../moderation/queue.repo.js';
import type { SiteDirectory } from '../sites/sites.service.js';

const ADMINS = 'mod:admins';
const siteRoom = (siteId: string) => `mod:site:${siteId}`;
// Counts are recomputed at most once a second per site, however fast comments arrive.
const COUNTS_DEBOUNCE_MS = 1_000;

interface ModerationDeps {
  db: Db;
  sites: SiteDirectory;
  events: EventBus;
  log: Logger;
  ownOrigin: string;
}

export function attachModeration(nsp: Namespace, deps: ModerationDeps): (() => void)[] {
  nsp.use(async (socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (origin && origin !== deps.ownOrigin) return next(new Error('ORIGIN_NOT_ALLOWED'));
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    const signedIn = token
      ? await resumeSession(deps.db, token).catch((err: unknown) => {
          deps.log.error({ err: String(err) }, 'moderator socket: session lookup failed');
          return null;
        })
      : null;
    if (!signedIn) return next(new Error('UNAUTHENTICATED'));
    socket.data.actor = signedIn.actor;
    next();
  });

  nsp.on('connection', async (socket) => {
    const actor = socket.data.actor as { role: string; siteIds: string[] };
    const siteIds =
      actor.role === 'admin' ? (await deps.db.site.findMany({ select: { id: true } })).map((s) => s.id) : actor.siteIds;
    await socket.join([...(actor.role === 'admin' ? [ADMINS] : []), ...siteIds.map(siteRoom)]);
    for (const siteId of siteIds) socket.emit('queue:counts', await countsOf(siteId));
  });

  async function countsOf(siteId: string) {
    const site = await deps.sites.getById(siteId);
    return { site: site.slug, counts: await countQueues(deps.db, { siteIds: [siteId], caseInsensitive: false }) };
  }

  const timers = new Map<string, NodeJS.Timeout>();
  function refreshCounts(siteId: string): void {
    if (timers.has(siteId)) return;
    timers.set(
      siteId,
      setTimeout(() => {
        timers.delete(siteId);
        countsOf(siteId)
          .then((payload) => nsp.to([siteRoom(siteId), ADMINS]).emit('queue:counts', payload))
          .catch((err) => deps.log.warn({ err: String(err) }, 'queue counts failed'));
      }, COUNTS_DEBOUNCE_MS),
    );
  }

  const toSite = (siteId: string) => nsp.to([siteRoom(siteId), ADMINS]);
  const queueOf = (status: string, toxic: boolean) => (status === 'spam' ? 'spam' : toxic ? 'toxic' : 'pending');

  return [
    deps.events.subscribe('comment.created', async (e) => {
      if (e.status === 'approved') return refreshCounts(e.siteId);
      const item = await loadItem(deps.db, e.commentId);
      toSite(e.siteId).emit('queue:added', { queue: queueOf(item.comment.status, item.comment.toxic), item });
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.reported', async (e) => {
      const item = await loadItem(deps.db, e.commentId);
      toSite(e.siteId).emit('queue:added', { queue: 'reported', item });
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.status-changed', async (e) => {
      toSite(e.siteId).emit('queue:removed', { id: e.commentId, from: e.from, to: e.to });
      if (e.to === 'pending' || e.to === 'spam') {
        const item = await loadItem(deps.db, e.commentId);
        toSite(e.siteId).emit('queue:added', { queue: queueOf(item.comment.status, item.comment.toxic), item });
      }
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.edited', async (e) => {
      toSite(e.siteId).emit('queue:updated', { item: await loadItem(deps.db, e.commentId) });
    }),
    () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  ];
}
