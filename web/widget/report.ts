// The inline "Report" chooser shown under a comment.
import type { ReportReason } from '../shared/api-types.js';
import type { Api } from './api.js';
import { esc } from './format.js';
import { t, type TextKey } from './strings.js';

const REASONS: [ReportReason, TextKey][] = [
  ['spam', 'reasonSpam'],
  ['abuse', 'reasonAbuse'],
  ['off-topic', 'reasonOffTopic'],
  ['other', 'reasonOther'],
];

/** Opens the chooser in the comment's slot; closes it on Cancel and thanks on success. */
export function openReport(api: Api, article: HTMLElement, onDone: () => void): void {
  const slot = article.querySelector<HTMLElement>('.slot')!;
  const existing = slot.querySelector<HTMLElement>('.report');
  if (existing) {
    existing.querySelector<HTMLInputElement>('input')!.focus();
    return;
  }
  const id = article.getAttribute('data-comment-id')!;
  const key = id.replace(/[^\w-]/g, '');
  const form = document.createElement('form');
  form.className = 'report';
  form.noValidate = true;
  form.setAttribute('data-testid', 'report-form');
  form.innerHTML =
    `<fieldset><legend>${esc(t('reportLegend'))}</legend><div class="radios">` +
    REASONS.map(
      ([value, label], i) =>
        `<label><input type="radio" name="reason" value="${value}"${i === 0 ? ' checked' : ''} data-testid="report-reason-${value}">${esc(t(label))}</label>`,
    ).join('') +
    `</div></fieldset><label class="nl" for="p-rn-${key}">${esc(t('reportNote'))}</label>` +
    `<textarea class="in" id="p-rn-${key}" name="note" maxlength="500" rows="2" data-testid="report-note"></textarea>` +
    `<div class="ferror" role="alert"></div>` +
    `<div class="row"><button type="submit" class="btn sm" data-testid="report-send">${esc(t('reportSend'))}</button>` +
    `<button type="button" class="btn sm ghost" data-testid="report-cancel">${esc(t('reportCancel'))}</button></div>`;
  slot.appendChild(form);
  form.querySelector<HTMLInputElement>('input')!.focus();

  const trigger = article.querySelector<HTMLElement>('[data-act=report]');
  const close = () => {
    form.remove();
    trigger?.focus();
    onDone();
  };
  form.querySelector<HTMLElement>('[data-testid=report-cancel]')!.onclick = close;
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  let sending = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (sending) return;
    sending = true;
    const data = new FormData(form);
    const reason = (data.get('reason') as ReportReason | null) ?? 'other';
    const note = String(data.get('note') ?? '').trim();
    api
      .report(id, reason, note || undefined)
      .then(() => {
        const thanks = document.createElement('p');
        thanks.className = 'thanks';
        thanks.setAttribute('role', 'status');
        thanks.setAttribute('data-testid', 'report-thanks');
        thanks.tabIndex = -1;
        thanks.textContent = t('reportThanks');
        form.replaceWith(thanks);
        thanks.focus();
        // The reader reported it once; a second report from the same page adds nothing.
        trigger?.setAttribute('hidden', '');
      })
      .catch(() => {
        sending = false;
        form.querySelector('.ferror')!.textContent = t('reportFailed');
      });
  });
}
