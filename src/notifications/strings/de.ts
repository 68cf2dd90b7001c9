// German. Same keys and {placeholders} as en.ts; the widget's terms (Kommentar, Antwort,
// Moderator) and its formal "Sie".
import type { MailStrings } from './en.js';

export const de: MailStrings = {
  footerWhy: 'Sie erhalten diese E-Mail, weil Sie {site} darum gebeten haben.',
  unsubscribeThread: 'Keine E-Mails mehr zu dieser Diskussion',
  unsubscribeAll: 'Keine E-Mails mehr von {site}',
  preferencesHint: 'Was Sie erhalten, ändern Sie im Parley-Dashboard unter „Benachrichtigungen“.',

  heldSubject: '[{site}] Ein Kommentar zu „{title}“ wartet auf Freigabe',
  toxicSubject: '[{site}] Ein Kommentar zu „{title}“ wurde als toxisch markiert',
  reportedSubject: '[{site}] Leser haben einen Kommentar zu „{title}“ gemeldet',
  heldIntro: 'Ein Kommentar von {name} zu „{title}“ wartet auf Freigabe.',
  toxicIntro: 'Ein Kommentar von {name} zu „{title}“ wurde als toxisch markiert.',
  reportedIntro: 'Leser haben einen Kommentar von {name} zu „{title}“ gemeldet ({n} Meldungen).',
  reasonsHeading: 'Gründe',
  scoresHeading: 'Bewertungen',
  scoreToxicity: 'Toxizität {value}',
  scoreSpam: 'Spam-Wert {value}',
  approve: 'Freigeben',
  reject: 'Ablehnen',
  spam: 'Als Spam markieren',
  linksHint: 'Jeder Link öffnet eine Seite, auf der Sie bestätigen; jeder funktioniert nur einmal.',
  openQueue: 'Moderationswarteschlange öffnen',

  digestSubject: '[{site}] {n} Kommentare brauchen Ihre Aufmerksamkeit',
  digestSubjectOne: '[{site}] Ein Kommentar braucht Ihre Aufmerksamkeit',
  digestSubjectMany: '[Parley] {n} Kommentare brauchen Ihre Aufmerksamkeit',
  digestIntro: 'Seit Ihrer letzten Zusammenfassung:',
  weeklySubject: '[Parley] Ihre wöchentliche Moderationsübersicht',
  weeklyIntro: 'In den letzten sieben Tagen auf Ihren Websites:',
  weeklyCounts: '{approved} freigegeben, {pending} wartend, {rejected} abgelehnt, {spam} Spam.',
  weeklyTopReasons: 'Häufigste Gründe, Kommentare zurückzuhalten:',

  confirmSubject: '[{site}] Bestätigen Sie Ihre E-Mail-Adresse',
  confirmIntro:
    'Jemand (hoffentlich Sie) möchte per E-Mail benachrichtigt werden, wenn es Antworten auf einen Kommentar zu „{title}“ gibt. Bestätigen Sie Ihre Adresse, um sie zu erhalten:',
  confirmButton: 'Meine Adresse bestätigen',
  confirmIgnore:
    'Falls Sie das nicht waren, ignorieren Sie diese E-Mail: Sie erhalten dann nichts weiter.',

  replySubject: '[{site}] {name} hat auf Ihren Kommentar zu „{title}“ geantwortet',
  replyIntro: '{name} hat auf Ihren Kommentar zu „{title}“ geantwortet:',
  readThread: 'Diskussion lesen',
  approvedSubject: '[{site}] Ihr Kommentar zu „{title}“ wurde veröffentlicht',
  approvedIntro: 'Ein Moderator hat Ihren Kommentar zu „{title}“ freigegeben.',

  pageTitle: 'Parley',
  pageModerateTitle: '„{action}“ für diesen Kommentar?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Erledigt: Der Kommentar ist jetzt {status}.',
  statusApproved: 'freigegeben',
  statusPending: 'in der Warteschlange',
  statusRejected: 'abgelehnt',
  statusSpam: 'als Spam markiert',
  pageLinkUsed:
    'Dieser Link wurde bereits verwendet oder ist abgelaufen. Öffnen Sie stattdessen die Moderationswarteschlange.',
  pageLinkInvalid: 'Dieser Link ist ungültig.',
  pageConfirmTitle: 'Bestätigen Sie Ihre E-Mail-Adresse',
  pageConfirmDone:
    'Vielen Dank: Ihre Adresse ist bestätigt. Sie werden bei Antworten per E-Mail benachrichtigt.',
  pageUnsubscribeThreadTitle: 'Keine E-Mails mehr zu dieser Diskussion?',
  pageUnsubscribeAllTitle: 'Keine E-Mails mehr?',
  pageUnsubscribeButton: 'Abmelden',
  pageUnsubscribed: 'Sie sind abgemeldet.',
  inviteSubject: '[Parley] {inviter} hat Sie eingeladen, Kommentare zu moderieren',
  inviteIntroModerator: '{inviter} hat Sie eingeladen, mit Parley Kommentare zu moderieren.',
  inviteIntroAdmin: '{inviter} hat Sie als Administrator zu Parley eingeladen.',
  inviteButton: 'Einladung annehmen',
  inviteHint:
    'Der Link öffnet eine Seite, auf der Sie Ihren Namen und Ihr Passwort wählen. Er funktioniert einmal, {days} Tage lang.',
  inviteIgnore: 'Falls Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
};
