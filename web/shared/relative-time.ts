// "3 minutes ago", "yesterday", "in 2 hours": one rule for the widget and the dashboard, in
// whatever language the Intl formatter was made for. Under 45 s the caller's own words apply.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** The relative time of `iso`, or null when it is within 45 s of `now` (or not a date). */
export function relativeTime(
  rtf: Intl.RelativeTimeFormat,
  iso: string,
  now = Date.now(),
): string | null {
  const seconds = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(seconds);
  if (!(abs >= 45)) return null;
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60) || -1, 'minute');
}
