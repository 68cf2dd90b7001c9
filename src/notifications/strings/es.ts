// Spanish. Same keys and {placeholders} as en.ts; the widget's terms (comentario, respuesta,
// moderador) and its "tú".
import type { MailStrings } from './en.js';

export const es: MailStrings = {
  footerWhy: 'Recibes este correo porque pediste a {site} que te escribiera.',
  unsubscribeThread: 'No recibir más correos sobre esta conversación',
  unsubscribeAll: 'No recibir más correos de {site}',
  preferencesHint: 'Cambia lo que recibes en Notificaciones, en el panel de Parley.',

  heldSubject: '[{site}] Un comentario espera moderación en «{title}»',
  toxicSubject: '[{site}] Un comentario se marcó como tóxico en «{title}»',
  reportedSubject: '[{site}] Los lectores denunciaron un comentario en «{title}»',
  heldIntro: 'Un comentario de {name} en «{title}» está retenido para moderación.',
  toxicIntro: 'Un comentario de {name} en «{title}» se marcó como tóxico.',
  reportedIntro: 'Los lectores denunciaron un comentario de {name} en «{title}» ({n} denuncias).',
  reasonsHeading: 'Motivos',
  scoresHeading: 'Puntuaciones',
  scoreToxicity: 'toxicidad {value}',
  scoreSpam: 'probabilidad de spam {value}',
  approve: 'Aprobar',
  reject: 'Rechazar',
  spam: 'Marcar como spam',
  linksHint: 'Cada enlace abre una página donde confirmas; cada uno funciona una sola vez.',
  openQueue: 'Abrir la cola de moderación',

  digestSubject: '[{site}] {n} comentarios necesitan tu atención',
  digestSubjectMany: '[Parley] {n} comentarios necesitan tu atención',
  digestIntro: 'Desde tu último resumen:',
  weeklySubject: '[Parley] Tu resumen semanal de moderación',
  weeklyIntro: 'En los últimos siete días en tus sitios:',
  weeklyCounts: '{approved} aprobados, {pending} en espera, {rejected} rechazados, {spam} spam.',
  weeklyTopReasons: 'Motivos más frecuentes para retener comentarios:',

  confirmSubject: '[{site}] Confirma tu dirección de correo electrónico',
  confirmIntro:
    'Alguien (esperamos que tú) pidió recibir un correo cuando haya respuestas a un comentario en «{title}». Confirma tu dirección para empezar a recibirlos:',
  confirmButton: 'Confirmar mi dirección',
  confirmIgnore: 'Si no fuiste tú, ignora este correo: no recibirás nada más.',

  replySubject: '[{site}] {name} respondió a tu comentario en «{title}»',
  replyIntro: '{name} respondió a tu comentario en «{title}»:',
  readThread: 'Leer la conversación',
  approvedSubject: '[{site}] Tu comentario en «{title}» se ha publicado',
  approvedIntro: 'Un moderador aprobó tu comentario en «{title}».',

  pageTitle: 'Parley',
  pageModerateTitle: '¿{action} este comentario?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Hecho: el comentario ahora está {status}.',
  statusApproved: 'aprobado',
  statusPending: 'en espera de moderación',
  statusRejected: 'rechazado',
  statusSpam: 'marcado como spam',
  pageLinkUsed: 'Este enlace ya se usó o ha caducado. Abre la cola de moderación en su lugar.',
  pageLinkInvalid: 'Este enlace no es válido.',
  pageConfirmTitle: 'Confirma tu dirección de correo electrónico',
  pageConfirmDone:
    'Gracias: tu dirección está confirmada. Te avisaremos por correo de las respuestas.',
  pageUnsubscribeThreadTitle: '¿Dejar de recibir correos sobre esta conversación?',
  pageUnsubscribeAllTitle: '¿Dejar de recibir todos los correos?',
  pageUnsubscribeButton: 'Darme de baja',
  pageUnsubscribed: 'Te has dado de baja.',
};
