// Every user-visible string of embed.js and count.js, in English. A translation is an object of
// the same shape passed to useStrings(); {name} placeholders are filled by t().

/** count.js strings, kept apart so count.js bundles only these. */
export const countStrings = {
  countZero: '0 comments',
  countOne: '1 comment',
  countOther: '{n} comments',
};

// merge() is marked pure so count.js, which never reads `en`, drops it from its bundle.
export const en = /* @__PURE__ */ merge(countStrings, {
  headerZero: 'No comments yet on “{title}”',
  headerOne: '1 comment on “{title}”',
  headerOther: '{n} comments on “{title}”',
  regionLabel: 'Comments',
  sortLabel: 'Sort comments',
  sortOldest: 'Oldest',
  sortNewest: 'Newest',
  loading: 'Loading comments…',
  loadError: 'Comments could not be loaded.',
  retry: 'Try again',
  emptyThread: 'No comments yet. Start the conversation.',
  loadMore: 'Load more comments',
  loadingMore: 'Loading…',
  newCommentsOne: '1 new comment',
  newCommentsOther: '{n} new comments',
  announceNew: 'New comment from {name}.',
  announceNewReply: 'New reply from {name}.',
  commentBy: 'Comment by {name}',
  reply: 'Reply',
  replyAria: 'Reply to {name}',
  report: 'Report',
  reportAria: 'Report comment by {name}',
  inReplyTo: 'in reply to {name}',
  edited: 'edited',
  edit: 'Edit',
  editAria: 'Edit your comment',
  editWindowOne: 'You can edit this for 1 more minute',
  editWindowOther: 'You can edit this for {n} more minutes',
  editLabel: 'Edit your comment',
  editSave: 'Save',
  editSaving: 'Saving…',
  editCancel: 'Cancel',
  editExpired: 'This comment can no longer be edited.',
  editSaved: 'Your comment was updated.',
  editSavedPending: 'Your edit was saved and is awaiting moderation.',
  justNow: 'just now',
  awaitingModeration: 'Your comment is awaiting moderation',
  awaitingModerationHint: 'Only you can see it until a moderator approves it.',
  commentRemoved: 'This comment was removed.',
  closed: 'Comments are closed on this post.',
  formTitle: 'Leave a reply',
  formReplyTitle: 'Reply to {name}',
  cancelReply: 'Cancel',
  labelName: 'Name',
  labelEmail: 'Email',
  labelWebsite: 'Website',
  labelComment: 'Comment',
  honeypotLabel: 'Leave this field empty',
  requiredNote: 'Your email address will not be published. Required fields are marked *',
  screeningNote: 'Comments are screened for spam and abuse before they appear.',
  poweredBy: 'This site uses Parley’s spam protection.',
  saveAuthor: 'Save my name, email, and website in this browser for the next time I comment.',
  notifyReplies: 'Notify me of replies by email',
  submit: 'Post Comment',
  submitting: 'Posting…',
  nameRequired: 'Please enter your name.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address.',
  websiteInvalid: 'The website must be a link starting with http:// or https://.',
  bodyRequired: 'Please write a comment.',
  fixFields: 'Please correct the highlighted fields.',
  rephraseTitle: 'Do you want to rephrase?',
  rephraseIntro: 'Before you post, our filters noticed:',
  rephraseHold: 'If you post it as it is, a moderator will review it first.',
  editComment: 'Edit my comment',
  postAnyway: 'Post anyway',
  posted: 'Your comment was published.',
  postedPending: 'Your comment was sent and is awaiting moderation.',
  errClosed: 'Comments are closed on this post.',
  errRateLimited: 'You are posting too quickly. Please wait a moment and try again.',
  errBanned: 'You can no longer comment on this site.',
  errNetwork: 'Could not reach the comment server. Check your connection and try again.',
  errGeneric: 'Something went wrong. Please try again.',
  reportLegend: 'Why are you reporting this comment?',
  reasonSpam: 'Spam or advertising',
  reasonAbuse: 'Abusive or harassing',
  reasonOffTopic: 'Off-topic',
  reasonOther: 'Something else',
  reportNote: 'Note for the moderators (optional)',
  reportSend: 'Send report',
  reportCancel: 'Cancel',
  reportThanks: 'Thanks, a moderator will review it.',
  reportFailed: 'The report could not be sent. Please try again.',
});

function merge<A extends object, B extends object>(a: A, b: B): A & B {
  return { ...a, ...b };
}

export type Strings = typeof en;
export type StringKey = keyof Strings;
export type Vars = Record<string, string | number>;

let active: Strings = en;

/** Switch to a translation; missing keys fall back to English. */
export function useStrings(table: Partial<Strings>): void {
  active = { ...en, ...table };
}

/** Looks up a string and fills its {placeholders}. */
export function t(key: StringKey, vars?: Vars): string {
  return fill(active[key], vars);
}

export function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Picks the Zero/One/Other form of a counted string. */
export function tn(
  n: number,
  keys: [zero: StringKey, one: StringKey, other: StringKey],
  vars?: Vars,
): string {
  const key = n === 0 ? keys[0] : n === 1 ? keys[1] : keys[2];
  return t(key, { n: n.toLocaleString(), ...vars });
}
