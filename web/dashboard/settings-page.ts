// Site settings (admins): a form over src/sites/site-settings.ts. Saving sends only what
// changed (the server merges it, per attribute for toxicity rules); a 400 names fields as
// settings.<key>[.<attribute>.<field>] or allowedOrigins.<i>, shown beside the input.
import { ApiError, admin } from './api.js';
import { defaultSite, errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { h, mount, type Child } from './dom.js';
import { area, check, FormFields, num, select } from './form-fields.js';
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

const section = (title: string, hint: string, ...children: Child[]) =>
  h(
    'fieldset',
    { class: 'card section' },
    h('legend', null, title),
    hint ? h('p', { class: 'muted section-hint' }, hint) : null,
    h('div', { class: 'section-grid' }, children),
  );

function generalSection(f: FormFields, site: AdminSite): HTMLElement {
  const s = site.settings;
  return section(
    SETTINGS.general,
    '',
    f.field(
      'name',
      SETTINGS.siteName,
      h('input', { type: 'text', class: 'input', value: site.name, maxlength: 200 }),
    ),
    f.field(
      'allowedOrigins',
      SETTINGS.allowedOrigins,
      area(site.allowedOrigins, 3),
      SETTINGS.originsHint,
    ),
    f.field('settings.autoCreatePosts', SETTINGS.createPostsOnTheir, check(s.autoCreatePosts)),
    f.field(
      'settings.maxDepth',
      SETTINGS.replyDepth,
      num(s.maxDepth, { min: 1, max: 10, step: 1 }),
      SETTINGS.replyDepthHint,
    ),
    f.field(
      'settings.closeAfterDays',
      SETTINGS.closeCommentsAfterDays,
      num(s.closeAfterDays, { min: 0, max: 3650, step: 1 }),
      SETTINGS.closeAfterHint,
    ),
    f.field(
      'settings.maxBodyLength',
      SETTINGS.longestCommentCharacters,
      num(s.maxBodyLength, { min: 100, max: 20000, step: 100 }),
    ),
  );
}

function premoderationSection(f: FormFields, s: SiteSettings): HTMLElement {
  const premod = select(s.premoderation, PREMODERATION);
  const minApproved = f.field(
    'settings.premoderationMinApproved',
    SETTINGS.minApprovedLabel,
    num(s.premoderationMinApproved, { min: 1, max: 100, step: 1 }),
  );
  const syncPremod = () => {
    minApproved.hidden = premod.value !== 'fewer-than';
  };
  premod.addEventListener('change', syncPremod);
  syncPremod();
  return section(
    SETTINGS.premoderation,
    SETTINGS.whoWaitsForA,
    f.field('settings.premoderation', SETTINGS.holdCommentsFrom, premod),
    minApproved,
    f.field(
      'settings.linkLimit',
      SETTINGS.linkLimit,
      num(s.linkLimit, { min: 0, max: 50, step: 1 }),
      SETTINGS.commentsWithMoreLinks,
    ),
    f.field(
      'settings.trustApprovedAuthors',
      SETTINGS.trustAuthorsWithAn,
      check(s.trustApprovedAuthors),
    ),
    f.field(
      'settings.minSubmitSeconds',
      SETTINGS.minimumSecondsToWrite,
      num(s.minSubmitSeconds, { min: 0, max: 600, step: 1 }),
      SETTINGS.fasterSubmissionsAreHeld,
    ),
  );
}

function wordsSection(f: FormFields, s: SiteSettings): HTMLElement {
  return section(
    SETTINGS.words,
    SETTINGS.oneWordOrPhrase,
    f.field('settings.moderationWords', SETTINGS.moderationWordsHold, area(s.moderationWords, 5)),
    f.field('settings.disallowedWords', SETTINGS.disallowedWordsSpam, area(s.disallowedWords, 5)),
  );
}

function toxicitySection(f: FormFields, s: SiteSettings): HTMLElement {
  const rows = TOXICITY_ATTRIBUTES.map((attr) => {
    const rule = s.toxicity[attr];
    const label = ATTRIBUTE_LABELS[attr];
    const name = `settings.toxicity.${attr}`;
    const thr = f.control(
      `${name}.threshold`,
      num(rule.threshold, { min: 0, max: 1, step: 0.05 }),
      `${label} ${SETTINGS.threshold.toLowerCase()}`,
    );
    const act = f.control(
      `${name}.action`,
      select(
        rule.action,
        TOX_ACTIONS.map((a) => [a, a.charAt(0).toUpperCase() + a.slice(1)] as const),
      ),
      `${label} ${SETTINGS.action.toLowerCase()}`,
    );
    return h(
      'tr',
      { 'data-field': name },
      h('th', { scope: 'row' }, label),
      h('td', null, thr),
      h('td', null, act, f.errorLine(name)),
    );
  });
  return section(
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
      h('tbody', null, rows),
    ),
    f.field(
      'settings.spamThreshold',
      SETTINGS.spamThreshold,
      num(s.spamThreshold, { min: 0.5, max: 1, step: 0.01 }),
      SETTINGS.learningClassifierProbabilityAt,
    ),
    f.field('settings.failOpen', SETTINGS.publishWhenAScreening, check(s.failOpen)),
  );
}

function reportsSection(f: FormFields, s: SiteSettings): HTMLElement {
  return section(
    SETTINGS.reportsAndBans,
    '',
    f.field(
      'settings.reportThreshold',
      SETTINGS.reportsBeforeReview,
      num(s.reportThreshold, { min: 1, max: 100, step: 1 }),
      SETTINGS.readerReportsThatSend,
    ),
    f.field('settings.hideReported', SETTINGS.hideReportedCommentsUntil, check(s.hideReported)),
    f.field(
      'settings.bannedAction',
      SETTINGS.commentsByBannedAuthors,
      select(s.bannedAction, [
        ['refuse', SETTINGS.refuseWithAnError],
        ['hold', SETTINGS.holdSilently],
      ]),
    ),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The PATCH body: only keys that differ from what the server last returned. */
function changes(f: FormFields, saved: AdminSite): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const settings: Record<string, unknown> = {};
  const name = f.value('name');
  if (name !== saved.name) patch.name = name;
  const origins = f.value('allowedOrigins');
  if (!same(origins, saved.allowedOrigins)) patch.allowedOrigins = origins;
  for (const key of Object.keys(saved.settings) as (keyof SiteSettings)[]) {
    if (key === 'toxicity' || !f.has(`settings.${key}`)) continue;
    const v = f.value(`settings.${key}`);
    if (!same(v, saved.settings[key])) settings[key] = v;
  }
  const tox: Record<string, unknown> = {};
  for (const attr of TOXICITY_ATTRIBUTES) {
    const rule = {
      threshold: f.value(`settings.toxicity.${attr}.threshold`),
      action: f.value(`settings.toxicity.${attr}.action`),
    };
    if (!same(rule, saved.settings.toxicity[attr])) tox[attr] = rule;
  }
  if (Object.keys(tox).length) settings.toxicity = tox;
  if (Object.keys(settings).length) patch.settings = settings;
  return patch;
}

function settingsForm(initial: AdminSite): HTMLElement {
  let saved = initial;
  // Every setting explains itself in one line (strings.ts), unless the call gives its own.
  const f = new FormFields((name) => SETTING_HINTS[name.replace(/^settings\./, '')] ?? '');
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
    generalSection(f, initial),
    premoderationSection(f, initial.settings),
    wordsSection(f, initial.settings),
    toxicitySection(f, initial.settings),
    reportsSection(f, initial.settings),
    summary,
    h('div', { class: 'form-actions sticky-actions' }, saveBtn, status),
  );

  const showSummary = (text: string) => {
    summary.textContent = text;
    summary.hidden = false;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    summary.hidden = true;
    f.clearErrors();
    const patch = changes(f, saved);
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
      if (err instanceof ApiError && err.fields)
        showSummary(SETTINGS.fixFields(f.showErrors(err.fields)));
      else showSummary(err instanceof Error ? err.message : SETTINGS.couldNotSave);
    } finally {
      saveBtn.disabled = false;
    }
  });
  return form;
}
