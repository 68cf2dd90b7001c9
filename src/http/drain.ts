// Graceful shutdown for the HTTP server: stop accepting connections, answer every request that
// reached us (telling clients not to reuse the connection), give every open connection a
// moment to deliver the request it may be sending, then close what is left.
// http.Server#close() is not used to stop listening: it also destroys connections that look
// idle, which includes ones whose request is still on its way: a reset for the client.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * A connection with nothing in flight is closed once it has been idle this long since the drain
 * began or its last answer: its client may be sending a request the busy server has not read
 * yet, and every answer during the drain tells the client to close anyway.
 */
const IDLE_GRACE_MS = 3_000;
const POLL_MS = 25;

interface Tracked {
  active: number;
  /** When its last response finished (or it connected). */
  idleSince: number;
}

export interface Drain {
  /** Wraps the request handler: counts requests in flight and marks responses during a drain. */
  track(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ): (req: IncomingMessage, res: ServerResponse) => void;
  /** Follows the server's connections (call once, before listening). */
  watch(server: Server): void;
  /** True once a drain began (health answers 503 so load balancers stop sending traffic). */
  readonly draining: boolean;
  /** Stops accepting and waits up to `timeoutMs` for requests in flight; resolves with how many were left. */
  drain(server: Server, timeoutMs: number): Promise<number>;
}

export function createDrain(): Drain {
  const sockets = new Map<Socket, Tracked>();
  let draining = false;
  let inFlight = 0;
  return {
    get draining() {
      return draining;
    },
    watch(server) {
      server.on('connection', (socket: Socket) => {
        sockets.set(socket, { active: 0, idleSince: Date.now() });
        socket.once('close', () => sockets.delete(socket));
      });
    },
    track(handler) {
      return (req, res) => {
        const tracked = sockets.get(req.socket);
        inFlight += 1;
        if (tracked) tracked.active += 1;
        if (draining) res.setHeader('Connection', 'close');
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          inFlight -= 1;
          if (tracked) {
            tracked.active -= 1;
            tracked.idleSince = Date.now();
          }
        };
        res.once('finish', finish);
        res.once('close', finish);
        handler(req, res);
      };
    },
    async drain(server, timeoutMs) {
      draining = true;
      // Listening stops at once: a client told to close its connection that connects again is
      // refused outright, instead of waiting in the kernel's queue to be reset.
      NetServer.prototype.close.call(server);
      const started = Date.now();
      for (;;) {
        const now = Date.now();
        let busy = false;
        for (const [socket, t] of sockets) {
          // Idle since before the drain counts from the drain: its client may be sending now.
          if (t.active > 0 || now - Math.max(t.idleSince, started) < IDLE_GRACE_MS) busy = true;
          else socket.destroySoon();
        }
        if (!busy || now - started >= timeoutMs) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return inFlight;
    },
  };
}
