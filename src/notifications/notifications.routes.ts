// /api/notifications/settings (a staff member's own mail preferences) and /api/mail/… (the
// pages behind the links in mails: GET shows a button, POST acts).
import { type Request, type Response, Router } from 'express';
import { actorOf, type AuthGuard } from '../auth/index.js';
import { AppError } from '../errors.js';
import { parse } from '../http/index.js';
import {
  readConfirmLink,
  readDecisionLink,
  readUnsubscribeLink,
  useConfirmLink,
  useDecisionLink,
  useUnsubscribeLink,
} from './mail-pages.service.js';
import { getSettings, saveSetting } from './notifications.repo.js';
import { SettingsBody, TokenParams } from './notifications.schema.js';
import type { NotifyDeps } from './notify-deps.js';
import { DEFAULT_MODE } from './moderator-mail.service.js';
import { mailStrings, t } from './strings/index.js';
import { esc, htmlPage } from './templates.js';

/** Pages behind mail links: no scripts, no styles from anywhere, no framing, forms to self. */
const PAGE_CSP = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function notificationsRouter(
  deps: NotifyDeps,
  guard: AuthGuard,
  mailEnabled: boolean,
): Router {
  const router = Router();
  const s = mailStrings();

  router.get('/notifications/settings', guard.session, async (req, res) => {
    const [row] = await getSettings(deps.db, [actorOf(req).id]);
    res.json({
      mail: { enabled: mailEnabled },
      moderation: row?.moderation ?? DEFAULT_MODE,
      weekly: row?.weekly ?? false,
    });
  });

  router.put('/notifications/settings', guard.session, guard.csrf, async (req, res) => {
    const body = parse(SettingsBody, req.body);
    const row = await saveSetting(deps.db, actorOf(req).id, body);
    res.json({ mail: { enabled: mailEnabled }, moderation: row.moderation, weekly: row.weekly });
  });

  const ACTION_LABEL = { approve: s.approve, reject: s.reject, spam: s.spam };

  mailPage(router, 'moderate', {
    async show(token) {
      const row = await readDecisionLink(deps, token);
      const label = ACTION_LABEL[row.action as keyof typeof ACTION_LABEL] ?? row.action;
      return { title: t(s.pageModerateTitle, { action: label }), button: label };
    },
    async act(token) {
      const { status } = await useDecisionLink(deps, token);
      return t(s.pageModerateDone, { status });
    },
  });
  mailPage(router, 'confirm', {
    async show(token) {
      readConfirmLink(deps, token);
      return { title: s.pageConfirmTitle, button: s.confirmButton };
    },
    async act(token) {
      await useConfirmLink(deps, token);
      return s.pageConfirmDone;
    },
  });
  mailPage(router, 'unsubscribe', {
    async show(token) {
      const { scope } = readUnsubscribeLink(deps, token);
      return {
        title: scope.kind === 'thread' ? s.pageUnsubscribeThreadTitle : s.pageUnsubscribeAllTitle,
        button: s.pageUnsubscribeButton,
      };
    },
    async act(token) {
      await useUnsubscribeLink(deps, token);
      return s.pageUnsubscribed;
    },
  });
  return router;
}

function mailPage(
  router: Router,
  name: string,
  handlers: {
    show(token: string): Promise<{ title: string; button: string }>;
    act(token: string): Promise<string>;
  },
): void {
  const path = `/mail/${name}/:token`;
  router.get(path, async (req, res) => {
    await answerPage(req, res, async (token) => {
      const { title, button } = await handlers.show(token);
      return htmlPage(
        title,
        `<form method="post"><button type="submit">${esc(button)}</button></form>`,
      );
    });
  });
  // Also RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click".
  router.post(path, async (req, res) => {
    await answerPage(req, res, async (token) =>
      htmlPage(mailStrings().pageTitle, `<p role="status">${esc(await handlers.act(token))}</p>`),
    );
  });
}

async function answerPage(
  req: Request,
  res: Response,
  render: (token: string) => Promise<string>,
): Promise<void> {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  const s = mailStrings();
  try {
    const { token } = parse(TokenParams, req.params);
    res.type('html').send(await render(token));
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
        htmlPage(s.pageTitle, `<p role="alert" data-code="${esc(err.code)}">${esc(message)}</p>`),
      );
  }
}
