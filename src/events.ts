// Domain events. Services publish what happened; listeners (realtime, caches, providers'
// feedback) react. Publishing never waits on a listener and a failing listener never fails
// the request that published.
import { EventEmitter } from 'node:events';
import type { PublicComment } from './contracts/public-api.js';
import type { ChangeType } from './contracts/webhooks-api.js';
import type { Prisma } from './db/database.js';

export interface CommentEventRef {
  siteId: string;
  siteSlug: string;
  postId: string;
  postSlug: string;
  commentId: string;
}

export interface DomainEvents {
  /** A comment was stored (any status); an approved one carries its public shape. */
  'comment.created': CommentEventRef & {
    status: string;
    comment?: PublicComment;
    /** The author ticked "Notify me of replies by email". */
    notifyReplies?: true;
  };
  /** A comment's status changed (screening, moderation). */
  'comment.status-changed': CommentEventRef & { from: string; to: string };
  /** A comment's body was edited. */
  'comment.edited': CommentEventRef & { status: string };
  /** Reader reports pushed a comment into the reported queue. */
  'comment.reported': CommentEventRef & { reportCount: number };
  /** The visible comment count of a post changed. */
  'post.count-changed': Omit<CommentEventRef, 'commentId'> & { count: number };
  /** Sessions ended (sign-out): whatever they opened, sockets included, closes now. */
  'session.revoked': { sessionIds: string[] };
  /** A user's rights changed (sites, role, password, email) or the account went away. */
  'user.access-changed': { userId: string };
}

export { CHANGE_TYPES, type ChangeType } from './contracts/webhooks-api.js';

/** One change to a comment, recorded inside the transaction that makes it. */
export interface CommentChange {
  /** Unique per change (UUIDv7): webhook bodies carry it as their `id`. */
  id: string;
  type: ChangeType;
  siteId: string;
  postId: string;
  commentId: string;
  at: Date;
  /** Status before and after, for status changes. */
  from?: string;
  to?: string;
  /** comment.created: the author ticked "Notify me of replies by email". */
  notifyReplies?: true;
  /** comment.created: the widget's language then (src/schema.ts LANGUAGE_CODES). */
  language?: string;
}

/**
 * Writes what a change causes (outbox rows) in the change's own transaction. Unlike event
 * listeners it is awaited, and its failure rolls the change back: nothing is lost between the
 * change and what it must send.
 */
export type ChangeRecorder = (
  tx: Prisma.TransactionClient,
  changes: readonly CommentChange[],
) => Promise<void>;

type Listener<K extends keyof DomainEvents> = (event: DomainEvents[K]) => void | Promise<void>;

export class EventBus {
  readonly #emitter = new EventEmitter({ captureRejections: false });
  readonly #recorders: ChangeRecorder[] = [];
  constructor(private readonly onListenerError: (err: unknown, name: string) => void) {
    this.#emitter.setMaxListeners(50);
  }

  publish<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void {
    this.#emitter.emit(name, event);
  }

  /** Adds a recorder that runs inside the transaction of every comment change. */
  onChange(recorder: ChangeRecorder): () => void {
    this.#recorders.push(recorder);
    return () => {
      const i = this.#recorders.indexOf(recorder);
      if (i >= 0) this.#recorders.splice(i, 1);
    };
  }

  /** True when some recorder listens: writers may skip the transaction otherwise. */
  get recordsChanges(): boolean {
    return this.#recorders.length > 0;
  }

  /** Runs every recorder inside `tx`; call it from the transaction that makes the changes. */
  async recordChanges(tx: Prisma.TransactionClient, changes: readonly CommentChange[]) {
    if (changes.length === 0) return;
    for (const recorder of this.#recorders) await recorder(tx, changes);
  }

  subscribe<K extends keyof DomainEvents>(name: K, listener: Listener<K>): () => void {
    const wrapped = (event: DomainEvents[K]) => {
      try {
        const result = listener(event);
        if (result instanceof Promise) result.catch((err) => this.onListenerError(err, name));
      } catch (err) {
        this.onListenerError(err, name);
      }
    };
    this.#emitter.on(name, wrapped);
    return () => this.#emitter.off(name, wrapped);
  }
}
