// socket.io does not await a middleware: a promise it rejects goes unhandled and ends the process.
import type { ExtendedError, Socket } from 'socket.io';
import type { Logger } from '../logger.js';

type Middleware = (socket: Socket, next: (err?: ExtendedError) => void) => Promise<void>;

/** The middleware, with whatever it throws refused as SERVER_ERROR and logged. */
export function guarded(log: Logger, middleware: Middleware): Middleware {
  return async (socket, next) => {
    try {
      await middleware(socket, next);
    } catch (err) {
      log.error({ err: String(err) }, 'socket handshake failed');
      next(Object.assign(new Error('SERVER_ERROR'), { data: { code: 'SERVER_ERROR' } }));
    }
  };
}
