// The public JSON API as the browser sees it: the widget, count.js and the mock server use
// these shapes. They mirror src/comments/public-comment.ts; keep the two in step.

/** A comment as every public response and socket event carries it (no email, IP or scores). */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; avatar: string };
  /** Sanitized server-side: safe to insert with innerHTML. */
  html: string;
  createdAt: string;
  editedAt?: string | null;
  /** Present when the nesting limit placed this reply under a higher ancestor. */
  replyTo?: { id: string; name: string };
}

export interface ThreadComment extends PublicComment {
  replies: ThreadComment[];
}

export interface PostInfo {
  slug: string;
  title: string;
  url: string;
  commentCount: number;
  closed: boolean;
}

export interface ThreadPage {
  comments: ThreadComment[];
  /** All visible comments on the post, replies included. */
  total: number;
  /** Cursor for the next page of top-level comments; null at the end. */
  nextCursor: string | null;
}

export type CheckDecision = 'approve' | 'warn' | 'hold' | 'reject';

export interface CheckResult {
  decision: CheckDecision;
  reasons: { code: string; message: string }[];
  scores?: Record<string, number>;
}

export interface CreateCommentInput {
  name: string;
  email: string;
  website?: string;
  body: string;
  parentId?: string;
  formToken?: string;
  /** Honeypot: people leave it empty. */
  homepage: string;
  url?: string;
  title?: string;
  idempotencyKey: string;
}

export interface CreateCommentResult {
  status: 'approved' | 'pending';
  comment: PublicComment;
}

export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'other';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Socket events in the `site:post` room. */
export interface LiveEvents {
  'comment:created': (c: PublicComment) => void;
  'comment:updated': (c: PublicComment) => void;
  'comment:removed': (e: { id: string }) => void;
  'post:count': (e: { site: string; post: string; count: number }) => void;
}
