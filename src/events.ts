// Domain events. Services publish what happened; listeners (realtime, caches, providers'
// feedback) react. Publishing never waits on a listener and a failing listener never fails
// the request that published.
import { EventEmitter } from 'node:events';
import type { PublicComment } from './contracts/public-api.js';

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

type Listener<K extends keyof DomainEvents> = (event: DomainEvents[K]) => void | Promise<void>;

export class EventBus {
  readonly #emitter = new EventEmitter({ captureRejections: false });
  constructor(private readonly onListenerError: (err: unknown, name: string) => void) {
    this.#emitter.setMaxListeners(50);
  }

  publish<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void {
    this.#emitter.emit(name, event);
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
