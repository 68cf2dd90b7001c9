// Maps every failure to { error: { code, message, fields? }, requestId } in one place. Input the server
// could not read is a 4xx, a database that cannot be reached a 503 with Retry-After, and only
// what is truly unexpected a 500, logged without anything the request carried.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError, DatabaseUnavailableError, RateLimitedError } from '../errors.js';
import { redactError, type Logger } from '../logger.js';
import { requestIdOf, routeOf } from './request-context.js';

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
}

const CLIENT_ERROR_CODES: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', 'The request could not be read.'],
  404: ['NOT_FOUND', 'Nothing here.'],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.'],
};

/** Errors from body parsing and routing (http-errors), by their type or status. */
function fromHttpError(err: HttpishError): AppError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 400, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 413, 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(
        'UNSUPPORTED_ENCODING',
        415,
        'The request body encoding is not supported.',
      );
    case 'request.aborted':
      return new AppError('REQUEST_ABORTED', 400, 'The request was aborted.');
    default:
  }
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const [code, message] = CLIENT_ERROR_CODES[status] ?? [
    'BAD_REQUEST',
    'The request could not be read.',
  ];
  return new AppError(code, status, message);
}

/** What a failure means for the client; null for a failure of ours. */
export function classifyError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof URIError)
    return new AppError('MALFORMED_URL', 400, 'The address is not correctly encoded.');
  if (isDatabaseUnavailable(err)) return new DatabaseUnavailableError();
  return err && typeof err === 'object' ? fromHttpError(err as HttpishError) : null;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  let lastOutageLog = 0;
  return (err, req, res, _next) => {
    const known = classifyError(err);
    if (!known) {
      log.error(
        {
          err: redactError(err),
          method: req.method,
          route: routeOf(req),
          requestId: requestIdOf(req),
        },
        'unhandled error',
      );
    } else if (known instanceof DatabaseUnavailableError && Date.now() - lastOutageLog > 5_000) {
      // Once per few seconds: an outage fails every request, the log needs to say it once.
      lastOutageLog = Date.now();
      log.warn(
        { err: redactError(err), method: req.method, route: routeOf(req) },
        'database unavailable: answering 503',
      );
    }
    const error =
      known ?? new AppError('INTERNAL', 500, 'Something went wrong on our side. Please try again.');
    if (res.headersSent) return;
    if (error instanceof RateLimitedError || error instanceof DatabaseUnavailableError) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    const requestId = requestIdOf(req);
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields && { fields: error.fields }),
      },
      ...(requestId && { requestId }),
    });
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', 404, `No route for ${req.method} ${req.path}.`));
};

/** POST/PUT/PATCH with a body must be JSON. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the request body as application/json.'));
    return;
  }
  next();
};
