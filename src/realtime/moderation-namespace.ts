// The /moderation namespace: signed-in moderators (session cookie) get queue:added when a
// comment is held, flagged or reported, queue:removed / queue:updated when anyone acts on it
// (so two moderators do not decide the same item), and live queue:counts per site.
import { parseCookie } from 'cookie';
import type { Namespace } from 'socket.io';
import { SESSION_COOKIE, type Actor, type AuthModule } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ModerationModule } from '../moderation/index.js';
import { getSiteRefs, type SiteDirectory } from '../sites/index.js';
import { guarded } from './guarded.js';

const ADMINS = 'mod:admins';
const siteRoom = (siteId: string) => `mod:site:${siteId}`;
const userRoom = (userId: string) => `mod:user:${userId}`;
const sessionRoom = (sessionId: string) => `mod:session:${sessionId}`;
/** How often open moderator sockets are checked against their session and rights. */
const RECHECK_MS = 30_000;

function sameRights(a: Actor, b: Actor): boolean {
  return (
    a.role === b.role &&
    a.email === b.email &&
    a.siteIds.length === b.siteIds.length &&
    a.siteIds.every((id) => b.siteIds.includes(id))
  );
}
// Counts are recomputed at most once a second per site, however fast comments arrive.
const COUNTS_DEBOUNCE_MS = 1_000;

interface ModerationDeps {
  db: Db;
  sites: SiteDirectory;
  events: EventBus;
  log: Logger;
  ownOrigin: string;
  auth: Pick<AuthModule, 'resume'>;
  moderation: Pick<ModerationModule, 'loadItem' | 'countQueues'>;
}

export function attachModeration(nsp: Namespace, deps: ModerationDeps): (() => void)[] {
  nsp.use(
    guarded(deps.log, async (socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (origin && origin !== deps.ownOrigin) return next(new Error('ORIGIN_NOT_ALLOWED'));
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const signedIn = token
        ? await deps.auth.resume(token).catch((err: unknown) => {
            deps.log.error({ err: String(err) }, 'moderator socket: session lookup failed');
            return null;
          })
        : null;
      if (!signedIn) return next(new Error('UNAUTHENTICATED'));
      socket.data.actor = signedIn.actor;
      socket.data.sessionId = signedIn.sessionId;
      socket.data.token = token;
      next();
    }),
  );

  nsp.on('connection', (socket) => {
    const actor = socket.data.actor as Actor;
    void (async () => {
      const siteIds =
        actor.role === 'admin' ? (await getSiteRefs(deps.db)).map((s) => s.id) : actor.siteIds;
      // A recovered socket gets back the rooms it had; its rights may have changed since.
      if (socket.recovered)
        for (const room of [...socket.rooms]) if (room !== socket.id) await socket.leave(room);
      // A user's and a session's own rooms let a revocation close them in every process.
      await socket.join([
        userRoom(actor.id),
        sessionRoom(String(socket.data.sessionId)),
        ...(actor.role === 'admin' ? [ADMINS] : []),
        ...siteIds.map(siteRoom),
      ]);
      for (const siteId of siteIds) socket.emit('queue:counts', await countsOf(siteId));
    })().catch((err: unknown) => {
      // without its rooms the socket would hear nothing: the client reconnects and tries again
      deps.log.error({ err: String(err) }, 'moderator socket: joining its rooms failed');
      socket.disconnect(true);
    });
  });

  // A change made where no event reaches (the admin CLI, an expired session): every socket's
  // session and rights are checked again on a timer, and a socket that lost them is closed.
  const recheck = setInterval(() => void recheckSockets(), RECHECK_MS);
  recheck.unref();
  async function recheckSockets(): Promise<void> {
    for (const socket of nsp.sockets.values()) {
      const token = String(socket.data.token ?? '');
      const now = await deps.auth.resume(token).catch(() => undefined);
      if (now === undefined) continue; // the database is away: decide on the next round
      if (!now || !sameRights(now.actor, socket.data.actor as Actor)) socket.disconnect(true);
    }
  }

  async function countsOf(siteId: string) {
    const site = await deps.sites.getById(siteId);
    return {
      site: site.slug,
      counts: await deps.moderation.countQueues(siteId),
    };
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
  const queueOf = (status: string, toxic: boolean) =>
    status === 'spam' ? 'spam' : toxic ? 'toxic' : 'pending';

  return [
    deps.events.subscribe('session.revoked', (e) => {
      for (const id of e.sessionIds) nsp.in(sessionRoom(id)).disconnectSockets(true);
    }),
    deps.events.subscribe('user.access-changed', (e) => {
      nsp.in(userRoom(e.userId)).disconnectSockets(true);
    }),
    () => clearInterval(recheck),
    deps.events.subscribe('comment.created', async (e) => {
      if (e.status === 'approved') return refreshCounts(e.siteId);
      const item = await deps.moderation.loadItem(e.commentId);
      toSite(e.siteId).emit('queue:added', {
        queue: queueOf(item.comment.status, item.comment.toxic),
        item,
      });
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.reported', async (e) => {
      const item = await deps.moderation.loadItem(e.commentId);
      toSite(e.siteId).emit('queue:added', { queue: 'reported', item });
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.status-changed', async (e) => {
      toSite(e.siteId).emit('queue:removed', { id: e.commentId, from: e.from, to: e.to });
      if (e.to === 'pending' || e.to === 'spam') {
        const item = await deps.moderation.loadItem(e.commentId);
        toSite(e.siteId).emit('queue:added', {
          queue: queueOf(item.comment.status, item.comment.toxic),
          item,
        });
      }
      refreshCounts(e.siteId);
    }),
    deps.events.subscribe('comment.edited', async (e) => {
      toSite(e.siteId).emit('queue:updated', { item: await deps.moderation.loadItem(e.commentId) });
    }),
    () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  ];
}
