// Arabic (the mails' HTML parts are dir="rtl"). Same keys and {placeholders} as en.ts; the
// widget's terms (تعليق, رد, مشرف).
import type { MailStrings } from './en.js';

export const ar: MailStrings = {
  footerWhy: 'تصلك هذه الرسالة لأنك طلبت من {site} مراسلتك.',
  unsubscribeThread: 'إيقاف الرسائل عن هذا النقاش',
  unsubscribeAll: 'إيقاف كل الرسائل من {site}',
  preferencesHint: 'غيّر ما يصلك من قسم الإشعارات في لوحة تحكم Parley.',

  heldSubject: '[{site}] تعليق على «{title}» بانتظار الإشراف',
  toxicSubject: '[{site}] وُسم تعليق على «{title}» بأنه مسيء',
  reportedSubject: '[{site}] أبلغ القرّاء عن تعليق على «{title}»',
  heldIntro: 'تعليق من {name} على «{title}» محتجز بانتظار الإشراف.',
  toxicIntro: 'وُسم تعليق من {name} على «{title}» بأنه مسيء.',
  reportedIntro: 'أبلغ القرّاء عن تعليق من {name} على «{title}» (عدد البلاغات: {n}).',
  reasonsHeading: 'الأسباب',
  scoresHeading: 'الدرجات',
  scoreToxicity: 'الإساءة {value}',
  scoreSpam: 'الرسائل المزعجة {value}',
  approve: 'موافقة',
  reject: 'رفض',
  spam: 'وسم كرسالة مزعجة',
  linksHint: 'يفتح كل رابط صفحة تؤكد فيها اختيارك؛ ولا يعمل كل رابط إلا مرة واحدة.',
  openQueue: 'فتح قائمة الإشراف',

  digestSubject: '[{site}] تعليقات تحتاج إلى انتباهك: {n}',
  digestSubjectOne: '[{site}] تعليق يحتاج إلى انتباهك',
  digestSubjectMany: '[Parley] تعليقات تحتاج إلى انتباهك: {n}',
  digestIntro: 'منذ آخر ملخص:',
  weeklySubject: '[Parley] ملخص الإشراف الأسبوعي',
  weeklyIntro: 'خلال الأيام السبعة الماضية على مواقعك:',
  weeklyCounts:
    'تمت الموافقة: {approved}، بالانتظار: {pending}، مرفوضة: {rejected}، مزعجة: {spam}.',
  weeklyTopReasons: 'أكثر أسباب احتجاز التعليقات:',

  confirmSubject: '[{site}] أكّد عنوان بريدك الإلكتروني',
  confirmIntro:
    'طلب أحدهم (نأمل أن تكون أنت) أن يُراسَل عند وصول ردود على تعليق على «{title}». أكّد عنوانك لتبدأ باستلامها:',
  confirmButton: 'تأكيد عنواني',
  confirmIgnore: 'إن لم تكن أنت، فتجاهل هذه الرسالة: لن يصلك شيء آخر.',

  replySubject: '[{site}] ردّ {name} على تعليقك على «{title}»',
  replyIntro: 'ردّ {name} على تعليقك على «{title}»:',
  readThread: 'قراءة النقاش',
  approvedSubject: '[{site}] نُشر تعليقك على «{title}»',
  approvedIntro: 'وافق أحد المشرفين على تعليقك على «{title}».',

  pageTitle: 'Parley',
  pageModerateTitle: 'هل تريد تنفيذ «{action}» على هذا التعليق؟',
  pageModerateButton: '{action}',
  pageModerateDone: 'تم: حالة التعليق الآن «{status}».',
  statusApproved: 'تمت الموافقة عليه',
  statusPending: 'بانتظار الإشراف',
  statusRejected: 'مرفوض',
  statusSpam: 'رسالة مزعجة',
  pageLinkUsed: 'سبق استخدام هذا الرابط أو انتهت صلاحيته. افتح قائمة الإشراف بدلًا من ذلك.',
  pageLinkInvalid: 'هذا الرابط غير صالح.',
  pageConfirmTitle: 'أكّد عنوان بريدك الإلكتروني',
  pageConfirmDone: 'شكرًا لك: تم تأكيد عنوانك. ستصلك رسالة عند وصول الردود.',
  pageUnsubscribeThreadTitle: 'إيقاف الرسائل عن هذا النقاش؟',
  pageUnsubscribeAllTitle: 'إيقاف كل الرسائل؟',
  pageUnsubscribeButton: 'إلغاء الاشتراك',
  pageUnsubscribed: 'تم إلغاء اشتراكك.',
  inviteSubject: '[Parley] دعاك {inviter} إلى الإشراف على التعليقات',
  inviteIntroModerator: 'دعاك {inviter} إلى الإشراف على التعليقات باستخدام Parley.',
  inviteIntroAdmin: 'دعاك {inviter} إلى Parley بصفة مدير.',
  inviteButton: 'قبول الدعوة',
  inviteHint:
    'يفتح الرابط صفحة تختار فيها اسمك وكلمة مرورك. ولا يعمل إلا مرة واحدة، لمدة {days} أيام.',
  inviteIgnore: 'إن لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.',
};
