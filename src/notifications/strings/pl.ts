// Polish. Same keys and {placeholders} as en.ts; the widget's terms (komentarz, odpowiedź,
// moderator) and its "Ty".
import type { MailStrings } from './en.js';

export const pl: MailStrings = {
  footerWhy: 'Otrzymujesz tę wiadomość, ponieważ na ten adres zamówiono powiadomienia z {site}.',
  unsubscribeThread: 'Nie wysyłaj mi więcej e-maili o tej dyskusji',
  unsubscribeAll: 'Nie wysyłaj mi więcej e-maili z {site}',
  preferencesHint: 'Zmień to, co otrzymujesz, w sekcji Powiadomienia w panelu Parley.',

  heldSubject: '[{site}] Komentarz do „{title}” czeka na moderację',
  toxicSubject: '[{site}] Komentarz do „{title}” oznaczono jako toksyczny',
  reportedSubject: '[{site}] Czytelnicy zgłosili komentarz do „{title}”',
  heldIntro: 'Komentarz użytkownika {name} do „{title}” czeka na moderację.',
  toxicIntro: 'Komentarz użytkownika {name} do „{title}” oznaczono jako toksyczny.',
  reportedIntro: 'Czytelnicy zgłosili komentarz użytkownika {name} do „{title}” (zgłoszenia: {n}).',
  reasonsHeading: 'Powody',
  scoresHeading: 'Oceny',
  scoreToxicity: 'toksyczność {value}',
  scoreSpam: 'prawdopodobieństwo spamu {value}',
  approve: 'Zatwierdź',
  reject: 'Odrzuć',
  spam: 'Oznacz jako spam',
  linksHint: 'Każdy link otwiera stronę, na której potwierdzasz; każdy działa tylko raz.',
  openQueue: 'Otwórz kolejkę moderacji',

  digestSubject: '[{site}] Komentarze wymagające Twojej uwagi: {n}',
  digestSubjectOne: '[{site}] Komentarz wymaga Twojej uwagi',
  digestSubjectMany: '[Parley] Komentarze wymagające Twojej uwagi: {n}',
  digestIntro: 'Od Twojego ostatniego podsumowania:',
  weeklySubject: '[Parley] Twoje tygodniowe podsumowanie moderacji',
  weeklyIntro: 'W ostatnich siedmiu dniach na Twoich stronach:',
  weeklyCounts:
    'zatwierdzone: {approved}, oczekujące: {pending}, odrzucone: {rejected}, spam: {spam}.',
  weeklyTopReasons: 'Najczęstsze powody wstrzymania komentarzy:',

  confirmSubject: '[{site}] Potwierdź swój adres e-mail',
  confirmIntro:
    'Ktoś (mamy nadzieję, że Ty) poprosił o powiadomienia e-mailem o odpowiedziach na komentarz do „{title}”. Potwierdź swój adres, aby zacząć je otrzymywać:',
  confirmButton: 'Potwierdź mój adres',
  confirmIgnore: 'Jeśli to nie Ty, zignoruj tę wiadomość: nie otrzymasz nic więcej.',

  replySubject: '[{site}] {name} odpowiada na Twój komentarz do „{title}”',
  replyIntro: '{name} odpowiada na Twój komentarz do „{title}”:',
  readThread: 'Przeczytaj dyskusję',
  approvedSubject: '[{site}] Twój komentarz do „{title}” został opublikowany',
  approvedIntro: 'Moderator zatwierdził Twój komentarz do „{title}”.',

  pageTitle: 'Parley',
  pageModerateTitle: '{action}: ten komentarz?',
  pageModerateButton: '{action}',
  pageModerateDone: 'Gotowe. Nowy status komentarza: {status}.',
  statusApproved: 'zatwierdzony',
  statusPending: 'oczekuje na moderację',
  statusRejected: 'odrzucony',
  statusSpam: 'oznaczony jako spam',
  pageLinkUsed: 'Ten link został już użyty lub wygasł. Otwórz zamiast tego kolejkę moderacji.',
  pageLinkInvalid: 'Ten link jest nieprawidłowy.',
  pageConfirmTitle: 'Potwierdź swój adres e-mail',
  pageConfirmDone:
    'Dziękujemy: Twój adres został potwierdzony. Będziemy powiadamiać Cię e-mailem o odpowiedziach.',
  pageUnsubscribeThreadTitle: 'Nie otrzymywać więcej e-maili o tej dyskusji?',
  pageUnsubscribeAllTitle: 'Nie otrzymywać więcej żadnych e-maili?',
  pageUnsubscribeButton: 'Wypisz mnie',
  pageUnsubscribed: 'Wypisano Cię.',
  inviteSubject: '[Parley] {inviter} zaprasza Cię do moderowania komentarzy',
  inviteIntroModerator: '{inviter} zaprasza Cię do moderowania komentarzy w Parley.',
  inviteIntroAdmin: '{inviter} zaprasza Cię do Parley jako administratora.',
  inviteButton: 'Przyjmij zaproszenie',
  inviteHint:
    'Link otwiera stronę, na której wybierasz swoją nazwę i hasło. Działa tylko raz, przez {days} dni.',
  inviteIgnore: 'Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.',
};
