// What the outside world (webhooks, mail) hears about a comment: the event names an endpoint
// subscribes to. The server records them and the dashboard lists them, so they live here, where
// both bundles may import them (README "Webhooks").
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
