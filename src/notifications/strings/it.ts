// Italian. Same keys and {placeholders} as en.ts; the widget's terms (commento, risposta,
// moderatore) and its "tu".
import type { MailStrings } from './en.js';

export const it: MailStrings = {
  footerWhy: 'Ricevi questa email perché hai chiesto a {site} di scriverti.',
  unsubscribeThread: 'Non ricevere più email su questa discussione',
  unsubscribeAll: 'Non ricevere più email da {site}',
  preferencesHint: 'Scegli cosa ricevere in Notifiche, nella dashboard di Parley.',

  heldSubject: '[{site}] Un commento attende la moderazione su “{title}”',
  toxicSubject: '[{site}] Un commento è stato segnalato come tossico su “{title}”',
  reportedSubject: '[{site}] I lettori hanno segnalato un commento su “{title}”',
  heldIntro: 'Un commento di {name} su “{title}” è in attesa di moderazione.',
  toxicIntro: 'Un commento di {name} su “{title}” è stato segnalato come tossico.',
  reportedIntro: 'I lettori hanno segnalato un commento di {name} su “{title}” ({n} segnalazioni).',
  reasonsHeading: 'Motivi',
  scoresHeading: 'Punteggi',
  scoreToxicity: 'tossicità {value}',
  scoreSpam: 'probabilità di spam {value}',
  approve: 'Approva',
  reject: 'Rifiuta',
  spam: 'Segna come spam',
  linksHint: 'Ogni link apre una pagina in cui confermi; ognuno funziona una sola volta.',
  openQueue: 'Apri la coda di moderazione',

  digestSubject: '[{site}] {n} commenti richiedono la tua attenzione',
  digestSubjectMany: '[Parley] {n} commenti richiedono la tua attenzione',
  digestIntro: 'Dal tuo ultimo riepilogo:',
  weeklySubject: '[Parley] Il tuo riepilogo settimanale di moderazione',
  weeklyIntro: 'Negli ultimi sette giorni sui tuoi siti:',
  weeklyCounts: '{approved} approvati, {pending} in attesa, {rejected} rifiutati, {spam} spam.',
  weeklyTopReasons: 'Motivi più frequenti per trattenere i commenti:',

  confirmSubject: '[{site}] Conferma il tuo indirizzo email',
  confirmIntro:
    'Qualcuno (speriamo tu) ha chiesto di ricevere un’email quando ci sono risposte a un commento su “{title}”. Conferma il tuo indirizzo per iniziare a riceverle:',
  confirmButton: 'Conferma il mio indirizzo',
  confirmIgnore: 'Se non sei stato tu, ignora questa email: non riceverai nient’altro.',

  replySubject: '[{site}] {name} ha risposto al tuo commento su “{title}”',
  replyIntro: '{name} ha risposto al tuo commento su “{title}”:',
  readThread: 'Leggi la discussione',
  approvedSubject: '[{site}] Il tuo commento su “{title}” è stato pubblicato',
  approvedIntro: 'Un moderatore ha approvato il tuo commento su “{title}”.',

  pageTitle: 'Parley',
  pageModerateTitle: '{action} questo commento?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Fatto: ora il commento è {status}.',
  statusApproved: 'approvato',
  statusPending: 'in attesa di moderazione',
  statusRejected: 'rifiutato',
  statusSpam: 'segnato come spam',
  pageLinkUsed: 'Questo link è già stato usato o è scaduto. Apri invece la coda di moderazione.',
  pageLinkInvalid: 'Questo link non è valido.',
  pageConfirmTitle: 'Conferma il tuo indirizzo email',
  pageConfirmDone:
    'Grazie: il tuo indirizzo è confermato. Riceverai un’email quando ci sono risposte.',
  pageUnsubscribeThreadTitle: 'Non ricevere più email su questa discussione?',
  pageUnsubscribeAllTitle: 'Non ricevere più nessuna email?',
  pageUnsubscribeButton: 'Annulla l’iscrizione',
  pageUnsubscribed: 'La tua iscrizione è stata annullata.',
};
