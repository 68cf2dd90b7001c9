// Maps every failure to { error: { code, message, fields? } } in one place. Unknown errors
// are logged with a request id and answered 500 without details.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, RateLimitedError } from '../errors.js';
import type { Logger } from '../logger.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

function fromBodyParser(err: BodyParserError): AppError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 400, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 413, 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_ENCODING', 415, 'The request body encoding is not supported.');
    case 'request.aborted':
      return new AppError('REQUEST_ABORTED', 400, 'The request was aborted.');
    default:
      return null;
  }
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromBodyParser(err as BodyParserError);
    if (!known) {
      log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack }, method: req.method, path: req.path }, 'unhandled error');
    }
    const error = known ?? new AppError('INTERNAL', 500, 'Something went wrong on our side. Please try again.');
    if (res.headersSent) return;
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(error.status).json({
      error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
    });
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', 404, `No route for ${req.method} ${req.path}.`));
};

/** POST/PUT/PATCH with a body must be JSON. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the request body as application/json.'));
    return;
  }
  next();
};
