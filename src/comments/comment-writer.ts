// Group commit for new comments: the comments that arrive while a write is in flight are
// inserted together, in one multi-row INSERT and one transaction, when it finishes. Under a
// burst (an article shared widely) this turns N database round trips into a few; a lone
// comment is written at once. Each caller still learns whether its own row was stored.
import type { Db, Prisma } from '../db/database.js';
import type { CommentChange, EventBus } from '../events.js';
import { uuidv7 } from '../ids.js';
import { insertComments, type NewCommentRow, type WriteOutcome } from './comments.repo.js';

const MAX_BATCH = 200;

interface Pending {
  row: NewCommentRow;
  resolve: (outcome: WriteOutcome) => void;
  reject: (err: unknown) => void;
}

export class CommentWriter {
  #queue: Pending[] = [];
  #writing = false;

  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgresql',
    private readonly events?: EventBus,
  ) {}

  /** Inserts and records (outbox) in one transaction when a recorder listens. */
  #insert(rows: NewCommentRow[]): Promise<WriteOutcome[]> {
    const events = this.events;
    if (!events?.recordsChanges) return insertComments(this.db, this.dialect, rows);
    return insertComments(
      this.db,
      this.dialect,
      rows,
      (tx: Prisma.TransactionClient, inserted: ReadonlySet<string>) => {
        const changes: CommentChange[] = [];
        for (const r of rows) {
          if (!inserted.has(r.id)) continue;
          const ref = { siteId: r.siteId, postId: r.postId, commentId: r.id, at: r.createdAt };
          changes.push({
            id: uuidv7(),
            type: 'comment.created',
            to: r.status,
            ...ref,
            ...(r.notifyReplies && { notifyReplies: true as const, language: r.language }),
          });
          if (r.status === 'pending')
            changes.push({ id: uuidv7(), type: 'queue.entered', to: r.status, ...ref });
        }
        return events.recordChanges(tx, changes);
      },
    );
  }

  write(row: NewCommentRow): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        try {
          const outcomes = await this.#insert(batch.map((p) => p.row));
          for (const [i, p] of batch.entries()) p.resolve(outcomes[i]!);
        } catch (err) {
          // One row the database refuses must not fail the comments that shared its batch:
          // try each on its own, so only the bad one fails.
          if (batch.length === 1) batch[0]!.reject(err);
          else await this.#writeOneByOne(batch);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  async #writeOneByOne(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      try {
        const [outcome] = await this.#insert([p.row]);
        p.resolve(outcome!);
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
