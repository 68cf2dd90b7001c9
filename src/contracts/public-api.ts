// The public JSON API and socket events as any client sees them: the widget, count.js and
// integrators. Server and browser both type against these, so the two cannot drift apart.
// No email, IP, user agent or screening data ever appears in these shapes.

/** The one public shape of a comment: REST responses and socket events both use it. */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; avatar: string };
  html: string;
  createdAt: string;
  editedAt: string | null;
  /** Present when the nesting limit placed this reply under a higher ancestor. */
  replyTo?: { id: string; name: string };
}

export interface PublicThreadComment extends PublicComment {
  replies: PublicThreadComment[];
}

export interface ThreadPage {
  comments: PublicThreadComment[];
  total: number;
  nextCursor: string | null;
}

export interface PublicPost {
  slug: string;
  title: string;
  url: string | null;
  commentCount: number;
  closed: boolean;
}

export type CheckDecision = 'approve' | 'warn' | 'hold' | 'reject';

/** POST …/comments/check: the screening verdict on a draft, nothing stored. */
export interface CheckResult {
  decision: CheckDecision;
  reasons: { code: string; message: string; matches?: string[] }[];
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
  /** "Notify me of replies by email" (double opt-in on first use). */
  notifyReplies?: true;
  /** The widget's language code (en, de, fr…): reply mail is written in it. */
  language?: string;
}

export interface CreateCommentResult {
  status: 'approved' | 'pending';
  comment: PublicComment;
  /** Lets only this author edit the comment (PATCH /api/comments/:id) until editableUntil. */
  editToken?: string;
  /** ISO time. */
  editableUntil?: string;
}

/** GET …/form-token. */
export interface FormTokenResult {
  token: string;
  /** A submit sooner than this after the token was issued is held ("too fast"). */
  minSubmitSeconds?: number;
  /** The server sends reply notifications (mail is configured): the widget offers the checkbox. */
  replyMail?: boolean;
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

/** Socket events a reader's socket receives in a thread's room. */
export interface ThreadEvents {
  'comment:created': (c: PublicComment) => void;
  'comment:updated': (c: PublicComment) => void;
  'comment:removed': (e: { id: string }) => void;
  'post:count': (e: { site: string; post: string; count: number }) => void;
  /** Events may have been lost between processes: fetch the thread again. */
  'thread:resync': () => void;
}
