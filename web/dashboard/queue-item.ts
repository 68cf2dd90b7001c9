// One comment card in the queue: who, where, the comment with flagged words marked, why it is
// here (screening reasons, scores, reports), the author's record, and the decision buttons.
import { CARD, HISTORY } from './strings.js';
import { fullDate, h, timeAgo, type Child } from './dom.js';
import { renderCommentHtml } from './render.js';
import type { Action, ModerationItem } from './types.js';

export type CardAction = Action | 'ban';

export interface CardHandlers {
  act(id: string, action: CardAction): void;
  toggle(id: string, checked: boolean): void;
  filterBy(kind: 'post' | 'author', value: string): void;
}

const SCORE_LABELS: Record<string, string> = CARD.scoreNames;
const SHOW_SCORE_FROM = 0.3;
const REASON_LABELS: Record<string, string> = CARD.reportReasons;

function level(score: number): string {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'mid' : 'low';
}

/** Notable scores, highest first: TOXICITY 0.92, SPAM 0.40… */
function scoreBadges(item: ModerationItem): Child {
  const scores = { ...(item.comment.screening.scores ?? {}) } as Record<string, unknown>;
  if (scores.spam === undefined && item.comment.spamScore !== null)
    scores.spam = item.comment.spamScore;
  if (scores.TOXICITY === undefined && item.comment.toxicityScore !== null)
    scores.TOXICITY = item.comment.toxicityScore;
  const shown = Object.entries(scores)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= SHOW_SCORE_FROM)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4);
  if (shown.length === 0) return null;
  return h(
    'span',
    { class: 'scores' },
    shown.map(([name, score]) =>
      h(
        'span',
        {
          class: `badge score score-${level(score)}`,
          'data-testid': 'score',
          title: CARD.scoreTitle(name, score.toFixed(3)),
        },
        h('span', { class: 'score-name' }, SCORE_LABELS[name] ?? name.replace(/_/g, ' ')),
        ` ${score.toFixed(2)}`,
      ),
    ),
  );
}

/** The author's other comments: the server's counts include this one. */
function otherComments(hist: ModerationItem['history'], status: string): ModerationItem['history'] {
  const other = { ...hist };
  if (status in other)
    other[status as keyof typeof other] = Math.max(0, other[status as keyof typeof other] - 1);
  return other;
}

/** "3 approved · 1 spam", or "First comment". */
export function historyText(hist: ModerationItem['history']): string {
  const parts: string[] = [];
  if (hist.approved) parts.push(HISTORY.approved(hist.approved));
  if (hist.rejected) parts.push(HISTORY.rejected(hist.rejected));
  if (hist.spam) parts.push(HISTORY.spam(hist.spam));
  if (hist.pending) parts.push(HISTORY.pending(hist.pending));
  return parts.length ? parts.join(' · ') : HISTORY.first;
}

function historyClass(hist: ModerationItem['history']): string {
  if (hist.spam + hist.rejected > hist.approved) return 'history history-bad';
  if (hist.approved >= 3 && hist.spam + hist.rejected === 0) return 'history history-good';
  return 'history';
}

function allMatches(item: ModerationItem): string[] {
  return item.comment.screening.reasons.flatMap((r) => r.matches ?? []);
}

/** The model labels behind the reasons shown: TOXICITY_INSULT → insult, SPAM_CLASSIFIER → spam. */
function flaggedLabels(item: ModerationItem): string[] {
  return item.comment.screening.reasons.flatMap((r) =>
    r.code.startsWith('TOXICITY_')
      ? [r.code.slice('TOXICITY_'.length).toLowerCase()]
      : r.code === 'SPAM_CLASSIFIER'
        ? ['spam']
        : [],
  );
}

/** "Model: 'dim' +1.4, 'allowed to vote' +0.8": what raised each flagged score most. */
function driversBlock(item: ModerationItem): Child {
  const drivers = item.comment.screening.drivers ?? {};
  const labels = [...new Set(flaggedLabels(item))].filter((l) => (drivers[l]?.length ?? 0) > 0);
  if (labels.length === 0) return null;
  return h(
    'ul',
    { class: 'drivers', 'aria-label': CARD.drivers },
    labels.map((label) =>
      h(
        'li',
        { class: 'driver' },
        h('span', { class: 'reason-code' }, label.replace(/_/g, ' ')),
        (drivers[label] ?? [])
          .slice(0, 5)
          .map((d) => `${d.feature} +${d.weight.toFixed(1)}`)
          .join(' · '),
      ),
    ),
  );
}

function postLink(item: ModerationItem, handlers: CardHandlers): Child {
  const { post } = item;
  const title = post.title || post.slug;
  return h(
    'div',
    { class: 'card-post' },
    h('span', { class: 'muted' }, CARD.on),
    post.url && /^(https?:\/\/|\/(?!\/))/i.test(post.url)
      ? h(
          'a',
          {
            href: post.url,
            target: '_blank',
            rel: 'noopener noreferrer',
            class: 'post-title',
            title: CARD.openPost,
          },
          title,
        )
      : h('span', { class: 'post-title' }, title),
    h(
      'button',
      {
        type: 'button',
        class: 'link-btn',
        title: CARD.filterPost,
        onclick: () => handlers.filterBy('post', post.slug),
      },
      CARD.filter,
    ),
    h('span', { class: 'muted site-slug' }, ` · ${post.site}`),
  );
}

/** TOXICITY_INSULT → "insult", FORM_TOKEN_MISSING → "form token missing". */
function reasonLabel(code: string): string {
  return code
    .replace(/^TOXICITY_(?=.)/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function reasonsBlock(item: ModerationItem): Child {
  const reasons = item.comment.screening.reasons;
  if (reasons.length === 0) return null;
  return h(
    'ul',
    { class: 'reasons', 'aria-label': CARD.reasons },
    reasons.map((r) =>
      h(
        'li',
        { class: 'reason', title: r.code },
        h('span', { class: 'reason-code' }, reasonLabel(r.code)),
        r.message,
      ),
    ),
  );
}

function reportsBlock(item: ModerationItem): Child {
  if (item.reports.length === 0 && item.comment.reportCount === 0) return null;
  return h(
    'div',
    { class: 'reports' },
    h('strong', null, CARD.reports(Math.max(item.comment.reportCount, item.reports.length))),
    h(
      'ul',
      null,
      item.reports
        .slice(0, 5)
        .map((r) =>
          h(
            'li',
            null,
            h('span', { class: 'badge badge-report' }, REASON_LABELS[r.reason] ?? r.reason),
            r.note ? ` “${r.note}”` : null,
            h('span', { class: 'muted' }, ` · ${timeAgo(r.createdAt)}`),
          ),
        ),
      item.reports.length > 5
        ? h('li', { class: 'muted' }, CARD.moreReports(item.reports.length - 5))
        : null,
    ),
  );
}

function actionButton(
  id: string,
  action: CardAction,
  label: string,
  key: string,
  cls: string,
  handlers: CardHandlers,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: `btn ${cls}`,
      'data-testid': `action-${action}`,
      'aria-keyshortcuts': key,
      title: `${label} (${key})`,
      onclick: (e: Event) => {
        e.stopPropagation();
        handlers.act(id, action);
      },
    },
    label,
    h('kbd', { 'aria-hidden': 'true' }, key),
  );
}

function actions(item: ModerationItem, handlers: CardHandlers): Child {
  const { id, status, reportedAt } = item.comment;
  const isSpam = status === 'spam';
  return h(
    'div',
    { class: 'card-actions' },
    status !== 'approved' || reportedAt
      ? actionButton(
          id,
          'approve',
          reportedAt && status === 'approved' ? CARD.keep : CARD.approve,
          'a',
          'btn-approve',
          handlers,
        )
      : null,
    status !== 'rejected'
      ? actionButton(id, 'reject', CARD.reject, 'r', 'btn-reject', handlers)
      : null,
    isSpam
      ? actionButton(id, 'not-spam', CARD.notSpam, 'n', 'btn-plain', handlers)
      : actionButton(id, 'spam', CARD.spam, 's', 'btn-plain', handlers),
    actionButton(id, 'ban', CARD.ban, 'b', 'btn-plain btn-ban', handlers),
  );
}

export function renderCard(
  item: ModerationItem,
  opts: { selected: boolean; checked: boolean },
  handlers: CardHandlers,
): HTMLElement {
  const c = item.comment;
  const matches = allMatches(item);
  const history = otherComments(item.history, c.status);
  const box = h('input', {
    type: 'checkbox',
    class: 'check',
    'data-testid': 'select-item',
    'aria-label': CARD.select(c.authorName),
    onclick: (e: Event) => e.stopPropagation(),
    onchange: (e: Event) => handlers.toggle(c.id, (e.target as HTMLInputElement).checked),
  });
  box.checked = opts.checked;
  const authorLabel = h('span', { class: 'author-name' }, c.authorName);
  return h(
    'article',
    {
      class: `card${opts.checked ? ' is-checked' : ''}`,
      id: `item-${c.id}`,
      'data-testid': 'queue-item',
      'data-comment-id': c.id,
      'data-status': c.status,
      'aria-current': opts.selected ? 'true' : false,
      'aria-label': CARD.label(c.authorName),
    },
    h('div', { class: 'card-check' }, box),
    h(
      'div',
      { class: 'card-main' },
      h(
        'header',
        { class: 'card-head' },
        h(
          'div',
          { class: 'author' },
          authorLabel,
          h(
            'button',
            {
              type: 'button',
              class: 'author-email link-btn',
              title: CARD.filterAuthor,
              onclick: () => handlers.filterBy('author', c.authorEmail),
            },
            c.authorEmail,
          ),
          c.authorVerified
            ? h(
                'span',
                {
                  class: 'badge badge-verified',
                  'data-testid': 'author-verified',
                  title: CARD.verifiedTitle,
                },
                CARD.verified,
              )
            : null,
          c.authorWebsite
            ? h(
                'span',
                { class: 'muted author-site', title: c.authorWebsite },
                safeHost(c.authorWebsite),
              )
            : null,
          h(
            'span',
            {
              class: historyClass(history),
              'data-testid': 'author-history',
              title: CARD.historyTitle,
            },
            historyText(history),
          ),
        ),
        h(
          'div',
          { class: 'card-meta' },
          scoreBadges(item),
          h(
            'time',
            { datetime: c.createdAt, title: fullDate(c.createdAt), class: 'muted' },
            timeAgo(c.createdAt),
          ),
        ),
      ),
      postLink(item, handlers),
      item.parent
        ? h(
            'blockquote',
            { class: 'parent', 'aria-label': CARD.inReplyTo(item.parent.authorName) },
            h('div', { class: 'parent-by' }, CARD.replyingTo(item.parent.authorName)),
            h('div', { class: 'parent-body' }, renderCommentHtml(item.parent.html)),
          )
        : null,
      h(
        'div',
        { class: 'comment-body', 'data-testid': 'comment-body' },
        renderCommentHtml(c.html, matches, c.body),
      ),
      c.editedAt ? h('div', { class: 'muted small' }, CARD.edited(timeAgo(c.editedAt))) : null,
      reasonsBlock(item),
      driversBlock(item),
      reportsBlock(item),
      actions(item, handlers),
    ),
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 40);
  }
}
