// Notifications (every staff member, their own account): when to be mailed about held,
// toxic and reported comments of their sites, the optional weekly summary, and the language
// of those mails. Says so when the server has no SMTP_URL (mail is off).
import { errorBlock, loadingBlock, pageHead } from './admin-common.js';
import { request } from './api.js';
import { h, mount } from './dom.js';
import type { Page } from './router.js';
import { toast, toastError } from './toast.js';
import { NOTIFICATIONS } from './strings.js';
import type {
  ModerationMailMode,
  NotificationSettingsView,
} from '../../src/contracts/moderation-api.js';

type Mode = ModerationMailMode;
type NotificationSettings = NotificationSettingsView & { language: Language };

type Language = keyof typeof NOTIFICATIONS.languageNames;
const LANGUAGES = Object.keys(NOTIFICATIONS.languageNames) as Language[];

const MODES: [Mode, string][] = [
  ['immediate', NOTIFICATIONS.immediatelyOneMailPer],
  ['hourly', NOTIFICATIONS.hourlyDigest],
  ['daily', NOTIFICATIONS.dailyDigest],
  ['off', NOTIFICATIONS.off],
];

const settingsApi = {
  get: () => request<NotificationSettings>('GET', '/api/notifications/settings'),
  save: (s: { moderation: Mode; weekly: boolean; language: Language }) =>
    request<NotificationSettings>('PUT', '/api/notifications/settings', s),
};

export function mountNotificationsPage(main: HTMLElement): Page {
  let alive = true;
  const body = h('div', null, loadingBlock());
  mount(
    main,
    h(
      'div',
      { class: 'page', 'data-testid': 'notifications-page' },
      pageHead(NOTIFICATIONS.notifications, NOTIFICATIONS.mailAboutHeldToxic),
      body,
    ),
  );

  function render(s: NotificationSettings): HTMLElement {
    const radios = MODES.map(([mode, label]) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'radio',
          name: 'moderation',
          value: mode,
          checked: s.moderation === mode,
          'data-testid': `notify-${mode}`,
        }),
        h('span', null, label),
      ),
    );
    const weekly = h('input', {
      type: 'checkbox',
      name: 'weekly',
      checked: s.weekly,
      'data-testid': 'notify-weekly',
    }) as HTMLInputElement;
    const language = h(
      'select',
      { class: 'input', id: 'notify-language', name: 'language', 'data-testid': 'notify-language' },
      LANGUAGES.map((code) =>
        h(
          'option',
          { value: code, lang: code, selected: code === s.language },
          NOTIFICATIONS.languageNames[code],
        ),
      ),
    ) as HTMLSelectElement;
    const form = h(
      'form',
      { class: 'card', 'data-testid': 'notifications-form' },
      s.mail.enabled
        ? null
        : h(
            'p',
            { class: 'notice', role: 'status', 'data-testid': 'mail-off' },
            NOTIFICATIONS.mailIsOffOn,
          ),
      h('fieldset', null, h('legend', null, NOTIFICATIONS.whenACommentNeeds), radios),
      h('label', { class: 'check' }, weekly, h('span', null, NOTIFICATIONS.weeklySummaryCountsAnd)),
      h('label', { for: 'notify-language' }, NOTIFICATIONS.mailLanguage),
      language,
      h(
        'button',
        { type: 'submit', class: 'btn', 'data-testid': 'notifications-save' },
        NOTIFICATIONS.save,
      ),
    ) as HTMLFormElement;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name=moderation]:checked');
      try {
        await settingsApi.save({
          moderation: (chosen?.value as Mode | undefined) ?? 'immediate',
          weekly: weekly.checked,
          language: (language.value as Language | undefined) ?? 'en',
        });
        toast(NOTIFICATIONS.notificationSettingsSaved);
      } catch (err) {
        toastError(err, NOTIFICATIONS.couldNotSave);
      }
    });
    return form;
  }

  async function load(): Promise<void> {
    mount(body, loadingBlock());
    try {
      const s = await settingsApi.get();
      if (alive) mount(body, render(s));
    } catch (err) {
      if (alive)
        mount(
          body,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
