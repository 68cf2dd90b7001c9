// What the outside world (webhooks, mail) hears about a comment: the event names an endpoint
// subscribes to, and the admin API's shapes of endpoints, their deliveries and the outbox. The
// server records and answers them and the dashboard reads them, so they live here, where both
// may import them (README "Webhooks").
export const CHANGE_TYPES = [
  'comment.created',
  'comment.approved',
  'comment.rejected',
  'comment.spam',
  'comment.deleted',
  'comment.reported',
  'comment.edited',
  'queue.entered',
  'queue.left',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** An endpoint as admins see it (its secret only when created or rotated). */
export interface WebhookView {
  id: string;
  url: string;
  events: ChangeType[];
  private: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One delivery attempt, for an endpoint's delivery log. */
export interface DeliveryView {
  id: string;
  messageId: string;
  eventKey: string;
  messageStatus: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: string;
}

/** The outbox: messages by state, and the failed ones (given up after their retries). */
export interface OutboxStatusView {
  counts: { pending: number; done: number; failed: number };
  failed: {
    id: string;
    kind: string;
    key: string;
    target: string | null;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    failedAt: string;
  }[];
}
