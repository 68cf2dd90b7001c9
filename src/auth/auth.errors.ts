// Failures of sign-in, sessions and permissions. Mapped to HTTP by src/http/error-handler.ts.
import { AppError } from '../errors.js';

export class UnauthenticatedError extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 401, 'Please sign in.');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this.') {
    super('FORBIDDEN', 403, message);
  }
}

export class CsrfFailedError extends AppError {
  constructor() {
    super(
      'CSRF_FAILED',
      403,
      'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
    );
  }
}

/** One answer for every refused sign-in, so it tells nobody whether an account exists or is locked. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super(
      'INVALID_CREDENTIALS',
      401,
      'Wrong email or password. After 5 failed attempts, sign-in to an account pauses for 15 minutes.',
    );
  }
}

export class EmailTakenError extends AppError {
  constructor() {
    super('EMAIL_TAKEN', 409, 'An account with that email already exists.');
  }
}

export class UserNotFoundError extends AppError {
  constructor() {
    super('USER_NOT_FOUND', 404, 'That user does not exist.');
  }
}

export class LastAdminError extends AppError {
  constructor() {
    super('LAST_ADMIN', 409, 'Parley needs at least one admin: make another admin first.');
  }
}

export class InvitationInvalidError extends AppError {
  constructor() {
    super(
      'INVITATION_INVALID',
      404,
      'This invitation link is not valid any more: it was used, withdrawn or has expired. Ask an admin for a new one.',
    );
  }
}

export class WrongPasswordError extends AppError {
  constructor() {
    super('WRONG_PASSWORD', 400, 'Your current password is not right.', {
      current: 'Your current password is not right.',
    });
  }
}

export class SetupDoneError extends AppError {
  constructor() {
    super('SETUP_DONE', 409, 'Parley already has an account: sign in instead.');
  }
}

export class CannotRemoveSelfError extends AppError {
  constructor() {
    super('CANNOT_REMOVE_SELF', 409, 'You cannot remove your own account.');
  }
}
