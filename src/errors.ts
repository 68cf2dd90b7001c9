// Typed failures with stable codes. Services throw these; src/http/error-handler.ts maps
// them to HTTP in one place.

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldErrors, message = 'Some fields are missing or invalid.') {
    super('VALIDATION_FAILED', 400, message, fields);
  }
}

export class SiteNotFoundError extends AppError {
  /** `site` is named in the message only when it could be a slug: the rest is not echoed. */
  constructor(readonly site: string | null) {
    super('SITE_NOT_FOUND', 404, site ? `No site called "${site}".` : 'No such site.');
  }
}

export class PostNotFoundError extends AppError {
  constructor(readonly post: string) {
    super('POST_NOT_FOUND', 404, `No post called "${post}" on this site.`);
  }
}

export class CommentNotFoundError extends AppError {
  constructor(readonly commentId: string) {
    super('COMMENT_NOT_FOUND', 404, 'That comment does not exist.');
  }
}

export class PostClosedError extends AppError {
  constructor() {
    super('POST_CLOSED', 409, 'Comments are closed on this post.');
  }
}

export class OriginNotAllowedError extends AppError {
  constructor() {
    super('ORIGIN_NOT_ALLOWED', 403, 'This site does not allow requests from that origin.');
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 429, 'Too many requests. Please wait a moment and try again.');
  }
}

export class BannedError extends AppError {
  constructor() {
    super('AUTHOR_BANNED', 403, 'You cannot comment on this site.');
  }
}

export class IdempotencyConflictError extends AppError {
  constructor() {
    super(
      'IDEMPOTENCY_CONFLICT',
      409,
      'This comment is being posted already. Please wait a moment.',
    );
  }
}

export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = 5;
  constructor() {
    super(
      'DATABASE_UNAVAILABLE',
      503,
      'The service is briefly unavailable. Please try again in a few seconds.',
    );
  }
}
