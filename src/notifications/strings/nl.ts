// Dutch. Same keys and {placeholders} as en.ts; the widget's terms (reactie, moderator) and
// its "je".
import type { MailStrings } from './en.js';

export const nl: MailStrings = {
  footerWhy: 'Je ontvangt dit omdat je {site} hebt gevraagd je te mailen.',
  unsubscribeThread: 'Geen e-mail meer over deze discussie',
  unsubscribeAll: 'Geen e-mail meer van {site}',
  preferencesHint: 'Wijzig wat je ontvangt onder Meldingen in het Parley-dashboard.',

  heldSubject: '[{site}] Een reactie op „{title}” wacht op moderatie',
  toxicSubject: '[{site}] Een reactie op „{title}” is als giftig gemarkeerd',
  reportedSubject: '[{site}] Lezers hebben een reactie op „{title}” gemeld',
  heldIntro: 'Een reactie van {name} op „{title}” wordt vastgehouden voor moderatie.',
  toxicIntro: 'Een reactie van {name} op „{title}” is als giftig gemarkeerd.',
  reportedIntro: 'Lezers hebben een reactie van {name} op „{title}” gemeld ({n} meldingen).',
  reasonsHeading: 'Waarom',
  scoresHeading: 'Beoordelingen',
  scoreToxicity: 'giftigheid {value}',
  scoreSpam: 'spamkans {value}',
  approve: 'Goedkeuren',
  reject: 'Afwijzen',
  spam: 'Markeren als spam',
  linksHint: 'Elke link opent een pagina waarop je bevestigt; elke link werkt maar één keer.',
  openQueue: 'Open de moderatiewachtrij',

  digestSubject: '[{site}] {n} reacties hebben je aandacht nodig',
  digestSubjectOne: '[{site}] Een reactie heeft je aandacht nodig',
  digestSubjectMany: '[Parley] {n} reacties hebben je aandacht nodig',
  digestIntro: 'Sinds je laatste overzicht:',
  weeklySubject: '[Parley] Je wekelijkse moderatieoverzicht',
  weeklyIntro: 'De afgelopen zeven dagen op je sites:',
  weeklyCounts: '{approved} goedgekeurd, {pending} wachtend, {rejected} afgewezen, {spam} spam.',
  weeklyTopReasons: 'Meest voorkomende redenen om reacties vast te houden:',

  confirmSubject: '[{site}] Bevestig je e-mailadres',
  confirmIntro:
    'Iemand (hopelijk jij) heeft gevraagd een e-mail te krijgen als er gereageerd wordt op een reactie bij „{title}”. Bevestig je adres om ze te ontvangen:',
  confirmButton: 'Mijn adres bevestigen',
  confirmIgnore: 'Was jij dit niet? Negeer dan deze e-mail: je ontvangt verder niets.',

  replySubject: '[{site}] {name} heeft gereageerd op je reactie bij „{title}”',
  replyIntro: '{name} heeft gereageerd op je reactie bij „{title}”:',
  readThread: 'Lees de discussie',
  approvedSubject: '[{site}] Je reactie bij „{title}” is geplaatst',
  approvedIntro: 'Een moderator heeft je reactie bij „{title}” goedgekeurd.',

  pageTitle: 'Parley',
  pageModerateTitle: 'Deze reactie: {action}?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Klaar: de reactie is nu {status}.',
  statusApproved: 'goedgekeurd',
  statusPending: 'in afwachting van moderatie',
  statusRejected: 'afgewezen',
  statusSpam: 'als spam gemarkeerd',
  pageLinkUsed:
    'Deze link is al gebruikt of verlopen. Open in plaats daarvan de moderatiewachtrij.',
  pageLinkInvalid: 'Deze link is niet geldig.',
  pageConfirmTitle: 'Bevestig je e-mailadres',
  pageConfirmDone:
    'Bedankt: je adres is bevestigd. Je krijgt een e-mail als er op je gereageerd wordt.',
  pageUnsubscribeThreadTitle: 'Geen e-mail meer over deze discussie?',
  pageUnsubscribeAllTitle: 'Helemaal geen e-mail meer?',
  pageUnsubscribeButton: 'Afmelden',
  pageUnsubscribed: 'Je bent afgemeld.',
  inviteSubject: '[Parley] {inviter} nodigt je uit om reacties te modereren',
  inviteIntroModerator: '{inviter} nodigt je uit om met Parley reacties te modereren.',
  inviteIntroAdmin: '{inviter} nodigt je uit voor Parley als beheerder.',
  inviteButton: 'Uitnodiging accepteren',
  inviteHint:
    'De link opent een pagina waarop je je naam en wachtwoord kiest. Hij werkt één keer, {days} dagen lang.',
  inviteIgnore: 'Had je deze uitnodiging niet verwacht? Negeer dan deze e-mail.',
};
