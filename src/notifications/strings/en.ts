// Every user-visible string of Parley's mails and mail pages, in English. Keyed the way the
// widget's strings are (web/widget/strings.ts): a translation is an object of the same shape,
// registered in strings/index.ts; {name} placeholders are filled by t().
export const en = {
  footerWhy: 'You receive this because you asked {site} to mail you.',
  unsubscribeThread: 'Stop mail about this thread',
  unsubscribeAll: 'Stop all mail from {site}',
  preferencesHint: 'Change what you receive under Notifications in the Parley dashboard.',

  heldSubject: '[{site}] A comment is waiting for moderation on “{title}”',
  toxicSubject: '[{site}] A comment was flagged as toxic on “{title}”',
  reportedSubject: '[{site}] Readers reported a comment on “{title}”',
  heldIntro: 'A comment by {name} on “{title}” is held for moderation.',
  toxicIntro: 'A comment by {name} on “{title}” was flagged as toxic.',
  reportedIntro: 'Readers reported a comment by {name} on “{title}” ({n} reports).',
  reasonsHeading: 'Why',
  scoresHeading: 'Scores',
  scoreToxicity: 'toxicity {value}',
  scoreSpam: 'spam {value}',
  approve: 'Approve',
  reject: 'Reject',
  spam: 'Mark as spam',
  linksHint: 'Each link opens a page where you confirm; each works once.',
  openQueue: 'Open the moderation queue',

  digestSubject: '[{site}] {n} comments need your attention',
  digestSubjectMany: '[Parley] {n} comments need your attention',
  digestIntro: 'Since your last digest:',
  weeklySubject: '[Parley] Your weekly moderation summary',
  weeklyIntro: 'In the last seven days on your sites:',
  weeklyCounts: '{approved} approved, {pending} waiting, {rejected} rejected, {spam} spam.',
  weeklyTopReasons: 'Top reasons for holding comments:',

  confirmSubject: '[{site}] Confirm your email address',
  confirmIntro:
    'Someone (hopefully you) asked to be mailed when there are replies to a comment on “{title}”. Confirm your address to start receiving them:',
  confirmButton: 'Confirm my address',
  confirmIgnore: 'If this was not you, ignore this mail: you will receive nothing else.',

  replySubject: '[{site}] {name} replied to your comment on “{title}”',
  replyIntro: '{name} replied to your comment on “{title}”:',
  readThread: 'Read the thread',
  approvedSubject: '[{site}] Your comment on “{title}” is published',
  approvedIntro: 'A moderator approved your comment on “{title}”.',

  pageTitle: 'Parley',
  pageModerateTitle: '{action} this comment?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Done: the comment is now {status}.',
  statusApproved: 'approved',
  statusPending: 'waiting for moderation',
  statusRejected: 'rejected',
  statusSpam: 'marked as spam',
  pageLinkUsed: 'This link was used already or has expired. Open the moderation queue instead.',
  pageLinkInvalid: 'This link is not valid.',
  pageConfirmTitle: 'Confirm your email address',
  pageConfirmDone: 'Thank you: your address is confirmed. You will be mailed about replies.',
  pageUnsubscribeThreadTitle: 'Stop mail about this thread?',
  pageUnsubscribeAllTitle: 'Stop all mail?',
  pageUnsubscribeButton: 'Unsubscribe',
  pageUnsubscribed: 'You are unsubscribed.',
};

export type MailStrings = typeof en;
