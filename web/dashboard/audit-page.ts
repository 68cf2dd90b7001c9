// Audit log (admins): who did what, newest first, with undo where the server allows it.
import { errorBlock, loadingBlock, pageHead, sitePicker } from './admin-common.js';
import { moderation } from './api.js';
import { fullDate, h, mount, timeAgo } from './dom.js';
import type { Page } from './router.js';
import { store } from './store.js';
import { toast, toastError } from './toast.js';
import type { AuditEntry } from './types.js';
import { AUDIT } from './strings.js';

const ACTION_LABELS: Record<string, string> = {
  approve: AUDIT.approved,
  reject: AUDIT.rejected,
  spam: AUDIT.markedSpam,
  'not-spam': AUDIT.notSpam,
  delete: AUDIT.deleted,
  edit: AUDIT.edited,
  undo: AUDIT.undid,
  'ban.create': AUDIT.banned,
  'ban.delete': AUDIT.liftedBan,
  'site.create': AUDIT.createdSite,
  'site.update': AUDIT.changedSettings,
  'site.delete': AUDIT.deletedSite,
  'post.create': AUDIT.registeredPost,
  'post.update': AUDIT.changedPost,
  'user.create': AUDIT.addedAccount,
  'user.update': AUDIT.changedAccount,
  'user.delete': AUDIT.removedAccount,
  'user.invite': AUDIT.invited,
  'user.invite-withdraw': AUDIT.withdrewInvitation,
  'api-key.create': AUDIT.createdApiKey,
  'api-key.delete': AUDIT.revokedApiKey,
  'commenter.erase': AUDIT.erasedACommenter,
};

const BAN_KINDS: Record<string, string> = {
  ip: AUDIT.ipAddress,
  email: 'email',
  name: 'name',
  author: 'author',
};

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return `“${v}”`;
  return JSON.stringify(v);
}

/** "maxDepth: 5 → 3 · premoderation: “nobody” → “first-time”": what a change changed. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (b: Record<string, unknown>, a: Record<string, unknown>, prefix: string) => {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const x = b[key];
      const y = a[key];
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x))
        walk(x as Record<string, unknown>, y as Record<string, unknown>, `${prefix}${key}.`);
      else out.push(`${prefix}${key}: ${show(x)} → ${show(y)}`);
    }
  };
  walk(before, after, '');
  return out.join(' · ');
}

const UNDOABLE_TARGETS = new Set(['comment', 'ban']);

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function describe(e: AuditEntry): string {
  const before = obj(e.before);
  const after = obj(e.after);
  if (e.targetType === 'comment') {
    const from = before.status;
    const to = after.status;
    const change =
      typeof from === 'string' && typeof to === 'string' && from !== to ? `${from} → ${to}` : '';
    const undid =
      typeof after.undoneAction === 'string'
        ? AUDIT.undidWhat(ACTION_LABELS[after.undoneAction] ?? after.undoneAction)
        : '';
    return [
      AUDIT.commentId(String(e.targetId ?? '').slice(-8)),
      change,
      undid,
      typeof after.reason === 'string' ? `“${after.reason}”` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (e.targetType === 'ban') {
    const b = Object.keys(after).length ? after : before;
    // An IP ban's value is a hash: say what kind it is, never the hash.
    if (b.kind === 'ip') return AUDIT.anIpAddress;
    const kind = BAN_KINDS[String(b.kind)] ?? String(b.kind ?? 'ban');
    return `${kind} ${String(b.value ?? '')}`.trim();
  }
  if (e.targetType === 'commenter') {
    // The entry never names who was erased: only what went.
    return AUDIT.erased(Number(after.comments ?? 0), String(after.bodies ?? 'kept'));
  }
  if (e.action === 'site.update' || e.action === 'post.update' || e.action === 'user.update') {
    return changes(before, after) || AUDIT.noChange;
  }
  // Sites, posts and accounts by name, not by id.
  const named = Object.keys(after).length ? after : before;
  const label = named.name ?? named.title ?? named.email ?? named.label;
  if (typeof label === 'string') return `${e.targetType} “${label}”`;
  return `${e.targetType} ${String(e.targetId ?? '').slice(-8)}`;
}

export function mountAuditPage(main: HTMLElement): Page {
  let site = store.user && store.user.sites.length > 1 ? store.filters.site : '';
  let alive = true;
  let entries: AuditEntry[] = [];
  let nextCursor: string | null = null;
  const wrap = h('div', null, loadingBlock());
  const more = h('div', { class: 'list-footer' });
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
      pageHead(AUDIT.auditLog, AUDIT.everyModerationDecisionBan, picker),
      wrap,
      more,
    ),
  );

  async function load(cursor?: string): Promise<void> {
    if (!cursor) mount(wrap, loadingBlock());
    try {
      const res = await moderation.audit({ site: site || undefined, cursor, limit: 50 });
      if (!alive) return;
      entries = cursor ? [...entries, ...res.entries] : res.entries;
      nextCursor = res.nextCursor;
      render();
    } catch (err) {
      if (alive)
        mount(
          wrap,
          errorBlock(err, () => void load()),
        );
    }
    document.body.dataset.ready = 'true';
  }

  function render(): void {
    mount(
      more,
      nextCursor
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-plain btn-sm',
              onclick: () => void load(nextCursor!),
            },
            AUDIT.loadOlder,
          )
        : null,
    );
    if (entries.length === 0) {
      mount(
        wrap,
        h(
          'div',
          { class: 'card', 'data-testid': 'audit-list' },
          h(
            'div',
            { class: 'empty empty-inline', 'data-testid': 'empty-state' },
            h('p', { class: 'empty-title' }, AUDIT.nothingLoggedYet),
          ),
        ),
      );
      return;
    }
    mount(
      wrap,
      h(
        'div',
        { class: 'card table-card' },
        h(
          'table',
          { class: 'table', 'data-testid': 'audit-list' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [AUDIT.when, AUDIT.who, AUDIT.action, AUDIT.target, AUDIT.site, ''].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h('tbody', null, entries.map(row)),
        ),
      ),
    );
  }

  function row(e: AuditEntry): HTMLElement {
    const canUndo =
      !e.undoneAt && e.action !== 'undo' && UNDOABLE_TARGETS.has(e.targetType) && e.site !== null;
    const undoBtn = canUndo
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn-sm btn-plain',
            'data-testid': 'audit-undo',
            onclick: () => void undo(e, undoBtn!),
          },
          AUDIT.undo,
        )
      : null;
    return h(
      'tr',
      { 'data-entry-id': e.id, class: e.undoneAt ? 'is-undone' : '' },
      h('td', { title: fullDate(e.createdAt), class: 'nowrap' }, timeAgo(e.createdAt)),
      h('td', null, e.actor.name ?? h('span', { class: 'muted' }, 'system')),
      h(
        'td',
        null,
        h(
          'span',
          { class: `badge badge-action action-${e.action.replace('.', '-')}` },
          ACTION_LABELS[e.action] ?? e.action,
        ),
      ),
      h('td', null, describe(e)),
      h('td', null, e.site ?? h('span', { class: 'muted' }, '—')),
      h(
        'td',
        { class: 'cell-actions' },
        e.undoneAt
          ? h('span', { class: 'muted small', title: fullDate(e.undoneAt) }, AUDIT.undone)
          : undoBtn,
      ),
    );
  }

  async function undo(e: AuditEntry, btn: HTMLButtonElement): Promise<void> {
    btn.disabled = true;
    try {
      await moderation.undo(e.id);
      toast(AUDIT.undidToast(ACTION_LABELS[e.action] ?? e.action), { kind: 'success' });
      await load();
    } catch (err) {
      btn.disabled = false;
      toastError(err, AUDIT.couldNotUndo);
    }
  }

  void load();
  return {
    unmount: () => {
      alive = false;
    },
  };
}
