// /api/notifications/settings (a staff member's own mail preferences) and /api/mail/… (the
// pages behind the links in mails: GET shows a button, POST acts).
import { type Request, type Response, Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { AppError } from '../errors.js';
import { parse } from '../http/index.js';
import { apiDoc } from '../openapi/index.js';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../schema.js';
import {
  linkLanguage,
  readConfirmLink,
  readDecisionLink,
  readUnsubscribeLink,
  useConfirmLink,
  useDecisionLink,
  useUnsubscribeLink,
} from './mail-pages.service.js';
import { getSettings, saveSetting } from './notifications.repo.js';
import { SettingsBody, TokenParams } from './notifications.schema.js';
import {
  MODERATION_MAIL_MODES,
  type NotificationSettingsView,
} from '../contracts/moderation-api.js';
import type { NotifyDeps } from './notify-deps.js';
import { DEFAULT_MODE } from './moderator-mail.service.js';
import {
  acceptedLanguage,
  mailLanguage,
  mailStrings,
  t,
  type MailStrings,
} from './strings/index.js';
import { esc, htmlPage } from './templates.js';

/** Pages behind mail links: no scripts, no styles from anywhere, no framing, forms to self. */
const PAGE_CSP = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function notificationsRouter(
  deps: NotifyDeps,
  guard: AuthGuard,
  mailEnabled: boolean,
): Router {
  const router = Router();

  router.get('/notifications/settings', guard.session, async (req, res) => {
    const [row] = await getSettings(deps.db, [actorOf(req).id]);
    res.json({
      mail: { enabled: mailEnabled },
      moderation: row?.moderation ?? DEFAULT_MODE,
      weekly: row?.weekly ?? false,
      language: mailLanguage(row?.language),
    });
  });

  router.put('/notifications/settings', guard.session, guard.csrf, async (req, res) => {
    const body = parse(SettingsBody, req.body);
    const row = await saveSetting(deps.db, actorOf(req).id, body);
    res.json({
      mail: { enabled: mailEnabled },
      moderation: row.moderation,
      weekly: row.weekly,
      language: mailLanguage(row.language),
    });
  });

  const doc = apiDoc(router);
  const Settings = z.object({
    mail: z.object({
      enabled: z.boolean().describe('False while this server has no SMTP_URL: nothing is sent.'),
    }),
    moderation: z
      .enum(MODERATION_MAIL_MODES)
      .describe('Mail about comments waiting for moderation: each at once, in digests, or none.'),
    weekly: z.boolean().describe('A weekly summary mail.'),
    language: z.enum(LANGUAGE_CODES).describe('The language of one’s mails.'),
  }) satisfies z.ZodType<NotificationSettingsView>;
  const settingsExample = {
    mail: { enabled: true },
    moderation: 'hourly',
    weekly: false,
    language: 'en',
  };
  doc.get('/notifications/settings', {
    summary: 'One’s own mail preferences as a moderator or admin',
    access: 'moderator',
    tag: 'Notifications',
    responses: {
      200: { description: 'The preferences.', body: Settings, example: settingsExample },
    },
  });
  doc.put('/notifications/settings', {
    summary: 'Set one’s own mail preferences',
    access: 'moderator',
    tag: 'Notifications',
    body: SettingsBody,
    bodyExample: { moderation: 'hourly', weekly: false, language: 'de' },
    responses: {
      200: { description: 'The preferences.', body: Settings, example: settingsExample },
    },
  });

  mailPage(router, 'moderate', (token) => linkLanguage(deps, 'moderate', token), {
    async show(token, s) {
      const row = await readDecisionLink(deps, token);
      const label = actionLabel(s, row.action);
      return { title: t(s.pageModerateTitle, { action: label }), button: label };
    },
    async act(token, s) {
      const { status } = await useDecisionLink(deps, token);
      return t(s.pageModerateDone, { status: statusWord(s, status) });
    },
  });
  mailPage(router, 'confirm', (token) => linkLanguage(deps, 'confirm', token), {
    async show(token, s) {
      readConfirmLink(deps, token);
      return { title: s.pageConfirmTitle, button: s.confirmButton };
    },
    async act(token, s) {
      await useConfirmLink(deps, token);
      return s.pageConfirmDone;
    },
  });
  mailPage(router, 'unsubscribe', (token) => linkLanguage(deps, 'unsubscribe', token), {
    async show(token, s) {
      const { scope } = readUnsubscribeLink(deps, token);
      return {
        title: scope.kind === 'thread' ? s.pageUnsubscribeThreadTitle : s.pageUnsubscribeAllTitle,
        button: s.pageUnsubscribeButton,
      };
    },
    async act(token, s) {
      await useUnsubscribeLink(deps, token);
      return s.pageUnsubscribed;
    },
  });
  describeMailPages(doc);
  return router;
}

/** The pages behind the links in mails: a GET shows a button (mail scanners fetch links), its POST acts. */
function describeMailPages(doc: ReturnType<typeof apiDoc>): void {
  const common = {
    access: 'public' as const,
    tag: 'Notifications',
    params: TokenParams,
    errorPages: true,
  };
  const page = (description: string) => ({
    200: { description, contentType: 'text/html' },
  });
  const linkErrors = { 404: ['MAIL_LINK_INVALID'], 410: ['MAIL_LINK_USED'] };
  doc.get('/mail/moderate/:token', {
    ...common,
    summary: 'A moderation link from a mail: the page with its approve, reject or spam button',
    responses: page('A page with one button, which POSTs to the same URL.'),
    errors: linkErrors,
  });
  doc.post('/mail/moderate/:token', {
    ...common,
    summary: 'Decide the comment as the mail’s link says, as the moderator it was sent to',
    description:
      'A link works once; once the comment is decided, the mail’s other links are spent too.',
    responses: page('A page saying the comment’s new status.'),
    errors: {
      403: ['FORBIDDEN'],
      404: ['MAIL_LINK_INVALID', 'COMMENT_NOT_FOUND'],
      410: ['MAIL_LINK_USED'],
    },
  });
  doc.get('/mail/confirm/:token', {
    ...common,
    summary: 'An address-confirmation link: the page with its confirm button',
    responses: page('A page with one button, which POSTs to the same URL.'),
    errors: { 404: ['MAIL_LINK_INVALID'] },
  });
  doc.post('/mail/confirm/:token', {
    ...common,
    summary: 'Confirm a commenter’s email address, so that reply mails can be sent to it',
    responses: page('A page saying the address is confirmed.'),
    errors: { 404: ['MAIL_LINK_INVALID'] },
  });
  doc.get('/mail/unsubscribe/:token', {
    ...common,
    summary: 'An unsubscribe link: the page with its button',
    responses: page('A page with one button, which POSTs to the same URL.'),
    errors: { 404: ['MAIL_LINK_INVALID'] },
  });
  doc.post('/mail/unsubscribe/:token', {
    ...common,
    summary: 'Unsubscribe (also RFC 8058 one-click: List-Unsubscribe=One-Click)',
    description:
      'Any request body is ignored; the token says what stops: replies in one thread, every mail to a commenter, or a moderator’s moderation mails.',
    responses: page('A page saying the mails stop.'),
    errors: { 404: ['MAIL_LINK_INVALID'] },
  });
}

function actionLabel(s: MailStrings, action: string): string {
  const labels: Record<string, string> = { approve: s.approve, reject: s.reject, spam: s.spam };
  return labels[action] ?? action;
}

function statusWord(s: MailStrings, status: string): string {
  const words: Record<string, string> = {
    approved: s.statusApproved,
    pending: s.statusPending,
    rejected: s.statusRejected,
    spam: s.statusSpam,
  };
  return words[status] ?? status;
}

type PageLanguage = (token: string) => Promise<string | null>;

function mailPage(
  router: Router,
  name: string,
  language: PageLanguage,
  handlers: {
    show(token: string, s: MailStrings): Promise<{ title: string; button: string }>;
    act(token: string, s: MailStrings): Promise<string>;
  },
): void {
  const path = `/mail/${name}/:token`;
  router.get(path, async (req, res) => {
    await answerPage(req, res, language, async (token, s, lang) => {
      const { title, button } = await handlers.show(token, s);
      return htmlPage(
        title,
        `<form method="post"><button type="submit">${esc(button)}</button></form>`,
        lang,
      );
    });
  });
  // Also RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click".
  router.post(path, async (req, res) => {
    await answerPage(req, res, language, async (token, s, lang) =>
      htmlPage(s.pageTitle, `<p role="status">${esc(await handlers.act(token, s))}</p>`, lang),
    );
  });
}

async function answerPage(
  req: Request,
  res: Response,
  language: PageLanguage,
  render: (token: string, s: MailStrings, lang: string) => Promise<string>,
): Promise<void> {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept-Language');
  const token = TokenParams.safeParse(req.params);
  // The language of whoever the link was mailed to; else the browser's; else English.
  const lang = mailLanguage(
    (token.success ? await language(token.data.token) : null) ??
      acceptedLanguage(req.get('accept-language')),
  );
  const s = mailStrings(lang);
  res.setHeader('Content-Language', lang);
  try {
    const { token } = parse(TokenParams, req.params);
    res.type('html').send(await render(token, s, lang));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const message =
      err.code === 'MAIL_LINK_USED'
        ? s.pageLinkUsed
        : err.status < 500
          ? s.pageLinkInvalid
          : err.message;
    res
      .status(err.code === 'VALIDATION_FAILED' ? 404 : err.status)
      .type('html')
      .send(
        htmlPage(
          s.pageTitle,
          `<p role="alert" data-code="${esc(err.code)}">${esc(message)}</p>`,
          lang,
        ),
      );
  }
}
