// Modal dialogs (help overlay, ban form): focus moves in and back out, Tab stays inside,
// Esc or a click on the backdrop closes.
import { h, type Child } from './dom.js';
import { HELP } from './strings.js';

export interface Dialog {
  el: HTMLElement;
  close: () => void;
}

const open: Dialog[] = [];

export function isDialogOpen(): boolean {
  return open.length > 0;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function openDialog(opts: {
  title: string;
  testid: string;
  body: Child;
  wide?: boolean;
  onClose?: () => void;
}): Dialog {
  const returnFocus = document.activeElement as HTMLElement | null;
  const titleId = `dlg-${Math.random().toString(36).slice(2, 8)}`;
  const panel = h(
    'div',
    {
      class: `dialog${opts.wide ? ' dialog-wide' : ''}`,
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': titleId,
      'data-testid': opts.testid,
    },
    h(
      'header',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, opts.title),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-btn',
          'aria-label': HELP.close,
          onclick: () => dialog.close(),
        },
        '×',
      ),
    ),
    h('div', { class: 'dialog-body' }, opts.body),
  );
  const backdrop = h(
    'div',
    {
      class: 'backdrop',
      onmousedown: (e: Event) => {
        if (e.target === backdrop) dialog.close();
      },
    },
    panel,
  );

  const onKey = (e: KeyboardEvent) => {
    if (open.at(-1) !== dialog) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      dialog.close();
    } else if (e.key === 'Tab') {
      const items = Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items.at(-1)!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const dialog: Dialog = {
    el: panel,
    close() {
      const i = open.indexOf(dialog);
      if (i < 0) return;
      open.splice(i, 1);
      document.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      opts.onClose?.();
      returnFocus?.focus?.();
    },
  };
  open.push(dialog);
  document.addEventListener('keydown', onKey, true);
  document.body.appendChild(backdrop);
  const autofocus =
    panel.querySelector<HTMLElement>('[autofocus]') ??
    panel.querySelector<HTMLElement>(
      '.dialog-body ' + FOCUSABLE.split(',').join(', .dialog-body '),
    ) ??
    panel.querySelector<HTMLElement>(FOCUSABLE);
  autofocus?.focus();
  return dialog;
}

export const SHORTCUTS: [string[], string][] = [
  [['j', '↓'], HELP.nextComment],
  [['k', '↑'], HELP.previousComment],
  [['a'], HELP.approve],
  [['r'], HELP.reject],
  [['s'], HELP.markAsSpam],
  [['n'], HELP.notSpamApproveAnd],
  [['b'], HELP.banTheAuthor],
  [['u'], HELP.undoYourLastAction],
  [['x'], HELP.selectUnselectForBulk],
  [['/'], HELP.search],
  [['?'], HELP.showThisHelp],
  [[HELP.esc], HELP.closeDialogsLeaveA],
];

export function openHelp(): Dialog {
  return openDialog({
    title: HELP.keyboardShortcuts,
    testid: 'help-overlay',
    body: h(
      'dl',
      { class: 'shortcuts' },
      SHORTCUTS.map(([keys, what]) => [
        h(
          'dt',
          null,
          keys.map((k, i) => [
            i > 0 ? h('span', { class: 'muted' }, ' or ') : null,
            h('kbd', null, k),
          ]),
        ),
        h('dd', null, what),
      ]),
    ),
  });
}
