// Japanese. Same keys and {placeholders} as en.ts; the widget's terms (コメント, 返信,
// モデレーター), polite form.
import type { MailStrings } from './en.js';

export const ja: MailStrings = {
  footerWhy: '{site} からのメール通知をご希望いただいたため、このメールをお送りしています。',
  unsubscribeThread: 'このスレッドに関するメールを停止する',
  unsubscribeAll: '{site} からのメールをすべて停止する',
  preferencesHint: '受け取る内容は Parley ダッシュボードの「通知」で変更できます。',

  heldSubject: '[{site}] 「{title}」のコメントがモデレーション待ちです',
  toxicSubject: '[{site}] 「{title}」のコメントが有害と判定されました',
  reportedSubject: '[{site}] 「{title}」のコメントが読者から報告されました',
  heldIntro: '「{title}」への {name} さんのコメントがモデレーション待ちになっています。',
  toxicIntro: '「{title}」への {name} さんのコメントが有害と判定されました。',
  reportedIntro: '「{title}」への {name} さんのコメントが読者から報告されました（{n} 件）。',
  reasonsHeading: '理由',
  scoresHeading: 'スコア',
  scoreToxicity: '有害性 {value}',
  scoreSpam: 'スパム {value}',
  approve: '承認',
  reject: '却下',
  spam: 'スパム判定',
  linksHint: '各リンクは確認ページを開きます。どのリンクも一度だけ使えます。',
  openQueue: 'モデレーションキューを開く',

  digestSubject: '[{site}] 対応が必要なコメントが {n} 件あります',
  digestSubjectOne: '[{site}] 対応が必要なコメントが 1 件あります',
  digestSubjectMany: '[Parley] 対応が必要なコメントが {n} 件あります',
  digestIntro: '前回のまとめ以降：',
  weeklySubject: '[Parley] 週間モデレーションまとめ',
  weeklyIntro: '過去 7 日間のあなたのサイト：',
  weeklyCounts: '承認 {approved} 件、保留中 {pending} 件、却下 {rejected} 件、スパム {spam} 件。',
  weeklyTopReasons: 'コメントが保留された主な理由：',

  confirmSubject: '[{site}] メールアドレスの確認',
  confirmIntro:
    '「{title}」のコメントに返信があったときにメールで通知するよう依頼がありました（ご本人であることを願っています）。受け取りを始めるには、メールアドレスを確認してください：',
  confirmButton: 'メールアドレスを確認する',
  confirmIgnore: 'お心当たりがない場合は、このメールを無視してください。今後メールは届きません。',

  replySubject: '[{site}] {name} さんが「{title}」のあなたのコメントに返信しました',
  replyIntro: '{name} さんが「{title}」のあなたのコメントに返信しました：',
  readThread: 'スレッドを読む',
  approvedSubject: '[{site}] 「{title}」へのあなたのコメントが公開されました',
  approvedIntro: 'モデレーターが「{title}」へのあなたのコメントを承認しました。',

  pageTitle: 'Parley',
  pageModerateTitle: 'このコメントを{action}しますか？',
  pageModerateButton: '{action}',
  pageModerateDone: '完了しました。コメントは「{status}」になりました。',
  statusApproved: '承認済み',
  statusPending: 'モデレーション待ち',
  statusRejected: '却下',
  statusSpam: 'スパム',
  pageLinkUsed:
    'このリンクは使用済みか、有効期限が切れています。モデレーションキューを開いてください。',
  pageLinkInvalid: 'このリンクは無効です。',
  pageConfirmTitle: 'メールアドレスの確認',
  pageConfirmDone:
    'ありがとうございます。メールアドレスが確認されました。返信があるとメールでお知らせします。',
  pageUnsubscribeThreadTitle: 'このスレッドに関するメールを停止しますか？',
  pageUnsubscribeAllTitle: 'すべてのメールを停止しますか？',
  pageUnsubscribeButton: '配信を停止',
  pageUnsubscribed: '配信を停止しました。',
  inviteSubject: '[Parley] {inviter} さんからコメントのモデレーションへの招待が届きました',
  inviteIntroModerator:
    '{inviter} さんから、Parley でコメントをモデレーションするよう招待されました。',
  inviteIntroAdmin: '{inviter} さんから、管理者として Parley に招待されました。',
  inviteButton: '招待を受ける',
  inviteHint:
    'リンクを開くと、名前とパスワードを設定するページが表示されます。リンクは {days} 日間、一度だけ使えます。',
  inviteIgnore: 'この招待にお心当たりがない場合は、このメールを無視してください。',
};
