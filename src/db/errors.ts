// Recognising database failures that are the database's absence, not the request's fault: the
// error map answers them 503 with Retry-After instead of 500.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'ConnectionClosed',
  'DatabaseNotReachable',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
  'TransactionWriteConflict',
]);
/**
 * PostgreSQL error classes that mean "busy or going away, try again": connection exceptions
 * (08), insufficient resources (53), operator intervention such as a statement timeout or a
 * shutdown (57), and serialization failures and deadlocks (40001, 40P01).
 */
const UNAVAILABLE_PG_CODE = /^(08|53|57)|^40001$|^40P01$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'SQLITE_BUSY',
]);
// "timeout expired" is pg-pool's wait for a free connection running out, raised bare (not as a
// Prisma error) when it happens inside an interactive transaction.
const UNAVAILABLE_MESSAGES =
  /Query read timeout|Server has closed the connection|timeout exceeded when trying to connect|^timeout expired$|Connection terminated|database connection went silent|Can't reach database|database is locked|Transaction already closed|Client has encountered a connection error/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
  cause?: unknown;
}

/** True when `err` says the database cannot be reached (or is too busy) right now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as ErrorLike;
  if (e.name === 'PrismaClientInitializationError') return true;
  if (
    typeof e.code === 'string' &&
    (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code))
  )
    return true;
  // node-postgres's own error (direct SQL): a five-character SQLSTATE.
  if (
    typeof e.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(e.code) &&
    UNAVAILABLE_PG_CODE.test(e.code)
  )
    return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind))
    return true;
  if (
    adapterCause?.kind === 'postgres' &&
    typeof adapterCause.code === 'string' &&
    UNAVAILABLE_PG_CODE.test(adapterCause.code)
  )
    return true;
  if (typeof e.message === 'string') {
    // Prisma puts the call site first and the reason last; the lines between may quote input.
    const lines = e.message.split('\n').filter((l) => l.trim());
    if ([lines[0], lines.at(-1)].some((l) => l !== undefined && UNAVAILABLE_MESSAGES.test(l)))
      return true;
  }
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** True when `err` is a unique-constraint violation (Prisma P2002, or the driver's own kind). */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as ErrorLike;
  return (
    e.code === 'P2002' || e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation'
  );
}
