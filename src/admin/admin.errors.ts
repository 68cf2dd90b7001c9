// Failures of admin use cases. Mapped to HTTP by src/http/error-handler.ts.
import { AppError } from '../errors.js';

export class SiteExistsError extends AppError {
  constructor() {
    super('SITE_EXISTS', 409, 'A site with that slug already exists.');
  }
}

export class ApiKeyNotFoundError extends AppError {
  constructor() {
    super('API_KEY_NOT_FOUND', 404, 'That API key does not exist on this site.');
  }
}
