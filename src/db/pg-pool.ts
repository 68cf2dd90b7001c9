// The PostgreSQL connection pool, with every timeout a network that goes silent needs: a
// connection that cannot be opened, a query that gets no answer, a transaction left idle.
// A connection whose query timed out is destroyed at once (a silent peer never answers it,
// so returning it to the pool would stall the next request too).
import pg from 'pg';

/** How long opening a connection may take before the request fails (503). */
export const CONNECT_TIMEOUT_MS = 3_000;
/** How long a request may wait for a free connection of the pool under a burst. */
export const POOL_WAIT_MS = 15_000;
/** How long a query may wait for its answer, client-side (the server's own limit is the same). */
export const QUERY_TIMEOUT_MS = 5_000;

const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

export function createPgPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // pg-pool uses this one setting both for waiting for a free connection and for opening
    // one: the pool waits long under a burst, each new connection gives up fast (below).
    connectionTimeoutMillis: POOL_WAIT_MS,
    Client: FastConnectClient,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 3 * QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    // TCP keep-alive finds a peer that vanished while a connection sat idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
  });
  pool.on('connect', evictOnTimeout);
  // An idle connection that breaks is removed by the pool; the error needs a listener.
  pool.on('error', () => {});
  return pool;
}

/** A client that gives up opening its connection after CONNECT_TIMEOUT_MS. */
class FastConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

type QueryArgs = unknown[];
type Callback = (err: Error | null, result?: unknown) => void;

/** Wraps the client's query so a read timeout destroys the connection. */
function evictOnTimeout(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: QueryArgs) => unknown;
  const socket = (client as unknown as { connection: { stream: { destroy(err?: Error): void } } })
    .connection.stream;
  const onError = (err: unknown) => {
    if (err instanceof Error && err.message === QUERY_TIMEOUT_MESSAGE)
      socket.destroy(new Error('database connection went silent'));
  };
  const wrapped = (...args: QueryArgs): unknown => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as Callback;
      return original(...args.slice(0, -1), (err: Error | null, result?: unknown) => {
        if (err) onError(err);
        callback(err, result);
      });
    }
    const result = original(...args);
    if (result instanceof Promise) result.catch(onError);
    return result;
  };
  Object.assign(client, { query: wrapped });
}
