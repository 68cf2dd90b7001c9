// Failures of moderation use cases. Mapped to HTTP by src/http/error-handler.ts.
import { AppError } from '../errors.js';

export class BanNotFoundError extends AppError {
  constructor() {
    super('BAN_NOT_FOUND', 404, 'That ban does not exist.');
  }
}

export class BanExistsError extends AppError {
  constructor() {
    super('BAN_EXISTS', 409, 'That author is already banned on this site.');
  }
}

export class AuditEntryNotFoundError extends AppError {
  constructor() {
    super('AUDIT_ENTRY_NOT_FOUND', 404, 'That audit log entry does not exist.');
  }
}

export class UndoNotPossibleError extends AppError {
  constructor(message: string) {
    super('UNDO_NOT_POSSIBLE', 409, message);
  }
}
