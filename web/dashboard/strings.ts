// The dashboard's words in one module (English for now; the widget's mechanism can take over
// when the dashboard is translated). Counts go through Intl.PluralRules, never `n === 1`.

const rules = new Intl.PluralRules('en');

/** `count(1, 'approved comment')` → "1 approved comment"; `count(3, 'reply', 'replies')`. */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : other}`;
}

export const NAV = {
  queues: 'Queues',
  admin: 'Admin',
  sites: 'Sites',
  posts: 'Posts',
  settings: 'Site settings',
  bans: 'Bans',
  audit: 'Audit log',
  stats: 'Stats',
  people: 'People',
  apiKeys: 'API keys',
  import: 'Import',
  export: 'Export',
  webhooks: 'Webhooks',
  notifications: 'Notifications',
  account: 'My account',
  menu: 'Menu',
  closeMenu: 'Close menu',
  signOut: 'Sign out',
  skip: 'Skip to the page',
} as const;

export const HISTORY = {
  first: 'First comment',
  approved: (n: number) => count(n, 'approved comment'),
  rejected: (n: number) => `${n} rejected`,
  spam: (n: number) => `${n} spam`,
  pending: (n: number) => `${n} pending`,
} as const;

export const SITES = {
  title: 'Sites',
  hint: 'Each blog or publication you embed the comments on is a site.',
  create: 'Add a site',
  name: 'Name',
  nameHint: 'Shown to you in the dashboard, e.g. “My Blog”.',
  slug: 'Slug',
  slugHint: 'Goes into the embed snippet; lowercase letters, digits, - and _. Cannot change later.',
  origins: 'Allowed origins',
  originsHint:
    'One per line: where your blog is served, e.g. https://blog.example.com (scheme, host and port, no path).',
  save: 'Save',
  created: (name: string) => `Site “${name}” created. Paste the snippet below into your blog.`,
  saved: 'Site saved.',
  delete: 'Delete site…',
  deleteTitle: (name: string) => `Delete “${name}”?`,
  deleteBody: (c: { posts: number; comments: number; bans: number; apiKeys: number }) =>
    `This removes the site with ${count(c.posts, 'post')}, ${count(c.comments, 'comment')}, ${count(c.bans, 'ban')} and ${count(c.apiKeys, 'API key')}. It cannot be undone.`,
  deleteConfirm: 'Delete the site and everything on it',
  deleted: (name: string) => `Site “${name}” deleted.`,
  embed: 'Embed snippet',
  embedHint:
    'Paste where the comments should appear, once per article; set data-post to a stable id.',
  countSnippet: 'Comment-count snippet',
  countHint: 'On listing pages: one span per article, one script per page.',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  check: 'Check my page',
  checkHint: 'Paste the address of a page of your blog.',
  checkButton: 'Check',
  checkOk: (origin: string) => `${origin} is allowed: the comments will load on that page.`,
  checkMissing: (origin: string) =>
    `${origin} is not allowed yet: add it to the allowed origins (“Add ${origin}” below does it).`,
  checkAdd: (origin: string) => `Add ${origin}`,
  checkBad: 'That is not a web address: it should start with https:// or http://.',
  none: 'No sites yet. Add your blog to get its embed snippet.',
  edit: 'Edit',
} as const;

export const POSTS = {
  title: 'Posts',
  hint: 'Articles with comments, newest first. Posts appear here with their first comment.',
  search: 'Search posts',
  searchPlaceholder: 'Title, slug or address',
  empty: 'No posts yet: they appear with the first comment on each article.',
  comments: (published: number, total: number) =>
    total > published
      ? `${count(published, 'published comment')} (${total} in all)`
      : count(published, 'published comment'),
  lastActivity: 'Last comment',
  never: 'No comments yet',
  open: 'Open comments',
  close: 'Close comments',
  closed: 'Closed',
  rename: 'Rename…',
  changeUrl: 'Change address…',
  renameTitle: 'Rename the post',
  urlTitle: 'Change the post’s address',
  titleLabel: 'Title',
  urlLabel: 'Address (URL)',
  saved: 'Post saved.',
  total: (n: number) => count(n, 'post'),
  more: 'Show more',
} as const;

export const PEOPLE = {
  title: 'People',
  hint: 'Who can moderate, and where.',
  invite: 'Invite a moderator',
  email: 'Email',
  role: 'Role',
  moderator: 'Moderator',
  admin: 'Admin',
  sites: 'Sites they moderate',
  sitesHint: 'Admins act on every site.',
  send: 'Create invitation link',
  linkTitle: 'Invitation link',
  linkHint:
    'Send this link to the person you invite. It works once, for 7 days. Parley shows it only now.',
  pending: 'Open invitations',
  withdraw: 'Withdraw',
  remove: 'Remove…',
  removeTitle: (name: string) => `Remove ${name}?`,
  removeBody: 'Their account and sessions end at once. Their past decisions stay in the audit log.',
  removeConfirm: 'Remove the account',
  removed: (name: string) => `${name} was removed.`,
  saveSites: 'Save sites',
  sitesSaved: 'Sites saved.',
  you: '(you)',
  expires: 'expires',
} as const;

export const ACCOUNT = {
  title: 'My account',
  hint: 'Your name, password and sessions.',
  name: 'Display name',
  nameHint: 'Shown beside your decisions in the audit log and in the sidebar.',
  nameSave: 'Save name',
  nameSaved: 'Name saved.',
  password: 'Change password',
  current: 'Current password',
  next: 'New password',
  nextHint: 'At least 10 characters.',
  passwordSave: 'Change password',
  passwordSaved: 'Password changed. Your other sessions were signed out.',
  everywhere: 'Sign out everywhere',
  everywhereHint: 'Ends every session of your account, on every device, this one included.',
} as const;

export const KEYS = {
  title: 'API keys',
  hint: 'Keys for Parley’s Perspective-compatible API (POST /v1alpha1/comments:analyze?key=…).',
  label: 'Name',
  labelHint: 'What uses the key, e.g. “CMS plugin”.',
  create: 'Create key',
  shown: 'Copy the key now: Parley stores only its hash and cannot show it again.',
  created: 'Created',
  lastUsed: 'Last used',
  never: 'Never',
  revoke: 'Revoke',
  revokeTitle: (label: string) => `Revoke “${label}”?`,
  revokeBody: 'Requests with this key fail from now on.',
  revoked: 'Key revoked.',
  none: 'No keys on this site.',
} as const;

export const SETUP = {
  title: 'Welcome to Parley',
  hint: 'Create the admin account. This page works only until the first account exists.',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  submit: 'Create the admin account',
  inviteTitle: 'Join Parley',
  inviteHint: (email: string, role: string) => `You were invited as ${role} (${email}).`,
  inviteSubmit: 'Create my account',
  inviteInvalid: 'This invitation link is not valid any more. Ask an admin for a new one.',
} as const;

/** One line per site setting: what it does, in the settings page. */
export const SETTING_HINTS: Record<string, string> = {
  autoCreatePosts:
    'A comment on an article Parley does not know yet creates the post (only from the allowed origins).',
  premoderation: 'Whose comments wait for a moderator before readers see them.',
  premoderationMinApproved: 'With “fewer than N”: how many approved comments an author needs.',
  linkLimit: 'Comments with more links than this wait for a moderator.',
  moderationWords: 'A comment containing one of these words or phrases waits for a moderator.',
  disallowedWords: 'A comment containing one of these goes straight to spam.',
  minSubmitSeconds: 'A form sent faster than this after the page loaded is held (bots are fast).',
  spamThreshold: 'Spam score from which a comment goes to the spam queue.',
  spamHoldThreshold: 'Spam score from which a comment waits for a moderator.',
  trustApprovedAuthors: 'Authors with an approved comment are screened less strictly.',
  failOpen: 'When an outside screening service fails: publish (on) or hold (off) the comment.',
  bannedAction: 'What a banned author sees: an error, or their comment silently held.',
  reportThreshold: 'Reader reports that send a published comment to the Reported queue.',
  hideReported: 'Hide a comment from readers once it reaches the report threshold.',
  closeAfterDays: 'Close comments on posts older than this many days (0 = never).',
  maxDepth: 'How deep replies nest (1 = flat).',
  maxBodyLength: 'The longest comment, in characters.',
  toxicity: 'Per kind of toxicity: the score from which the action applies.',
};

export const LOGIN = {
  title: 'Sign in to moderate',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  noEmail: 'Please enter your email address.',
  noPassword: 'Please enter your password.',
  rateLimited:
    'Too many sign-in attempts from this network. Please wait a few minutes and try again.',
  failed: 'Something went wrong. Please try again.',
  foot: 'Parley comment moderation',
} as const;

export const COMMON = {
  adminsOnly: 'Only admins can open this page.',
  backToQueue: 'Back to the queue',
  loading: 'Loading…',
  loadFailed: 'Could not load this page.',
  retry: 'Try again',
  allSites: 'All sites',
  site: 'Site',
} as const;

export const QUEUE_NAMES = {
  pending: 'Pending',
  toxic: 'Toxic',
  spam: 'Spam',
  reported: 'Reported',
  approved: 'Approved',
  rejected: 'Rejected',
} as const;

export const QUEUE_HINTS = {
  pending: 'Held comments waiting for a decision.',
  toxic: 'Held because they look abusive or insulting.',
  spam: 'Caught by the spam filters. Look out for false positives.',
  reported: 'Comments readers reported.',
  approved: 'Published comments.',
  rejected: 'Rejected comments, hidden from readers.',
} as const;

export const QUEUE_TOOLBAR = {
  sortOldest: 'Oldest first',
  sortNewest: 'Newest first',
  sortPriority: 'Priority',
  searchPlaceholder: 'Search text or name',
  postPlaceholder: 'Post slug',
  authorPlaceholder: 'Author email',
  filters: 'Filter comments',
  search: 'Search',
  post: 'Post',
  author: 'Author',
  sort: 'Sort',
  selectAllLabel: 'Select all loaded comments',
  selectAll: 'Select all',
  selected: (n: number) => `${n} selected`,
  bulkApprove: 'Approve selected',
  bulkReject: 'Reject selected',
  bulkSpam: 'Spam selected',
  shortcutsBefore: 'Press ',
  shortcutsAfter: ' for shortcuts',
} as const;

export const QUEUE = {
  /** "approval of Ann’s comment": what the undo button takes back. */
  noun: {
    approve: 'approval',
    reject: 'rejection',
    spam: 'spam mark',
    'not-spam': 'not-spam mark',
    delete: 'deletion',
  },
  done: {
    approve: 'Approved',
    reject: 'Rejected',
    spam: 'Marked as spam',
    'not-spam': 'Marked as not spam',
    delete: 'Deleted',
  },
  listLabel: (queue: string) => `${queue} comments`,
  noMatch: 'No comments match these filters.',
  nothingWaiting: 'Nothing waiting. Nice work.',
  noneYet: 'No comments here yet.',
  clearFilters: 'Clear filters',
  arriveHint: 'New comments appear here as they arrive.',
  loadMore: 'Load more',
  end: 'End of the queue',
  loadFailed: 'Could not load the queue.',
  loadMoreFailed: 'Could not load more comments.',
  undo: 'Undo',
  undoOne: (noun: string, who: string) => `${noun} of ${who}’s comment`,
  doneOne: (done: string, who: string) => `${done}: ${who}`,
  handledElsewhere: 'Handled by someone else',
  actFailed: (action: string) =>
    `Could not ${action === 'not-spam' ? 'mark as not spam' : action}:`,
  ipOf: (name: string) => `${name}’s IP address`,
  until: (date: string) => ` until ${date}`,
  banUndo: (what: string) => `ban of ${what}`,
  banned: (what: string, until: string) => `Banned ${what}${until}`,
  bulkNothing: (failed: number) => `Nothing changed: ${count(failed, 'comment')} failed.`,
  undoMany: (noun: string, n: string) => `${noun} of ${n}`,
  doneMany: (done: string, n: string, failed: number) =>
    `${done}: ${n}${failed ? ` · ${failed} failed` : ''}`,
  bulkFailed: 'Bulk action failed:',
  nothingToUndo: 'Nothing to undo.',
  undone: (label: string) => `Undone: ${label}.`,
  undoFailed: 'Could not undo:',
} as const;

/** A comment card in the queue (queue-item.ts). */
export const CARD = {
  scoreNames: {
    spam: 'SPAM',
    SEVERE_TOXICITY: 'SEVERE TOXICITY',
    IDENTITY_ATTACK: 'IDENTITY ATTACK',
  } as Record<string, string>,
  reportReasons: {
    abuse: 'Abuse',
    spam: 'Spam',
    'off-topic': 'Off-topic',
    other: 'Other',
  } as Record<string, string>,
  scoreTitle: (name: string, score: string) => `${name} score ${score}`,
  drivers: 'What the model weighed most',
  on: 'On ',
  openPost: 'Open the post in a new tab',
  filterPost: 'Only comments on this post',
  filterAuthor: 'Only comments by this author',
  filter: 'filter',
  reasons: 'Why it was flagged',
  reports: (n: number) => count(n, 'report'),
  moreReports: (n: number) => `and ${n} more`,
  keep: 'Keep',
  approve: 'Approve',
  reject: 'Reject',
  notSpam: 'Not spam',
  spam: 'Spam',
  ban: 'Ban…',
  select: (name: string) => `Select the comment by ${name}`,
  label: (name: string) => `Comment by ${name}`,
  verifiedTitle: 'This author confirmed their email address',
  verified: 'Verified email',
  historyTitle: 'This author’s other comments on this site',
  inReplyTo: (name: string) => `In reply to ${name}`,
  replyingTo: (name: string) => `↳ Replying to ${name}`,
  edited: (when: string) => `Edited ${when}`,
} as const;
