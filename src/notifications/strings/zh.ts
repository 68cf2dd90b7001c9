// Chinese (Simplified, as the widget). Same keys and {placeholders} as en.ts; the widget's
// terms (评论, 回复, 版主).
import type { MailStrings } from './en.js';

export const zh: MailStrings = {
  footerWhy: '你收到这封邮件，是因为你要求 {site} 给你发送邮件。',
  unsubscribeThread: '不再接收关于此讨论的邮件',
  unsubscribeAll: '不再接收来自 {site} 的任何邮件',
  preferencesHint: '可在 Parley 管理后台的“通知”中更改接收的内容。',

  heldSubject: '[{site}]《{title}》下有一条评论等待审核',
  toxicSubject: '[{site}]《{title}》下有一条评论被标记为有害',
  reportedSubject: '[{site}] 读者举报了《{title}》下的一条评论',
  heldIntro: '{name} 在《{title}》下的评论正在等待审核。',
  toxicIntro: '{name} 在《{title}》下的评论被标记为有害。',
  reportedIntro: '读者举报了 {name} 在《{title}》下的评论（{n} 次举报）。',
  reasonsHeading: '原因',
  scoresHeading: '评分',
  scoreToxicity: '有害度 {value}',
  scoreSpam: '垃圾评论概率 {value}',
  approve: '批准',
  reject: '拒绝',
  spam: '标记为垃圾评论',
  linksHint: '每个链接都会打开一个确认页面；每个链接只能使用一次。',
  openQueue: '打开审核队列',

  digestSubject: '[{site}] 有 {n} 条评论需要你处理',
  digestSubjectOne: '[{site}] 有 1 条评论需要你处理',
  digestSubjectMany: '[Parley] 有 {n} 条评论需要你处理',
  digestIntro: '自上次摘要以来：',
  weeklySubject: '[Parley] 你的每周审核摘要',
  weeklyIntro: '过去七天你的网站上：',
  weeklyCounts:
    '已批准 {approved} 条，待审核 {pending} 条，已拒绝 {rejected} 条，垃圾评论 {spam} 条。',
  weeklyTopReasons: '评论被暂缓发布的主要原因：',

  confirmSubject: '[{site}] 请确认你的电子邮箱地址',
  confirmIntro:
    '有人（希望是你）要求在《{title}》下的一条评论收到回复时通过电子邮件通知。请确认你的地址以开始接收：',
  confirmButton: '确认我的地址',
  confirmIgnore: '如果这不是你本人的操作，请忽略这封邮件：你不会再收到任何邮件。',

  replySubject: '[{site}] {name} 回复了你在《{title}》下的评论',
  replyIntro: '{name} 回复了你在《{title}》下的评论：',
  readThread: '阅读讨论',
  approvedSubject: '[{site}] 你在《{title}》下的评论已发表',
  approvedIntro: '版主已批准你在《{title}》下的评论。',

  pageTitle: 'Parley',
  pageModerateTitle: '要对这条评论执行“{action}”吗？',
  pageModerateButton: '{action}',
  pageModerateDone: '已完成：这条评论现在的状态是“{status}”。',
  statusApproved: '已批准',
  statusPending: '等待审核',
  statusRejected: '已拒绝',
  statusSpam: '垃圾评论',
  pageLinkUsed: '此链接已被使用或已过期。请改为打开审核队列。',
  pageLinkInvalid: '此链接无效。',
  pageConfirmTitle: '请确认你的电子邮箱地址',
  pageConfirmDone: '谢谢：你的地址已确认。有回复时我们会通过电子邮件通知你。',
  pageUnsubscribeThreadTitle: '不再接收关于此讨论的邮件？',
  pageUnsubscribeAllTitle: '不再接收任何邮件？',
  pageUnsubscribeButton: '退订',
  pageUnsubscribed: '你已退订。',
  inviteSubject: '[Parley] {inviter} 邀请你审核评论',
  inviteIntroModerator: '{inviter} 邀请你使用 Parley 审核评论。',
  inviteIntroAdmin: '{inviter} 邀请你以管理员身份加入 Parley。',
  inviteButton: '接受邀请',
  inviteHint:
    '该链接会打开一个页面，你可以在其中设置姓名和密码。链接只能使用一次，有效期 {days} 天。',
  inviteIgnore: '如果你没有预料到这封邀请，请忽略这封邮件。',
};
