// Escaping and date formatting for the string-built thread markup.
import { t } from './strings.js';
import { relativeTime } from '../shared/relative-time.js';

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** Only http(s) links may become hrefs; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export interface DateFormatter {
  relative(iso: string, now?: number): string;
  exact(iso: string): string;
}

export function createDateFormatter(lang: string | undefined): DateFormatter {
  // One formatter per widget: constructing Intl objects per comment costs more than rendering.
  let rtf: Intl.RelativeTimeFormat;
  let dtf: Intl.DateTimeFormat;
  try {
    rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    dtf = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  } catch {
    rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    dtf = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
  }
  return {
    relative(iso, now = Date.now()) {
      return relativeTime(rtf, iso, now) ?? t('justNow');
    },
    exact(iso) {
      const d = new Date(iso);
      return isNaN(d.getTime()) ? iso : dtf.format(d);
    },
  };
}
