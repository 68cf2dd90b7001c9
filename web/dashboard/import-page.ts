// Import (admins): upload another system's export file for a site, optionally as a dry run,
// with URL remapping rules; the job's progress is polled until it ends, then its counts, the
// dry run's plan and the skipped entries are shown.
import type {
  ImportJobJson as JobJson,
  SkippedEntryJson as SkippedEntry,
} from '../../src/contracts/import-api.js';
import { defaultSite, pageHead, sitePicker } from './admin-common.js';
import { h, mount } from './dom.js';
import type { Page } from './router.js';
import { IMPORT } from './strings.js';

const FORMATS: [string, string][] = [
  ['disqus', IMPORT.disqusXmlExport],
  ['wxr', IMPORT.wordpressWxrToolsExport],
  ['isso', IMPORT.issoSqliteDatabase],
  ['remark42', IMPORT.remark42Backup],
  ['commento', IMPORT.commentoJsonExport],
  ['parley', IMPORT.parleyExport],
];

async function call<T>(method: string, url: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    // The CSRF token of this session (the dashboard's api.ts keeps its own copy private).
    const me = (await (await fetch('/api/auth/me', { credentials: 'same-origin' })).json()) as {
      csrfToken?: string;
    };
    headers['x-csrf-token'] = me.csrfToken ?? '';
    // The file is the body, whatever it is: never parsed as JSON on the way in.
    headers['content-type'] = 'application/octet-stream';
  }
  const res = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
  const data = (await res.json().catch(() => null)) as
    | (T & { error?: { message: string; fields?: Record<string, string> } })
    | null;
  if (!res.ok) {
    const fields = data?.error?.fields ? Object.values(data.error.fields).join(' ') : '';
    throw new Error(`${data?.error?.message ?? `The server answered ${res.status}.`} ${fields}`);
  }
  return data as T;
}

export function mountImportPage(main: HTMLElement): Page {
  let site = defaultSite();
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The job the result shows: a poll of any other (an earlier start) stops. */
  let current = '';
  const format = h(
    'select',
    { class: 'input', id: 'import-format', 'aria-label': IMPORT.format },
    FORMATS.map(([v, label]) => h('option', { value: v }, label)),
  );
  const file = h('input', {
    class: 'input',
    id: 'import-file',
    type: 'file',
    'aria-label': IMPORT.exportFile,
    required: true,
  });
  const remap = h('textarea', {
    class: 'input',
    id: 'import-remap',
    rows: 3,
    'aria-label': IMPORT.urlRemappingRules,
    placeholder: IMPORT.oldExampleComNew,
  });
  const dryRun = h('input', {
    type: 'checkbox',
    class: 'check',
    id: 'import-dry-run',
    checked: true,
  });
  const pings = h('input', { type: 'checkbox', class: 'check', id: 'import-pingbacks' });
  const screen = h('input', { type: 'checkbox', class: 'check', id: 'import-screen' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const result = h('div', { id: 'import-result', 'data-testid': 'import-result' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, IMPORT.start);
  const field = (id: string, label: string, input: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const check = (box: HTMLElement, label: string) =>
    h('div', { class: 'field field-check' }, h('label', { class: 'check-row' }, box, label));
  const form = h(
    'form',
    { class: 'card section stack', id: 'import-form' },
    field('import-format', IMPORT.format, format),
    field('import-file', IMPORT.file, file),
    field('import-remap', IMPORT.urlRemappingOneFrom, remap),
    check(dryRun, IMPORT.dryRunShowWhat),
    check(pings, IMPORT.importPingbacksAndTrackbacks),
    check(screen, IMPORT.screenImportedCommentsThey),
    error,
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void start();
  });
  mount(
    main,
    h(
      'div',
      { class: 'page' },
      pageHead(
        IMPORT.import,
        IMPORT.bringCommentsInFrom,
        sitePicker({ value: site, all: false, onChange: (s) => (site = s) }),
      ),
      h('div', { class: 'stack' }, form, result),
    ),
  );
  document.body.dataset.ready = 'true';

  async function start(): Promise<void> {
    const chosen = (file as HTMLInputElement).files?.[0];
    error.hidden = true;
    if (!chosen || !site) {
      error.textContent = chosen ? IMPORT.chooseASite : IMPORT.chooseTheExportFile;
      error.hidden = false;
      return;
    }
    const params = new URLSearchParams({
      format: (format as HTMLSelectElement).value,
      dryRun: String((dryRun as HTMLInputElement).checked),
      includePingbacks: String((pings as HTMLInputElement).checked),
      screen: String((screen as HTMLInputElement).checked),
      name: chosen.name,
    });
    for (const line of (remap as HTMLTextAreaElement).value.split('\n'))
      if (line.trim()) params.append('remap', line.trim());
    // The job belongs to this site, whatever the picker says by the time it is polled.
    const target = site;
    (submit as HTMLButtonElement).disabled = true;
    try {
      const { job } = await call<{ job: JobJson }>(
        'POST',
        `/api/admin/sites/${encodeURIComponent(target)}/imports?${params}`,
        { body: chosen },
      );
      clearTimeout(timer);
      current = job.id;
      void poll(target, job.id);
    } catch (err) {
      error.textContent = (err as Error).message;
      error.hidden = false;
    } finally {
      (submit as HTMLButtonElement).disabled = false;
    }
  }

  async function poll(jobSite: string, id: string): Promise<void> {
    if (!alive || id !== current) return;
    try {
      const { job, skipped } = await call<{ job: JobJson; skipped: SkippedEntry[] }>(
        'GET',
        `/api/admin/sites/${encodeURIComponent(jobSite)}/imports/${id}`,
      );
      if (!alive || id !== current) return;
      mount(result, renderJob(job, skipped));
      if (job.status === 'reading' || job.status === 'writing')
        timer = setTimeout(() => void poll(jobSite, id), 1000);
    } catch (err) {
      if (!alive || id !== current) return;
      mount(result, h('p', { class: 'form-error' }, (err as Error).message));
    }
  }

  return {
    unmount() {
      alive = false;
      clearTimeout(timer);
    },
  };
}

function renderJob(job: JobJson, skipped: SkippedEntry[]): HTMLElement {
  const p = job.progress;
  const c = job.counts;
  const share =
    job.status === 'reading'
      ? job.fileBytes
        ? p.bytesRead / job.fileBytes
        : 0
      : p.threadsTotal
        ? p.threadsDone / p.threadsTotal
        : 1;
  const verb = job.dryRun ? IMPORT.wouldBeCreated : 'created';
  return h(
    'section',
    { class: 'card section stack-sm', 'data-status': job.status, 'data-testid': 'import-job' },
    h(
      'h2',
      { class: 'section-title' },
      `${job.dryRun ? IMPORT.dryRun : IMPORT.import}: ${job.status}`,
    ),
    h('progress', { max: 100, value: Math.round(share * 100) }),
    h('p', { class: 'muted' }, IMPORT.progress(p.recordsRead, p.threadsDone, p.threadsTotal)),
    job.error ? h('p', { class: 'form-error' }, job.error) : null,
    h(
      'ul',
      { 'data-testid': 'import-counts' },
      h('li', null, IMPORT.postsLine(verb, c.postsCreated, c.postsMatched)),
      h('li', null, IMPORT.commentsLine(verb, c.commentsCreated, c.commentsExisting)),
      h('li', null, IMPORT.reattached(c.commentsReattached)),
      h('li', null, IMPORT.flattened(c.commentsFlattened)),
      h('li', null, IMPORT.skippedCount(c.skipped)),
    ),
    job.plan
      ? h(
          'table',
          { class: 'table', 'data-testid': 'import-plan' },
          h(
            'tr',
            null,
            h('th', null, ''),
            h('th', null, IMPORT.post),
            h('th', null, 'URL'),
            h('th', null, IMPORT.comments),
          ),
          job.plan.posts.map((post) =>
            h(
              'tr',
              null,
              h('td', null, post.action === 'create' ? 'create' : 'match'),
              h('td', null, post.slug),
              h('td', null, post.url),
              h('td', null, post.comments),
            ),
          ),
        )
      : null,
    skipped.length
      ? h(
          'details',
          null,
          h('summary', null, IMPORT.skippedSummary(c.skipped)),
          h(
            'ul',
            { 'data-testid': 'import-skipped' },
            skipped.map((s) => h('li', null, IMPORT.skippedLine(s))),
          ),
        )
      : null,
  );
}
