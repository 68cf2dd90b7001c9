// Small parsers for the values exports spell in their own ways (dates, booleans).

/** ISO-8601; Disqus's documented example omits the zone ("2012-12-12T12:12:12"), which means UTC. */
export function parseIsoDate(value: string | null): Date | null {
  if (value === null) return null;
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(withZone))
    return null;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** WordPress's "YYYY-MM-DD HH:MM:SS" (GMT columns); "0000-00-00 00:00:00" is its "no date". */
export function parseWordPressDate(value: string | null): Date | null {
  if (value === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!m || m[1] === '0000') return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== +m[3]! ? null : date;
}

/** true/false/1/0 (any case), absent = the fallback; anything else is undefined (= malformed). */
export function parseFlag(value: string | null, fallback: boolean): boolean | undefined {
  if (value === null) return fallback;
  const v = value.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}
