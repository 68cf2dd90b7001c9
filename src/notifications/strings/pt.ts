// Portuguese (Brazilian, as the widget). Same keys and {placeholders} as en.ts; the widget's
// terms (comentário, resposta, moderador) and its "você".
import type { MailStrings } from './en.js';

export const pt: MailStrings = {
  footerWhy: 'Você recebe este e-mail porque pediu ao site {site} para lhe escrever.',
  unsubscribeThread: 'Parar de receber e-mails sobre esta conversa',
  unsubscribeAll: 'Parar de receber e-mails de {site}',
  preferencesHint: 'Altere o que você recebe em Notificações, no painel do Parley.',

  heldSubject: '[{site}] Um comentário aguarda moderação em “{title}”',
  toxicSubject: '[{site}] Um comentário foi marcado como tóxico em “{title}”',
  reportedSubject: '[{site}] Leitores denunciaram um comentário em “{title}”',
  heldIntro: 'Um comentário de {name} em “{title}” está retido para moderação.',
  toxicIntro: 'Um comentário de {name} em “{title}” foi marcado como tóxico.',
  reportedIntro: 'Leitores denunciaram um comentário de {name} em “{title}” ({n} denúncias).',
  reasonsHeading: 'Motivos',
  scoresHeading: 'Pontuações',
  scoreToxicity: 'toxicidade {value}',
  scoreSpam: 'probabilidade de spam {value}',
  approve: 'Aprovar',
  reject: 'Rejeitar',
  spam: 'Marcar como spam',
  linksHint: 'Cada link abre uma página onde você confirma; cada um funciona uma única vez.',
  openQueue: 'Abrir a fila de moderação',

  digestSubject: '[{site}] {n} comentários precisam da sua atenção',
  digestSubjectOne: '[{site}] Um comentário precisa da sua atenção',
  digestSubjectMany: '[Parley] {n} comentários precisam da sua atenção',
  digestIntro: 'Desde o seu último resumo:',
  weeklySubject: '[Parley] Seu resumo semanal de moderação',
  weeklyIntro: 'Nos últimos sete dias nos seus sites:',
  weeklyCounts: '{approved} aprovados, {pending} aguardando, {rejected} rejeitados, {spam} spam.',
  weeklyTopReasons: 'Principais motivos para reter comentários:',

  confirmSubject: '[{site}] Confirme seu endereço de e-mail',
  confirmIntro:
    'Alguém (esperamos que você) pediu para receber um e-mail quando houver respostas a um comentário em “{title}”. Confirme seu endereço para começar a recebê-los:',
  confirmButton: 'Confirmar meu endereço',
  confirmIgnore: 'Se não foi você, ignore este e-mail: você não receberá mais nada.',

  replySubject: '[{site}] {name} respondeu ao seu comentário em “{title}”',
  replyIntro: '{name} respondeu ao seu comentário em “{title}”:',
  readThread: 'Ler a conversa',
  approvedSubject: '[{site}] Seu comentário em “{title}” foi publicado',
  approvedIntro: 'Um moderador aprovou seu comentário em “{title}”.',

  pageTitle: 'Parley',
  pageModerateTitle: '{action} este comentário?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Pronto: o comentário agora está {status}.',
  statusApproved: 'aprovado',
  statusPending: 'aguardando moderação',
  statusRejected: 'rejeitado',
  statusSpam: 'marcado como spam',
  pageLinkUsed: 'Este link já foi usado ou expirou. Abra a fila de moderação em vez disso.',
  pageLinkInvalid: 'Este link não é válido.',
  pageConfirmTitle: 'Confirme seu endereço de e-mail',
  pageConfirmDone:
    'Obrigado: seu endereço está confirmado. Você receberá e-mails sobre as respostas.',
  pageUnsubscribeThreadTitle: 'Parar de receber e-mails sobre esta conversa?',
  pageUnsubscribeAllTitle: 'Parar de receber todos os e-mails?',
  pageUnsubscribeButton: 'Cancelar inscrição',
  pageUnsubscribed: 'Sua inscrição foi cancelada.',
  inviteSubject: '[Parley] {inviter} convidou você para moderar comentários',
  inviteIntroModerator: '{inviter} convidou você para moderar comentários com o Parley.',
  inviteIntroAdmin: '{inviter} convidou você para o Parley como administrador.',
  inviteButton: 'Aceitar o convite',
  inviteHint:
    'O link abre uma página onde você escolhe seu nome e sua senha. Ele funciona uma única vez, durante {days} dias.',
  inviteIgnore: 'Se você não esperava este convite, ignore este e-mail.',
};
