// The public JSON API as the browser sees it: the widget, count.js and the mock server use
// these shapes. The comment, post and thread shapes are the server's own types (type-only
// imports: nothing of the server reaches the bundle), so the two cannot drift apart.

import type { PublicComment } from '../../src/comments/public-comment.js';

export type { PublicComment };
export type { PublicThreadComment as ThreadComment } from '../../src/comments/public-comment.js';
export type { PublicPost as PostInfo } from '../../src/posts/posts.service.js';
export type { ThreadPage } from '../../src/comments/comments.service.js';

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
  /** Lets only this author edit the comment (PATCH /api/comments/:id) until editableUntil. */
  editToken?: string;
  /** ISO time. */
  editableUntil?: string;
}

/** PATCH /api/comments/:id; the edit is screened again and can only keep or lower visibility. */
export interface EditCommentInput {
  body: string;
  editToken: string;
}

export interface EditCommentResult {
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
