// The author's edits of their own comments: what the editor (embed-extras.js) is given, the
// saved comment put back in place, and the Edit buttons' countdown.
import type { EditCommentResult } from '../shared/api-types.js';
import { removeEditButton, type EditHost } from './edit.js';
import { commentArticle, editWindowText } from './templates.js';
import { renderContext } from './thread.js';
import type { WidgetState } from './widget-state.js';

export function editHost(w: WidgetState): EditHost {
  return {
    api: w.api,
    edits: w.edits,
    saving: w.saving,
    saved: (article, result) => onEdited(w, article, result),
    announce: (text) => w.announce(text),
  };
}

/** Re-renders an edited comment in place, keeping its slot (an open reply or report form). */
function onEdited(
  w: WidgetState,
  article: HTMLElement,
  result: EditCommentResult,
): HTMLElement | null {
  const c = result.comment;
  const pending = result.status === 'pending';
  const wasPublic = !article.classList.contains('is-pending');
  // Pending copies are what the author sees after a reload until a moderator decides.
  if (pending) w.pending.add(c);
  const slot = article.querySelector<HTMLElement>('.slot')!;
  if (pending && slot.contains(w.form.el)) w.moveFormHome(false);
  if (pending) slot.textContent = '';
  const tpl = document.createElement('template');
  tpl.innerHTML = commentArticle(c, renderContext(w), pending);
  const next = tpl.content.firstElementChild as HTMLElement;
  next.querySelector('.slot')!.replaceWith(slot);
  article.replaceWith(next);
  // Without live updates nothing else corrects the count of a comment that left the thread.
  if (pending && wasPublic && !w.liveOn) {
    w.count = Math.max(0, w.count - 1);
    w.setHeader();
  }
  return next;
}

/**
 * Edit buttons count down their window and go when it closes (an open editor stays: its Save
 * then explains that the window has closed).
 */
export function refreshEditButtons(w: WidgetState, now: number): void {
  const edits = w.edits.all();
  for (const button of w.shadow.querySelectorAll<HTMLElement>('[data-act=edit]')) {
    const article = button.closest<HTMLElement>('article')!;
    const own = edits[article.getAttribute('data-comment-id')!];
    if (own) button.title = editWindowText(own.editableUntil, now);
    else if (!article.querySelector('.edit')) removeEditButton(article);
  }
}
