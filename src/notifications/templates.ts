// Mail bodies: a text part and an HTML part from the same strings (strings/). A template gets
// only what its recipient may see: a moderator mail shows the author's name, never the address.
import { mailLanguage, mailStrings, t, textDirection, type MailStrings } from './strings/index.js';

export interface MailBody {
  subject: string;
  text: string;
  html: string;
  /** The language it is written in (Content-Language). */
  language: string;
}

export type NoticeReason = 'held' | 'toxic' | 'reported';

export interface NoticeView {
  reason: NoticeReason;
  site: string;
  title: string;
  authorName: string;
  body: string;
  reasons: string[];
  toxicityScore: number | null;
  spamScore: number | null;
  reportCount: number;
  links: { approve: string; reject: string; spam: string };
}

export interface UnsubscribeLinks {
  thread?: string;
  all: string;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The language attributes of a mail's or page's <html>: its language, right-to-left for Arabic. */
function langAttributes(lang: string | null | undefined): string {
  return `lang="${mailLanguage(lang)}"${textDirection(lang) === 'rtl' ? ' dir="rtl"' : ''}`;
}

function page(lang: string | null | undefined, inner: string): string {
  return `<!doctype html><html ${langAttributes(lang)}><body style="font-family:sans-serif;max-width:40em">${inner}</body></html>`;
}

function quote(body: string): { text: string; html: string } {
  const short = body.length > 2000 ? `${body.slice(0, 2000)}…` : body;
  return {
    text: short
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
    html: `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em;white-space:pre-wrap">${esc(short)}</blockquote>`,
  };
}

function noticeParts(s: MailStrings, n: NoticeView): { text: string; html: string } {
  const values = { name: n.authorName, title: n.title, n: n.reportCount };
  const intro = t(s[`${n.reason}Intro`], values);
  const q = quote(n.body);
  const scores = [
    n.toxicityScore !== null && t(s.scoreToxicity, { value: n.toxicityScore.toFixed(2) }),
    n.spamScore !== null && t(s.scoreSpam, { value: n.spamScore.toFixed(2) }),
  ].filter((x): x is string => typeof x === 'string');
  const links: [string, string][] = [
    [s.approve, n.links.approve],
    [s.reject, n.links.reject],
    [s.spam, n.links.spam],
  ];
  const text = [
    intro,
    '',
    q.text,
    '',
    ...(n.reasons.length ? [`${s.reasonsHeading}:`, ...n.reasons.map((r) => `- ${r}`), ''] : []),
    ...(scores.length ? [`${s.scoresHeading}: ${scores.join(', ')}`, ''] : []),
    ...links.map(([label, url]) => `${label}: ${url}`),
  ].join('\n');
  const html = [
    `<p>${esc(intro)}</p>`,
    q.html,
    n.reasons.length
      ? `<p><strong>${esc(s.reasonsHeading)}</strong></p><ul>${n.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`
      : '',
    scores.length
      ? `<p><strong>${esc(s.scoresHeading)}:</strong> ${esc(scores.join(', '))}</p>`
      : '',
    `<p>${links.map(([label, url]) => `<a href="${esc(url)}">${esc(label)}</a>`).join(' · ')}</p>`,
  ].join('');
  return { text, html };
}

export function moderatorNoticeMail(
  n: NoticeView,
  queueUrl: string,
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const parts = noticeParts(s, n);
  const footer = `${s.linksHint}\n${s.openQueue}: ${queueUrl}\n${s.preferencesHint}`;
  return {
    subject: t(s[`${n.reason}Subject`], { site: n.site, title: n.title }),
    text: `${parts.text}\n\n${footer}\n`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `${parts.html}<p><small>${esc(s.linksHint)} <a href="${esc(queueUrl)}">${esc(s.openQueue)}</a>. ${esc(s.preferencesHint)}</small></p>`,
    ),
  };
}

export function digestMail(
  notices: NoticeView[],
  queueUrl: string,
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const sites = new Set(notices.map((n) => n.site));
  const one = notices.length === 1 ? s.digestSubjectOne : s.digestSubject;
  const subject =
    sites.size === 1
      ? t(one, { site: [...sites][0]!, n: notices.length })
      : t(s.digestSubjectMany, { n: notices.length });
  const parts = notices.map((n) => noticeParts(s, n));
  return {
    subject,
    text: `${s.digestIntro}\n\n${parts.map((p) => p.text).join('\n\n---\n\n')}\n\n${s.linksHint}\n${s.openQueue}: ${queueUrl}\n`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(s.digestIntro)}</p>${parts.map((p) => p.html).join('<hr>')}<p><small>${esc(s.linksHint)} <a href="${esc(queueUrl)}">${esc(s.openQueue)}</a></small></p>`,
    ),
  };
}

export function weeklyMail(
  counts: { approved: number; pending: number; rejected: number; spam: number },
  topReasons: { reason: string; count: number }[],
  queueUrl: string,
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const line = t(s.weeklyCounts, counts);
  const reasons = topReasons.map((r) => `${r.reason} (${r.count})`);
  return {
    subject: s.weeklySubject,
    text: `${s.weeklyIntro}\n${line}\n\n${reasons.length ? `${s.weeklyTopReasons}\n${reasons.map((r) => `- ${r}`).join('\n')}\n\n` : ''}${s.openQueue}: ${queueUrl}\n`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(s.weeklyIntro)}</p><p>${esc(line)}</p>${reasons.length ? `<p>${esc(s.weeklyTopReasons)}</p><ul>${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}<p><a href="${esc(queueUrl)}">${esc(s.openQueue)}</a></p>`,
    ),
  };
}

function unsubscribeFooter(s: MailStrings, site: string, u: UnsubscribeLinks) {
  const links: [string, string][] = [
    ...(u.thread ? [[s.unsubscribeThread, u.thread] as [string, string]] : []),
    [t(s.unsubscribeAll, { site }), u.all],
  ];
  return {
    text: `--\n${t(s.footerWhy, { site })}\n${links.map(([l, url]) => `${l}: ${url}`).join('\n')}\n`,
    html: `<hr><p><small>${esc(t(s.footerWhy, { site }))} ${links.map(([l, url]) => `<a href="${esc(url)}">${esc(l)}</a>`).join(' · ')}</small></p>`,
  };
}

export function confirmMail(
  v: { site: string; title: string; confirmUrl: string },
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const intro = t(s.confirmIntro, { title: v.title });
  return {
    subject: t(s.confirmSubject, { site: v.site }),
    text: `${intro}\n\n${v.confirmUrl}\n\n${s.confirmIgnore}\n`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(intro)}</p><p><a href="${esc(v.confirmUrl)}">${esc(s.confirmButton)}</a></p><p><small>${esc(s.confirmIgnore)}</small></p>`,
    ),
  };
}

export function replyMail(
  v: { site: string; title: string; replyName: string; body: string; threadUrl: string | null },
  unsubscribe: UnsubscribeLinks,
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const intro = t(s.replyIntro, { name: v.replyName, title: v.title });
  const q = quote(v.body);
  const foot = unsubscribeFooter(s, v.site, unsubscribe);
  return {
    subject: t(s.replySubject, { site: v.site, name: v.replyName, title: v.title }),
    text: `${intro}\n\n${q.text}\n\n${v.threadUrl ? `${s.readThread}: ${v.threadUrl}\n\n` : ''}${foot.text}`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(intro)}</p>${q.html}${v.threadUrl ? `<p><a href="${esc(v.threadUrl)}">${esc(s.readThread)}</a></p>` : ''}${foot.html}`,
    ),
  };
}

export function approvedMail(
  v: { site: string; title: string; threadUrl: string | null },
  unsubscribe: UnsubscribeLinks,
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const intro = t(s.approvedIntro, { title: v.title });
  const foot = unsubscribeFooter(s, v.site, unsubscribe);
  return {
    subject: t(s.approvedSubject, { site: v.site, title: v.title }),
    text: `${intro}\n\n${v.threadUrl ? `${s.readThread}: ${v.threadUrl}\n\n` : ''}${foot.text}`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(intro)}</p>${v.threadUrl ? `<p><a href="${esc(v.threadUrl)}">${esc(s.readThread)}</a></p>` : ''}${foot.html}`,
    ),
  };
}

/** An admin invited someone to moderate: the link to accept, in the inviter's language. */
export function invitationMail(
  v: { inviterName: string; role: 'admin' | 'moderator'; link: string; days: number },
  lang?: string | null,
): MailBody {
  const s = mailStrings(lang);
  const intro = t(v.role === 'admin' ? s.inviteIntroAdmin : s.inviteIntroModerator, {
    inviter: v.inviterName,
  });
  const hint = t(s.inviteHint, { days: v.days });
  return {
    subject: t(s.inviteSubject, { inviter: v.inviterName }),
    text: `${intro}\n\n${s.inviteButton}: ${v.link}\n\n${hint}\n${s.inviteIgnore}\n`,
    language: mailLanguage(lang),
    html: page(
      lang,
      `<p>${esc(intro)}</p><p><a href="${esc(v.link)}">${esc(s.inviteButton)}</a></p><p><small>${esc(hint)} ${esc(s.inviteIgnore)}</small></p>`,
    ),
  };
}

/** A small page of Parley's own (confirmation pages behind mail links). */
export function htmlPage(title: string, inner: string, lang?: string | null): string {
  return `<!doctype html><html ${langAttributes(lang)}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${inner}</main></body></html>`;
}

export { esc };
