// Every user-visible string of embed.js and count.js, in English (inline in embed.js). The
// other languages are web/widget/i18n/<lang>.json, the same keys, each built into its own small
// web/dist/i18n/<lang>.js that the widget loads only for the language it shows (see i18n.ts).
// {name} placeholders are filled by t(); counted strings are objects keyed by the
// Intl.PluralRules category (zero one two few many other) and picked by tn().

/** One counted string: the form for each plural category the language uses; `other` always. */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** count.js strings, kept apart so count.js bundles only these. */
export const countStrings = {
  countNone: '0 comments',
  count: { one: '{n} comment', other: '{n} comments' } as Plural,
};

// merge() is marked pure so count.js, which never reads `en`, drops it from its bundle.
export const en = /* @__PURE__ */ merge(countStrings, {
  headerNone: 'No comments yet on “{title}”',
  header: { one: '{n} comment on “{title}”', other: '{n} comments on “{title}”' } as Plural,
  regionLabel: 'Comments',
  sortLabel: 'Sort comments',
  sortOldest: 'Oldest',
  sortNewest: 'Newest',
  loading: 'Loading comments…',
  loadError: 'Comments could not be loaded.',
  unavailable: 'Comments are unavailable.',
  retry: 'Try again',
  emptyThread: 'No comments yet. Start the conversation.',
  loadMore: 'Load more comments',
  loadingMore: 'Loading…',
  newComments: { one: '{n} new comment', other: '{n} new comments' } as Plural,
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
  editWindow: {
    one: 'You can edit this for {n} more minute',
    other: 'You can edit this for {n} more minutes',
  } as Plural,
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
/** Keys whose value is a counted (plural) string. */
export type PluralKey = { [K in StringKey]: Strings[K] extends Plural ? K : never }[StringKey];
export type TextKey = Exclude<StringKey, PluralKey>;
/** A translation as stored in i18n/<lang>.json: any subset of the keys; missing ones stay English. */
export type Translation = Partial<Record<StringKey, string | Plural>>;
export type Vars = Record<string, string | number>;

let active: Strings = en;
let lang = 'en';
let plurals: Intl.PluralRules | null = null;
let numbers: Intl.NumberFormat | null = null;

/**
 * Switch to a translation. Only keys English has, with the same kind of value (text or counted),
 * are taken: a file with a stray or malformed entry cannot break the widget.
 */
export function useStrings(language: string, table: Translation): void {
  const next: Record<string, unknown> = { ...en };
  for (const [key, value] of Object.entries(table)) {
    const base = (en as Record<string, unknown>)[key];
    if (typeof base === 'string' ? typeof value === 'string' : isPlural(value)) next[key] = value;
  }
  active = next as Strings;
  lang = language;
  plurals = null;
  numbers = null;
}

function isPlural(v: unknown): v is Plural {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as Plural).other === 'string' &&
    Object.values(v).every((s) => typeof s === 'string')
  );
}

/** The language the strings are in (BCP 47 tag, as Intl takes it). */
export function activeLang(): string {
  return lang;
}

/** Looks up a string and fills its {placeholders}. */
export function t(key: TextKey, vars?: Vars): string {
  return fill(active[key], vars);
}

export function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A number written the way the active language writes it. */
export function num(n: number): string {
  numbers ??= new Intl.NumberFormat(lang);
  return numbers.format(n);
}

/** The counted string for `n` in the active language's plural category; {n} is filled. */
export function tn(n: number, key: PluralKey, vars?: Vars): string {
  plurals ??= new Intl.PluralRules(lang);
  const forms = active[key];
  return fill(forms[plurals.select(n)] ?? forms.other, { n: num(n), ...vars });
}
