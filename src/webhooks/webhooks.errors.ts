import { AppError } from '../errors.js';

export class WebhookNotFoundError extends AppError {
  constructor() {
    super('WEBHOOK_NOT_FOUND', 404, 'No such webhook endpoint on this site.');
  }
}

export class DeliveryNotFoundError extends AppError {
  constructor() {
    super('DELIVERY_NOT_FOUND', 404, 'No such delivery attempt for this endpoint.');
  }
}

export class DeliveryBusyError extends AppError {
  constructor() {
    super('DELIVERY_IN_PROGRESS', 409, 'This delivery is being attempted right now.');
  }
}
