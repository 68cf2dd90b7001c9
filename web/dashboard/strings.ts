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
  signedOutEverywhere: 'You are signed out on every device.',
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
  offline: 'Cannot reach the server. Check your connection and try again.',
  serverStatus: (status: number) => `The server answered ${status}.`,
  product: 'Parley',
  dismiss: 'Dismiss',
  somethingWrong: 'Something went wrong.',
  cancel: 'Cancel',
  save: 'Save',
  signIn: 'Sign in',
  settings: 'Settings',
  posts: 'Posts',
  pageTitle: (page: string) => `${page} · Parley moderation`,
  signInTitle: 'Sign in · Parley moderation',
  setupTitle: 'Set up · Parley',
  joinTitle: 'Join · Parley',
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

/** The audit log page: action labels, table, undo. */
export const AUDIT = {
  undidWhat: (action: string) => `undid ${action}`,
  commentId: (id: string) => `Comment ${id}`,
  erased: (comments: number, bodies: string) => `${comments} comment(s), text ${bodies}`,
  undidToast: (action: string) => `Undid: ${action}.`,
  approved: 'Approved',
  rejected: 'Rejected',
  markedSpam: 'Marked spam',
  notSpam: 'Not spam',
  deleted: 'Deleted',
  edited: 'Edited',
  undid: 'Undid',
  banned: 'Banned',
  liftedBan: 'Lifted ban',
  createdSite: 'Created site',
  changedSettings: 'Changed settings',
  deletedSite: 'Deleted site',
  registeredPost: 'Registered post',
  changedPost: 'Changed post',
  addedAccount: 'Added account',
  changedAccount: 'Changed account',
  removedAccount: 'Removed account',
  invited: 'Invited',
  withdrewInvitation: 'Withdrew invitation',
  createdApiKey: 'Created API key',
  revokedApiKey: 'Revoked API key',
  erasedACommenter: 'Erased a commenter',
  ipAddress: 'IP address',
  anIpAddress: 'an IP address',
  noChange: 'no change',
  auditLog: 'Audit log',
  everyModerationDecisionBan: 'Every moderation decision, ban and settings change, newest first.',
  loadOlder: 'Load older',
  nothingLoggedYet: 'Nothing logged yet.',
  when: 'When',
  who: 'Who',
  action: 'Action',
  target: 'Target',
  site: 'Site',
  undo: 'Undo',
  undone: 'Undone',
  couldNotUndo: 'Could not undo:',
} as const;

/** The ban dialog opened from a queue card. */
export const BAN_DIALOG = {
  domainPublic: (domain: string) => `Everyone at ${domain}: a public mail provider!`,
  domain: (domain: string) => `Everyone at ${domain}`,
  title: (name: string) => `Ban ${name}`,
  never: 'Never',
  untilADate: 'Until a date…',
  banUntil: 'Ban until',
  optionalForOtherModerators: 'Optional, for other moderators',
  banAuthor: 'Ban author',
  banBy: 'Ban by',
  emailAddress: 'Email address',
  ipAddress: 'IP address',
  theAddressThisComment: 'The address this comment came from (stored hashed)',
  emailDomain: 'Email domain',
  expires: 'Expires',
  reason: 'Reason',
  alsoRejectThisComment: ' Also reject this comment',
  cancel: 'Cancel',
  pickTheDateThe: 'Pick the date the ban ends.',
  couldNotBan: 'Could not ban.',
} as const;

/** The bans page: add form, list, lift and undo. */
export const BANS = {
  banned: (what: string, site: string) => `Banned ${what} on ${site}.`,
  lifted: (what: string) => `Lifted the ban on ${what}.`,
  email: 'Email',
  ipAddress: 'IP address',
  domain: 'Domain',
  bans: 'Bans',
  bannedAuthorsCannotComment: 'Banned authors cannot comment (or are held, per the site setting).',
  banKind: 'Ban kind',
  value: 'Value',
  reasonOptional: 'Reason (optional)',
  reason: 'Reason',
  expiresOnOptional: 'Expires on (optional)',
  addBan: 'Add ban',
  enterWhatToBan: 'Enter what to ban.',
  theIpAddress: 'the IP address',
  couldNotBan: 'Could not ban.',
  noBans: 'No bans.',
  banAnAuthorFrom: 'Ban an author from a comment in the queue (b), or add one above.',
  kind: 'Kind',
  site: 'Site',
  created: 'Created',
  expires: 'Expires',
  remove: 'Remove',
  saltedHashOfThe: 'Salted hash of the IP address',
  expired: 'Expired',
  never: 'Never',
  undo: 'Undo',
  couldNotUndo: 'Could not undo:',
  couldNotLiftThe: 'Could not lift the ban:',
} as const;

/** Dialogs and the keyboard-shortcuts help. */
export const HELP = {
  close: 'Close',
  nextComment: 'Next comment',
  previousComment: 'Previous comment',
  approve: 'Approve',
  reject: 'Reject',
  markAsSpam: 'Mark as spam',
  notSpamApproveAnd: 'Not spam (approve and teach the filter)',
  banTheAuthor: 'Ban the author…',
  undoYourLastAction: 'Undo your last action',
  selectUnselectForBulk: 'Select / unselect for bulk actions',
  search: 'Search',
  showThisHelp: 'Show this help',
  esc: 'Esc',
  closeDialogsLeaveA: 'Close dialogs, leave a field',
  keyboardShortcuts: 'Keyboard shortcuts',
} as const;

/** The export page: site export and a commenter’s data (download, erase). */
export const EXPORT = {
  eraseBody:
    ' on every site loses its email, name (it becomes “Deleted user”), IP hash, browser and website; ' +
    'the audit log and the spam filter’s lessons forget them too. Replies stay in place. ' +
    'This cannot be undone.',
  siteExportHint:
    'The Parley export holds everything (posts, comments with their status and screening, ' +
    'bans, audit log, settings) and imports back into Parley; the WXR file imports into ' +
    'WordPress (Tools → Import → WordPress). Both hold commenters’ emails: keep them safe.',
  erasedToast: (comments: number) => `Erased ${count(comments, 'comment')}.`,
  erasedSummary: (e: {
    comments: number;
    sites: string[];
    bodies: string;
    bansLifted: number;
    auditEntriesScrubbed: number;
  }) =>
    `Erased ${count(e.comments, 'comment')}${e.sites.length ? ` on ${e.sites.join(', ')}` : ''}; ` +
    `text ${e.bodies}, ${count(e.bansLifted, 'ban')} lifted, ` +
    `${count(e.auditEntriesScrubbed, 'audit entry', 'audit entries')} cleaned.`,
  downloadParleyExportJsonl: 'Download Parley export (.jsonl)',
  downloadForWordpressWxr: 'Download for WordPress (WXR .xml)',
  thereIsNoSite: 'There is no site to export yet.',
  giveTheCommenterS: 'Give the commenter’s email.',
  downloadedTheCommenterS: 'Downloaded the commenter’s data.',
  eraseForGood: 'Erase for good',
  everyCommentWrittenWith: 'Every comment written with ',
  alsoRemoveTheText: 'Also remove the text of their comments',
  typeTheEmailAgain: 'Type the email again to confirm',
  eraseACommenter: 'Erase a commenter',
  export: 'Export',
  takeYourCommentsElsewhere: 'Take your comments elsewhere, or answer a commenter’s data request.',
  siteExport: 'Site export',
  commenterData: 'Commenter data',
  forACommenterS:
    'For a commenter’s request under data-protection law: download everything they wrote, or erase it.',
  commenterSEmail: 'Commenter’s email',
  downloadTheirData: 'Download their data',
  erase: 'Erase…',
} as const;

/** The import page: formats, options, job progress and results. */
export const IMPORT = {
  progress: (records: number, done: number, total: number) =>
    `${records.toLocaleString()} records read · ${done}/${total} threads`,
  postsLine: (verb: string, created: number, matched: number) =>
    `Posts ${verb}: ${created}; matched: ${matched}`,
  commentsLine: (verb: string, created: number, existing: number) =>
    `Comments ${verb}: ${created}; already there: ${existing}`,
  reattached: (n: number) => `Replies kept at the top (parent missing): ${n}`,
  flattened: (n: number) => `Replies attached higher (nesting limit): ${n}`,
  skippedCount: (n: number) => `Skipped: ${count(n, 'record')}`,
  skippedSummary: (n: number) => `Skipped (${n})`,
  skippedLine: (s: {
    entity: string;
    sourceId?: string | null;
    line?: number | null;
    reason: string;
  }) => `${s.entity} ${s.sourceId ?? '?'}${s.line ? ` (line ${s.line})` : ''}: ${s.reason}`,
  disqusXmlExport: 'Disqus XML export',
  wordpressWxrToolsExport: 'WordPress WXR (Tools → Export)',
  issoSqliteDatabase: 'Isso SQLite database',
  remark42Backup: 'Remark42 backup',
  commentoJsonExport: 'Commento JSON export',
  parleyExport: 'Parley export',
  format: 'Format',
  exportFile: 'Export file',
  urlRemappingRules: 'URL remapping rules',
  oldExampleComNew:
    'old.example.com=new.example.com\nhttp=https\ntrailing-slash=remove\n?p=/{slug}/',
  start: 'Start',
  file: 'File',
  urlRemappingOneFrom: 'URL remapping (one FROM=TO per line)',
  dryRunShowWhat: 'Dry run: show what would be created and matched, write nothing',
  importPingbacksAndTrackbacks: 'Import pingbacks and trackbacks',
  screenImportedCommentsThey: 'Screen imported comments (they were moderated at the source)',
  import: 'Import',
  bringCommentsInFrom:
    'Bring comments in from Disqus, WordPress, Isso, Remark42, Commento or Parley. Importing the same file again creates nothing new.',
  chooseASite: 'Choose a site.',
  chooseTheExportFile: 'Choose the export file.',
  wouldBeCreated: 'would be created',
  dryRun: 'Dry run',
  post: 'Post',
  comments: 'Comments',
} as const;

/** Page titles and the app-level messages (signed out, offline). */
export const TITLES = {
  queue: 'Queue',
  siteSettings: 'Site settings',
  notifications: 'Notifications',
  bans: 'Bans',
  auditLog: 'Audit log',
  stats: 'Stats',
  join: 'Join',
  youAreSignedOut: 'You are signed out.',
  yourSessionEndedPlease: 'Your session ended. Please sign in again.',
  cannotReachParley: 'Cannot reach Parley',
  tryAgain: 'Try again',
} as const;

/** The notifications page (moderation mail). */
export const NOTIFICATIONS = {
  immediatelyOneMailPer: 'Immediately, one mail per comment',
  hourlyDigest: 'Hourly digest',
  dailyDigest: 'Daily digest',
  off: 'Off',
  notifications: 'Notifications',
  mailAboutHeldToxic:
    'Mail about held, toxic and reported comments on your sites, with one-click links to decide.',
  mailIsOffOn:
    'Mail is off on this server (no SMTP_URL is configured): these settings apply once it is on.',
  whenACommentNeeds: 'When a comment needs moderation',
  weeklySummaryCountsAnd: 'Weekly summary (counts and top reasons)',
  mailLanguage: 'Language of your mails',
  /** Each language by its own name (the list of the widget's languages). */
  languageNames: {
    en: 'English',
    de: 'Deutsch',
    fr: 'Français',
    es: 'Español',
    pt: 'Português',
    it: 'Italiano',
    nl: 'Nederlands',
    pl: 'Polski',
    ru: 'Русский',
    ja: '日本語',
    zh: '中文',
    ar: 'العربية',
  },
  save: 'Save',
  notificationSettingsSaved: 'Notification settings saved.',
  couldNotSave: 'Could not save: ',
} as const;

/** The site settings page: section titles, field labels, help lines, save messages. */
export const SETTINGS = {
  fixFields: (unplaced: string[]) =>
    `Please fix the highlighted fields.${unplaced.length ? ` ${unplaced.join(' ')}` : ''}`,
  savedAt: (time: string) => `Saved at ${time}.`,
  nobodyPublishUnlessScreening: 'Nobody: publish unless screening holds it',
  firstTimeAuthors: 'First-time authors',
  authorsWithFewerThan: 'Authors with fewer than N approved comments',
  commentsWithLinks: 'Comments with links',
  everyone: 'Everyone',
  toxicity: 'Toxicity',
  severeToxicity: 'Severe toxicity',
  insult: 'Insult',
  profanity: 'Profanity',
  threat: 'Threat',
  identityAttack: 'Identity attack',
  siteSettings: 'Site settings',
  howCommentsAreScreened: 'How comments are screened and published on this site.',
  minApprovedLabel: 'N: approved comments needed',
  saveSettings: 'Save settings',
  general: 'General',
  siteName: 'Site name',
  allowedOrigins: 'Allowed origins',
  originsHint: 'One per line, e.g. https://blog.example.com. The widget only loads on these pages.',
  createPostsOnTheir: 'Create posts on their first comment',
  replyDepth: 'Reply depth',
  replyDepthHint: '1 = flat, no nested replies.',
  closeCommentsAfterDays: 'Close comments after (days)',
  closeAfterHint: '0 = never close.',
  longestCommentCharacters: 'Longest comment (characters)',
  premoderation: 'Premoderation',
  whoWaitsForA: 'Who waits for a moderator before appearing.',
  holdCommentsFrom: 'Hold comments from',
  linkLimit: 'Link limit',
  commentsWithMoreLinks: 'Comments with more links than this are held.',
  trustAuthorsWithAn: 'Trust authors with an approved comment',
  minimumSecondsToWrite: 'Minimum seconds to write a comment',
  fasterSubmissionsAreHeld: 'Faster submissions are held as likely bots.',
  words: 'Words',
  oneWordOrPhrase: 'One word or phrase per line; matching ignores case.',
  moderationWordsHold: 'Moderation words (hold)',
  disallowedWordsSpam: 'Disallowed words (spam)',
  aCommentScoringAt:
    'A comment scoring at or above the threshold gets the action. Warn asks the author to rephrase.',
  attribute: 'Attribute',
  threshold: 'Threshold',
  action: 'Action',
  spamThreshold: 'Spam threshold',
  learningClassifierProbabilityAt:
    'Learning classifier probability at or above which a comment is spam.',
  publishWhenAScreening: 'Publish when a screening provider is down (fail open)',
  reportsAndBans: 'Reports and bans',
  reportsBeforeReview: 'Reports before review',
  readerReportsThatSend: 'Reader reports that send a published comment to the Reported queue.',
  hideReportedCommentsUntil: 'Hide reported comments until reviewed',
  commentsByBannedAuthors: 'Comments by banned authors',
  refuseWithAnError: 'Refuse with an error',
  holdSilently: 'Hold silently',
  noChangesToSave: 'No changes to save.',
  saving: 'Saving…',
  settingsSaved: 'Settings saved.',
  couldNotSave: 'Could not save.',
} as const;

/** The sidebar shell: brand, role, live-connection status. */
export const SHELL = {
  administration: 'Administration',
  parley: 'Parley',
  moderation: 'Moderation',
  queues: 'Queues',
  admin: 'Admin',
  moderator: 'Moderator',
  notifications: 'Notifications',
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  newCommentsAppearAs: 'New comments appear as they arrive',
  liveUpdatesArePaused: 'Live updates are paused; the list may be out of date',
} as const;

/** The stats page. */
export const STATS = {
  lastDays: (d: number) => `Last ${d} days`,
  approved: 'Approved',
  pending: 'Pending',
  spam: 'Spam',
  rejected: 'Rejected',
  deleted: 'Deleted',
  stats: 'Stats',
  commentsByTheStatus: 'Comments by the status they have now, per day (UTC).',
  period: 'Period',
  comments: 'Comments',
  medianTimeToDecision: 'Median time to decision',
  day: 'Day',
  total: 'Total',
  chart: 'Chart',
} as const;

/** The webhooks page: endpoints, secrets, outbox and deliveries. */
export const WEBHOOKS = {
  secretToast: (title: string, secret: string) =>
    `${title} Its signing secret (shown once): ${secret}`,
  secretOnce: (title: string) => `${title} Copy its signing secret now; it is not shown again:`,
  pendingCount: (n: number) => `${n} pending`,
  failedCount: (n: number) => `${n} failed`,
  deliveredCount: (n: number) => `${n} delivered`,
  deleteConfirm: (url: string) => `Delete the endpoint ${url}?`,
  ms: (n: number) => `${n} ms`,
  somethingWentWrong: 'Something went wrong.',
  parleyPostsSignedEvents:
    'Parley POSTs signed events to these URLs; failed deliveries are retried for 14 hours.',
  endpointUrl: 'Endpoint URL',
  editEndpoint: 'Edit endpoint',
  addAnEndpoint: 'Add an endpoint',
  events: 'Events',
  privateIncludeTheCommenter: 'Private: include the commenter’s email',
  save: 'Save',
  add: 'Add',
  cancel: 'Cancel',
  endpointSaved: 'Endpoint saved.',
  endpointAdded: 'Endpoint added.',
  outbox: 'Outbox',
  kind: 'Kind',
  what: 'What',
  attempts: 'Attempts',
  lastError: 'Last error',
  failed: 'Failed',
  queuedAgain: 'Queued again.',
  retry: 'Retry',
  noEndpointsYet: 'No endpoints yet.',
  sendTestEvent: 'Send test event',
  testEventQueued: 'Test event queued.',
  deliveryLog: 'Delivery log',
  edit: 'Edit',
  disable: 'Disable',
  enable: 'Enable',
  rotateSecret: 'Rotate secret',
  rotateTheSigningSecret: 'Rotate the signing secret? The receiver must switch to the new one.',
  secretRotated: 'Secret rotated.',
  delete: 'Delete',
  endpointDeleted: 'Endpoint deleted.',
  noDeliveriesYet: 'No deliveries yet.',
  when: 'When',
  event: 'Event',
  try: 'Try',
  status: 'Status',
  time: 'Time',
  error: 'Error',
  redeliver: 'Redeliver',
  queuedForRedelivery: 'Queued for redelivery.',
} as const;

/** Durations and relative times (dom.ts). */
export const TIME = {
  justNow: 'just now',
  seconds: (s: number) => `${s} s`,
  minutes: (m: number) => `${m} min`,
  minutesSeconds: (m: number, s: number) => `${m} min ${s} s`,
  hours: (h: number) => `${h} h`,
  hoursMinutes: (h: number, m: number) => `${h} h ${m} min`,
  days: (d: string) => `${d} days`,
} as const;
