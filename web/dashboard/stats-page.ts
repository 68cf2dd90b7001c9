// Stats (admins): comments per day by status, totals, and the median time to a decision.
import { errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { moderation } from './api.js';
import { duration, h, mount } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { COMMENT_STATUSES as STATUSES, type CommentStatus, type ModerationStats } from './types.js';
import { STATS } from './strings.js';

const STATUS_LABELS: Record<CommentStatus, string> = {
  approved: STATS.approved,
  pending: STATS.pending,
  spam: STATS.spam,
  rejected: STATS.rejected,
  deleted: STATS.deleted,
};

export function mountStatsPage(main: HTMLElement): Page {
  let site = store.user && store.user.sites.length > 1 ? store.filters.site : '';
  let days = 30;
  let alive = true;
  const body = h('div', null, loadingBlock());
  const daysSelect = h(
    'select',
    { class: 'input', id: 'stats-days', 'data-testid': 'stats-days' },
    [7, 30, 90, 365].map((d) => h('option', { value: d, selected: d === days }, STATS.lastDays(d))),
  );
  daysSelect.addEventListener('change', () => {
    days = Number(daysSelect.value);
    void load();
  });
  const picker = sitePicker({
    value: site,
    all: true,
    onChange: (s) => {
      site = s;
      void load();
    },
  });
  mount(
    main,
    h(
      'div',
      { class: 'page' },
      pageHead(
        STATS.stats,
        STATS.commentsByTheStatus,
        picker,
        h(
          'div',
          { class: 'filter' },
          h('label', { for: 'stats-days', class: 'filter-label' }, STATS.period),
          daysSelect,
        ),
      ),
      body,
    ),
  );

  async function load(): Promise<void> {
    mount(body, loadingBlock());
    try {
      const stats = await moderation.stats({ site: site || undefined, days });
      if (alive) mount(body, render(stats));
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

function render(stats: ModerationStats): HTMLElement {
  const total = STATUSES.reduce((n, s) => n + stats.byStatus[s], 0);
  const tile = (label: string, value: string, cls = '') =>
    h(
      'div',
      { class: `card tile ${cls}` },
      h('div', { class: 'tile-label' }, label),
      h('div', { class: 'tile-value' }, value),
    );
  const max = Math.max(1, ...stats.perDay.map((d) => d.total));
  const rows = [...stats.perDay].reverse();
  return h(
    'div',
    { class: 'stack' },
    h(
      'div',
      { class: 'tiles', 'data-testid': 'stats-summary' },
      tile(STATS.comments, String(total)),
      tile(STATS.approved, String(stats.byStatus.approved), 'tile-approved'),
      tile(STATS.pending, String(stats.byStatus.pending), 'tile-pending'),
      tile(STATS.spam, String(stats.byStatus.spam), 'tile-spam'),
      tile(STATS.rejected, String(stats.byStatus.rejected), 'tile-rejected'),
      h(
        'div',
        { class: 'card tile', 'data-testid': 'median-decision' },
        h('div', { class: 'tile-label' }, STATS.medianTimeToDecision),
        h(
          'div',
          { class: 'tile-value' },
          stats.medianDecisionSeconds === null ? '—' : duration(stats.medianDecisionSeconds),
        ),
      ),
    ),
    h(
      'div',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'table table-stats', 'data-testid': 'stats-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, STATS.day),
            h('th', { scope: 'col', class: 'num' }, STATS.total),
            STATUSES.map((s) => h('th', { scope: 'col', class: 'num' }, STATUS_LABELS[s])),
            h(
              'th',
              { scope: 'col', class: 'bar-col' },
              h('span', { class: 'sr-only' }, STATS.chart),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((d) =>
            h(
              'tr',
              { class: d.total ? '' : 'is-zero' },
              h(
                'th',
                { scope: 'row', class: 'nowrap' },
                new Date(`${d.date}T00:00:00Z`).toLocaleDateString(undefined, {
                  weekday: 'short',
                  month: 'short',
                  day: 'numeric',
                  timeZone: 'UTC',
                }),
              ),
              h('td', { class: 'num' }, String(d.total)),
              STATUSES.map((s) =>
                h('td', { class: 'num' }, d[s] ? String(d[s]) : h('span', { class: 'muted' }, '0')),
              ),
              h(
                'td',
                { class: 'bar-col', 'aria-hidden': 'true' },
                h(
                  'div',
                  { class: 'bar', style: `width:${Math.round((d.total / max) * 100)}%` },
                  STATUSES.filter((s) => d[s] > 0).map((s) =>
                    h('span', { class: `bar-seg seg-${s}`, style: `flex:${d[s]}` }),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
