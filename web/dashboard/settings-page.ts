// Site settings (admins): a form over src/sites/site-settings.ts. Saving sends only what
// changed (the server merges it, per attribute for toxicity rules); a 400 names fields as
// settings.<key>[.<attribute>.<field>] or allowedOrigins.<i>, shown beside the input.
import { ApiError, admin } from './api.js';
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { h, mount, type Child } from './dom.js';
import type { Page } from './router.js';
import { SETTINGS, SETTING_HINTS } from './strings.js';
import { toast } from './toast.js';
import { TOXICITY_ATTRIBUTES, type AdminSite, type SiteSettings } from './types.js';

const PREMODERATION: [SiteSettings['premoderation'], string][] = [
  ['nobody', SETTINGS.nobodyPublishUnlessScreening],
  ['first-time', SETTINGS.firstTimeAuthors],
  ['fewer-than', SETTINGS.authorsWithFewerThan],
  ['links', SETTINGS.commentsWithLinks],
  ['everyone', SETTINGS.everyone],
];
const TOX_ACTIONS = ['off', 'warn', 'hold', 'reject'] as const;
const ATTRIBUTE_LABELS: Record<string, string> = {
  TOXICITY: SETTINGS.toxicity,
  SEVERE_TOXICITY: SETTINGS.severeToxicity,
  INSULT: SETTINGS.insult,
  PROFANITY: SETTINGS.profanity,
  THREAT: SETTINGS.threat,
  IDENTITY_ATTACK: SETTINGS.identityAttack,
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const lines = (v: string) =>
  v
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export function mountSettingsPage(main: HTMLElement): Page {
  let site = defaultSite();
  let alive = true;
  const body = h('div', { class: 'settings-body' }, loadingBlock());
  const picker = sitePicker({
    value: site,
    all: false,
    onChange: (s) => {
      site = s;
      void load();
    },
  });
  mount(
    main,
    h(
      'div',
      { class: 'page page-narrow' },
      pageHead(SETTINGS.siteSettings, SETTINGS.howCommentsAreScreened, picker),
      body,
    ),
  );

  async function load(): Promise<void> {
    mount(body, loadingBlock());
    try {
      const { site: data } = await admin.site(site);
      if (alive) mount(body, settingsForm(data));
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

function settingsForm(initial: AdminSite): HTMLElement {
  let saved = initial;
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();

  function field(name: string, label: string, control: Control, explicitHint = ''): HTMLElement {
    // Every setting explains itself in one line (strings.ts), unless the call gives its own.
    const hint = explicitHint || SETTING_HINTS[name.replace(/^settings\./, '')] || '';
    const id = `s-${name.replace(/\W/g, '-')}`;
    control.id = id;
    control.name = name;
    controls.set(name, control);
    const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
    errors.set(name, err);
    control.setAttribute('aria-describedby', `${id}-err${hint ? ` ${id}-hint` : ''}`);
    const isCheck = control instanceof HTMLInputElement && control.type === 'checkbox';
    return h(
      'div',
      { class: `field${isCheck ? ' field-check' : ''}`, 'data-field': name },
      isCheck
        ? h('label', { for: id, class: 'check-row' }, control, h('span', null, label))
        : h('label', { for: id }, label),
      isCheck ? null : control,
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      err,
    );
  }
  const num = (value: number, attrs: Record<string, number | string>) =>
    h('input', { type: 'number', class: 'input input-num', value, ...attrs });
  const check = (value: boolean) => {
    const c = h('input', { type: 'checkbox' });
    c.checked = value;
    return c;
  };
  const select = (value: string, options: readonly (readonly [string, string])[]) =>
    h(
      'select',
      { class: 'input' },
      options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)),
    );
  const area = (value: string[], rows = 4) => {
    const t = h('textarea', { class: 'input', rows, spellcheck: 'false' });
    t.value = value.join('\n');
    return t;
  };

  const s = initial.settings;
  const premod = select(s.premoderation, PREMODERATION);
  const minApproved = field(
    'settings.premoderationMinApproved',
    SETTINGS.minApprovedLabel,
    num(s.premoderationMinApproved, { min: 1, max: 100, step: 1 }),
  );
  const syncPremod = () => {
    minApproved.hidden = premod.value !== 'fewer-than';
  };
  premod.addEventListener('change', syncPremod);
  syncPremod();

  const toxRows = TOXICITY_ATTRIBUTES.map((attr) => {
    const rule = s.toxicity[attr];
    const thr = num(rule.threshold, { min: 0, max: 1, step: 0.05 });
    const act = select(
      rule.action,
      TOX_ACTIONS.map((a) => [a, a[0]!.toUpperCase() + a.slice(1)] as const),
    );
    for (const [name, c] of [
      [`settings.toxicity.${attr}.threshold`, thr],
      [`settings.toxicity.${attr}.action`, act],
    ] as const) {
      c.name = name;
      c.setAttribute(
        'aria-label',
        `${ATTRIBUTE_LABELS[attr]} ${name.endsWith('threshold') ? 'threshold' : 'action'}`,
      );
      controls.set(name, c);
    }
    const err = h('p', { class: 'field-error', hidden: true });
    errors.set(`settings.toxicity.${attr}`, err);
    return h(
      'tr',
      { 'data-field': `settings.toxicity.${attr}` },
      h('th', { scope: 'row' }, ATTRIBUTE_LABELS[attr]),
      h('td', null, thr),
      h('td', null, act, err),
    );
  });

  const section = (title: string, hint: string, ...children: Child[]) =>
    h(
      'fieldset',
      { class: 'card section' },
      h('legend', null, title),
      hint ? h('p', { class: 'muted section-hint' }, hint) : null,
      h('div', { class: 'section-grid' }, children),
    );

  const summary = h('div', {
    class: 'form-error',
    role: 'alert',
    hidden: true,
    'data-testid': 'settings-error',
  });
  const saveBtn = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', 'data-testid': 'settings-save' },
    SETTINGS.saveSettings,
  );
  const status = h('span', { class: 'muted small', role: 'status' });

  const form = h(
    'form',
    { class: 'settings-form stack', 'data-testid': 'settings-form', novalidate: true },
    section(
      SETTINGS.general,
      '',
      field(
        'name',
        SETTINGS.siteName,
        h('input', { type: 'text', class: 'input', value: initial.name, maxlength: 200 }),
      ),
      field(
        'allowedOrigins',
        SETTINGS.allowedOrigins,
        area(initial.allowedOrigins, 3),
        SETTINGS.originsHint,
      ),
      field('settings.autoCreatePosts', SETTINGS.createPostsOnTheir, check(s.autoCreatePosts)),
      field(
        'settings.maxDepth',
        SETTINGS.replyDepth,
        num(s.maxDepth, { min: 1, max: 10, step: 1 }),
        SETTINGS.replyDepthHint,
      ),
      field(
        'settings.closeAfterDays',
        SETTINGS.closeCommentsAfterDays,
        num(s.closeAfterDays, { min: 0, max: 3650, step: 1 }),
        SETTINGS.closeAfterHint,
      ),
      field(
        'settings.maxBodyLength',
        SETTINGS.longestCommentCharacters,
        num(s.maxBodyLength, { min: 100, max: 20000, step: 100 }),
      ),
    ),
    section(
      SETTINGS.premoderation,
      SETTINGS.whoWaitsForA,
      field('settings.premoderation', SETTINGS.holdCommentsFrom, premod),
      minApproved,
      field(
        'settings.linkLimit',
        SETTINGS.linkLimit,
        num(s.linkLimit, { min: 0, max: 50, step: 1 }),
        SETTINGS.commentsWithMoreLinks,
      ),
      field(
        'settings.trustApprovedAuthors',
        SETTINGS.trustAuthorsWithAn,
        check(s.trustApprovedAuthors),
      ),
      field(
        'settings.minSubmitSeconds',
        SETTINGS.minimumSecondsToWrite,
        num(s.minSubmitSeconds, { min: 0, max: 600, step: 1 }),
        SETTINGS.fasterSubmissionsAreHeld,
      ),
    ),
    section(
      SETTINGS.words,
      SETTINGS.oneWordOrPhrase,
      field('settings.moderationWords', SETTINGS.moderationWordsHold, area(s.moderationWords, 5)),
      field('settings.disallowedWords', SETTINGS.disallowedWordsSpam, area(s.disallowedWords, 5)),
    ),
    section(
      SETTINGS.toxicity,
      SETTINGS.aCommentScoringAt,
      h(
        'table',
        { class: 'table table-compact tox-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, SETTINGS.attribute),
            h('th', { scope: 'col' }, SETTINGS.threshold),
            h('th', { scope: 'col' }, SETTINGS.action),
          ),
        ),
        h('tbody', null, toxRows),
      ),
      field(
        'settings.spamThreshold',
        SETTINGS.spamThreshold,
        num(s.spamThreshold, { min: 0.5, max: 1, step: 0.01 }),
        SETTINGS.learningClassifierProbabilityAt,
      ),
      field('settings.failOpen', SETTINGS.publishWhenAScreening, check(s.failOpen)),
    ),
    section(
      SETTINGS.reportsAndBans,
      '',
      field(
        'settings.reportThreshold',
        SETTINGS.reportsBeforeReview,
        num(s.reportThreshold, { min: 1, max: 100, step: 1 }),
        SETTINGS.readerReportsThatSend,
      ),
      field('settings.hideReported', SETTINGS.hideReportedCommentsUntil, check(s.hideReported)),
      field(
        'settings.bannedAction',
        SETTINGS.commentsByBannedAuthors,
        select(s.bannedAction, [
          ['refuse', SETTINGS.refuseWithAnError],
          ['hold', SETTINGS.holdSilently],
        ]),
      ),
    ),
    summary,
    h('div', { class: 'form-actions sticky-actions' }, saveBtn, status),
  );

  const value = (name: string): unknown => {
    const c = controls.get(name)!;
    if (c instanceof HTMLInputElement && c.type === 'checkbox') return c.checked;
    if (c instanceof HTMLInputElement && c.type === 'number')
      return c.value.trim() === '' ? null : Number(c.value);
    if (c instanceof HTMLTextAreaElement) return lines(c.value);
    return c.value.trim();
  };

  /** The PATCH body: only keys that differ from what the server last returned. */
  function changes(): Record<string, unknown> {
    const patch: Record<string, unknown> = {};
    const settings: Record<string, unknown> = {};
    const name = value('name');
    if (name !== saved.name) patch.name = name;
    const origins = value('allowedOrigins') as string[];
    if (JSON.stringify(origins) !== JSON.stringify(saved.allowedOrigins))
      patch.allowedOrigins = origins;
    for (const key of Object.keys(saved.settings) as (keyof SiteSettings)[]) {
      if (key === 'toxicity') continue;
      const fieldName = `settings.${key}`;
      if (!controls.has(fieldName)) continue;
      const v = value(fieldName);
      if (JSON.stringify(v) !== JSON.stringify(saved.settings[key])) settings[key] = v;
    }
    const tox: Record<string, unknown> = {};
    for (const attr of TOXICITY_ATTRIBUTES) {
      const rule = {
        threshold: value(`settings.toxicity.${attr}.threshold`),
        action: value(`settings.toxicity.${attr}.action`),
      };
      if (JSON.stringify(rule) !== JSON.stringify(saved.settings.toxicity[attr])) tox[attr] = rule;
    }
    if (Object.keys(tox).length) settings.toxicity = tox;
    if (Object.keys(settings).length) patch.settings = settings;
    return patch;
  }

  function clearErrors(): void {
    summary.hidden = true;
    for (const el of errors.values()) el.hidden = true;
    for (const c of controls.values()) c.removeAttribute('aria-invalid');
  }

  /** settings.moderationWords.3 → the moderationWords field; the longest known prefix wins. */
  function showErrors(fields: Record<string, string>): void {
    const unplaced: string[] = [];
    let first: Control | null = null;
    for (const [key, message] of Object.entries(fields)) {
      const target = [...errors.keys()]
        .filter((k) => key === k || key.startsWith(`${k}.`))
        .sort((a, b) => b.length - a.length)[0];
      if (!target) {
        unplaced.push(message);
        continue;
      }
      const el = errors.get(target)!;
      el.textContent = message;
      el.hidden = false;
      const control = controls.get(key) ?? controls.get(target);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? null;
    }
    summary.textContent = SETTINGS.fixFields(unplaced);
    summary.hidden = false;
    first?.focus();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const patch = changes();
    if (Object.keys(patch).length === 0) {
      status.textContent = SETTINGS.noChangesToSave;
      return;
    }
    saveBtn.disabled = true;
    status.textContent = SETTINGS.saving;
    try {
      const { site } = await admin.updateSite(saved.slug, patch);
      saved = site;
      status.textContent = SETTINGS.savedAt(new Date().toLocaleTimeString());
      toast(SETTINGS.settingsSaved, { kind: 'success' });
    } catch (err) {
      status.textContent = '';
      if (err instanceof ApiError && err.fields) showErrors(err.fields);
      else {
        summary.textContent = err instanceof Error ? err.message : SETTINGS.couldNotSave;
        summary.hidden = false;
      }
    } finally {
      saveBtn.disabled = false;
    }
  });
  return form;
}
