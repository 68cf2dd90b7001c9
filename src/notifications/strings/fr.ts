// French. Same keys and {placeholders} as en.ts; the widget's terms (commentaire, réponse,
// modérateur) and its "vous".
import type { MailStrings } from './en.js';

export const fr: MailStrings = {
  footerWhy: 'Vous recevez ce message parce que vous avez demandé à {site} de vous écrire.',
  unsubscribeThread: 'Ne plus recevoir d’e-mails sur cette discussion',
  unsubscribeAll: 'Ne plus recevoir d’e-mails de {site}',
  preferencesHint:
    'Choisissez ce que vous recevez dans Notifications, sur le tableau de bord de Parley.',

  heldSubject: '[{site}] Un commentaire attend la modération sur « {title} »',
  toxicSubject: '[{site}] Un commentaire a été signalé comme toxique sur « {title} »',
  reportedSubject: '[{site}] Des lecteurs ont signalé un commentaire sur « {title} »',
  heldIntro: 'Un commentaire de {name} sur « {title} » est retenu pour modération.',
  toxicIntro: 'Un commentaire de {name} sur « {title} » a été signalé comme toxique.',
  reportedIntro:
    'Des lecteurs ont signalé un commentaire de {name} sur « {title} » ({n} signalements).',
  reasonsHeading: 'Pourquoi',
  scoresHeading: 'Évaluations',
  scoreToxicity: 'toxicité {value}',
  scoreSpam: 'indésirable {value}',
  approve: 'Approuver',
  reject: 'Refuser',
  spam: 'Marquer comme indésirable',
  linksHint: 'Chaque lien ouvre une page où vous confirmez ; chacun ne sert qu’une fois.',
  openQueue: 'Ouvrir la file de modération',

  digestSubject: '[{site}] {n} commentaires demandent votre attention',
  digestSubjectOne: '[{site}] Un commentaire demande votre attention',
  digestSubjectMany: '[Parley] {n} commentaires demandent votre attention',
  digestIntro: 'Depuis votre dernier récapitulatif :',
  weeklySubject: '[Parley] Votre bilan de modération de la semaine',
  weeklyIntro: 'Ces sept derniers jours sur vos sites :',
  weeklyCounts:
    '{approved} approuvés, {pending} en attente, {rejected} refusés, {spam} indésirables.',
  weeklyTopReasons: 'Principales raisons de retenir des commentaires :',

  confirmSubject: '[{site}] Confirmez votre adresse e-mail',
  confirmIntro:
    'Quelqu’un (vous, espérons-le) a demandé à être averti par e-mail des réponses à un commentaire sur « {title} ». Confirmez votre adresse pour commencer à les recevoir :',
  confirmButton: 'Confirmer mon adresse',
  confirmIgnore: 'Si ce n’était pas vous, ignorez ce message : vous ne recevrez rien d’autre.',

  replySubject: '[{site}] {name} a répondu à votre commentaire sur « {title} »',
  replyIntro: '{name} a répondu à votre commentaire sur « {title} » :',
  readThread: 'Lire la discussion',
  approvedSubject: '[{site}] Votre commentaire sur « {title} » est publié',
  approvedIntro: 'Un modérateur a approuvé votre commentaire sur « {title} ».',

  pageTitle: 'Parley',
  pageModerateTitle: '{action} ce commentaire ?',
  pageModerateButton: '{action}',
  pageModerateDone: 'C’est fait : le commentaire est maintenant {status}.',
  statusApproved: 'approuvé',
  statusPending: 'en attente de modération',
  statusRejected: 'refusé',
  statusSpam: 'marqué comme indésirable',
  pageLinkUsed: 'Ce lien a déjà servi ou a expiré. Ouvrez plutôt la file de modération.',
  pageLinkInvalid: 'Ce lien n’est pas valide.',
  pageConfirmTitle: 'Confirmez votre adresse e-mail',
  pageConfirmDone:
    'Merci : votre adresse est confirmée. Nous vous écrirons quand il y aura des réponses.',
  pageUnsubscribeThreadTitle: 'Ne plus recevoir d’e-mails sur cette discussion ?',
  pageUnsubscribeAllTitle: 'Ne plus recevoir aucun e-mail ?',
  pageUnsubscribeButton: 'Se désabonner',
  pageUnsubscribed: 'Votre désabonnement est enregistré.',
  inviteSubject: '[Parley] {inviter} vous invite à modérer des commentaires',
  inviteIntroModerator: '{inviter} vous invite à modérer des commentaires avec Parley.',
  inviteIntroAdmin: '{inviter} vous invite sur Parley en tant qu’administrateur.',
  inviteButton: 'Accepter l’invitation',
  inviteHint:
    'Le lien ouvre une page où vous choisissez votre nom et votre mot de passe. Il ne sert qu’une fois, pendant {days} jours.',
  inviteIgnore: 'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
};
