// An author's edit of their own comment: checked against the edit token, re-rendered and
// screened again (the same screener as a new comment, ban and closed thread included), so a
// harmless comment cannot be turned into link spam later.
import { AppError, CommentNotFoundError, PostClosedError } from '../errors.js';
import { isPostClosed } from '../posts/index.js';
import { readAkismetParams } from '../screening/index.js';
import { setCommentBody, setCommentStatus } from './comment-status.js';
import { getCommentForEdit, getPublicComment, updateCommentScreening } from './comments.repo.js';
import { assertBodyFits, type CommentsDeps, type CreateCommentResult } from './comments.service.js';
import { EDIT_WINDOW_MS } from './edit-tokens.js';
import { toPublicComment } from './public-comment.js';
import { renderCommentBody } from './render.js';

export class EditNotAllowedError extends AppError {
  constructor() {
    super('EDIT_NOT_ALLOWED', 403, 'This comment can no longer be edited.');
  }
}

export async function editOwnComment(
  deps: CommentsDeps,
  commentId: string,
  body: string,
  editToken: string,
): Promise<CreateCommentResult> {
  if (!deps.editTokens.verify(commentId, editToken)) throw new EditNotAllowedError();
  const comment = await getCommentForEdit(deps.db, commentId);
  if (!comment || comment.status === 'deleted') throw new CommentNotFoundError(commentId);
  if (Date.now() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new EditNotAllowedError();
  const site = await deps.sites.getById(comment.siteId);
  if (isPostClosed(comment.post, site)) throw new PostClosedError();
  assertBodyFits(site, body);
  if (body !== comment.body) {
    const original = readAkismetParams(comment.akismetParams);
    const outcome = await deps.screener.screen({
      site,
      post: comment.post,
      author: {
        name: comment.authorName,
        email: comment.authorEmail,
        website: comment.authorWebsite,
        hash: comment.authorHash,
      },
      body,
      ipHash: comment.ipHash,
      contentHash: deps.hasher.content(body),
      // Providers hear the original request's facts (the IP only if Akismet kept it).
      client: {
        ip: original?.user_ip ?? '',
        userAgent: comment.userAgent,
        referrer: comment.referrer,
      },
      now: new Date(),
      editOf: { id: comment.id, createdAt: comment.createdAt },
    });
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
  const updated = await getPublicComment(deps.db, commentId);
  if (!updated) throw new CommentNotFoundError(commentId);
  return {
    status: updated.status === 'approved' ? 'approved' : 'pending',
    comment: toPublicComment(updated, deps.publicUrl),
  };
}
