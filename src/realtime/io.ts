// socket.io on the same HTTP server: public thread rooms and the /moderation namespace.
// The only module that imports socket.io. It listens to domain events and never decides.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import type { AuthModule } from '../auth/index.js';
import type { Config } from '../config.js';
import type { ModerationModule } from '../moderation/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { SiteDirectory } from '../sites/index.js';
import { attachModeration } from './moderation-namespace.js';
import type { RedisConnection } from '../redis.js';
import { attachThreads } from './thread-rooms.js';

export interface RealtimeDeps {
  config: Config;
  db: Db;
  sites: SiteDirectory;
  events: EventBus;
  log: Logger;
  /** When set, rooms span every process sharing this Redis. */
  redis: RedisConnection | null;
  auth: Pick<AuthModule, 'resume'>;
  moderation: Pick<ModerationModule, 'loadItem' | 'countQueues'>;
}

export interface Realtime {
  io: Server;
  /** Live sockets and rooms (threads, moderation sites) on this process, for metrics. */
  stats(): { sockets: number; rooms: number };
  close(): Promise<void>;
}

/** How long a dropped client's missed events are kept for it (connection state recovery). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Origins are checked per site in the namespaces' middleware; the transport reflects them.
    cors: { origin: true, credentials: true },
    // A recovered socket passes the middlewares again: a moderator signed out or demoted while
    // the connection was down must not get its rooms back.
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
    ...(deps.redis && {
      adapter: createAdapter(deps.redis.adapterClient, {
        streamName: `${deps.redis.prefix}:socket.io`,
        channelPrefix: `${deps.redis.prefix}:socket.io`,
        sessionKeyPrefix: `${deps.redis.prefix}:sio:session:`,
        onlyPlaintext: true,
      }),
    }),
  });
  const ownOrigin = new URL(deps.config.publicUrl).origin;
  const unsubscribe = [
    ...attachThreads(io, { ...deps, ownOrigin, publicUrl: deps.config.publicUrl }),
    ...attachModeration(io.of('/moderation'), { ...deps, ownOrigin }),
    // Events published while Redis was away never reached the other processes' rooms: when it
    // is back, every process tells its own readers and moderators to reload what they show.
    ...(deps.redis
      ? [
          deps.redis.onHealthChange((healthy) => {
            if (!healthy) return;
            io.local.emit('thread:resync');
            io.of('/moderation').local.emit('queue:resync');
          }),
        ]
      : []),
  ];
  return {
    io,
    stats() {
      let rooms = 0;
      for (const nsp of [io.of('/'), io.of('/moderation')]) {
        // Every socket also sits in a room named by its own id: those are not rooms anyone joined.
        for (const room of nsp.adapter.rooms.keys()) if (!nsp.sockets.has(room)) rooms += 1;
      }
      return { sockets: io.engine.clientsCount, rooms };
    },
    async close() {
      for (const off of unsubscribe) off();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
