// An author's edit of their own comment: checked against the edit token, re-rendered and
// screened again, so a harmless comment cannot be turned into link spam later.
import type { Db } from '../db/database.js';
import { AppError, CommentNotFoundError, PostClosedError } from '../errors.js';
import { isPostClosed } from '../posts/posts.service.js';
import type { EventBus } from '../events.js';
import type { Hasher } from '../privacy/hashing.js';
import type { ScreeningService } from '../screening/screening.service.js';
import type { SiteDirectory } from '../sites/sites.service.js';
import { setCommentBody, setCommentStatus } from './comment-status.js';
import type { CreateCommentResult } from './comments.service.js';
import { PUBLIC_COLUMNS, updateCommentScreening } from './comments.repo.js';
import { EDIT_WINDOW_MS, type EditTokens } from './edit-tokens.js';
import { toPublicComment } from './public-comment.js';
import { renderCommentBody } from './render.js';

export class EditNotAllowedError extends AppError {
  constructor() {
    super('EDIT_NOT_ALLOWED', 403, 'This comment can no longer be edited.');
  }
}

export interface EditDeps {
  db: Db;
  events: EventBus;
  hasher: Hasher;
  sites: SiteDirectory;
  screening: ScreeningService;
  editTokens: EditTokens;
  publicUrl: string;
}

export async function editOwnComment(
  deps: EditDeps,
  commentId: string,
  body: string,
  editToken: string,
): Promise<CreateCommentResult> {
  if (!deps.editTokens.verify(commentId, editToken)) throw new EditNotAllowedError();
  const comment = await deps.db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      status: true,
      siteId: true,
      postId: true,
      body: true,
      authorName: true,
      authorEmail: true,
      authorWebsite: true,
      authorHash: true,
      ipHash: true,
      createdAt: true,
      post: {
        select: {
          id: true,
          slug: true,
          title: true,
          url: true,
          commentCount: true,
          closed: true,
          publishedAt: true,
        },
      },
    },
  });
  if (!comment || comment.status === 'deleted') throw new CommentNotFoundError(commentId);
  if (Date.now() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new EditNotAllowedError();
  const site = await deps.sites.getById(comment.siteId);
  // The same doors as a new comment: a closed thread takes no edits (a ban is screening's).
  if (isPostClosed(comment.post, site)) throw new PostClosedError();
  if (body.length > site.settings.maxBodyLength) {
    throw new AppError('BODY_TOO_LONG', 413, 'Your comment is too long.', {
      body: `Please keep your comment under ${site.settings.maxBodyLength} characters.`,
    });
  }
  if (body !== comment.body) {
    const outcome = await deps.screening.screenEdit(site, { ...comment, body });
    // An edit can only keep or lower visibility: a held or rejected comment is not released by
    // editing it. The status changes first, so a spammy edit never reaches a public room.
    const next = comment.status === 'approved' ? outcome.status : comment.status;
    const verdict = {
      screening: outcome.details,
      toxic: outcome.toxic,
      toxicityScore: outcome.toxicityScore,
      spamScore: outcome.spamScore,
    };
    // The new verdict replaces the old one either way: a civil edit clears the toxic flag.
    if (next !== comment.status) await setCommentStatus(deps, commentId, next, verdict);
    else await updateCommentScreening(deps.db, commentId, verdict);
    await setCommentBody(deps, commentId, {
      body,
      html: renderCommentBody(body),
      contentHash: deps.hasher.content(body),
      editedAt: new Date(),
    });
  }
  const updated = await deps.db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { ...PUBLIC_COLUMNS, status: true },
  });
  return {
    status: updated.status === 'approved' ? 'approved' : 'pending',
    comment: toPublicComment(updated, deps.publicUrl),
  };
}
