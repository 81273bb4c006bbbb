/** Expiry dates are calendar dates in UTC: a client works through its date (API.md). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function oneYearFromTodayUtc(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  // 29 February + 1 year rolls over to 1 March, as java.time's plusYears does not: keep 28 February.
  if (d.getUTCMonth() !== now.getUTCMonth()) d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export const LAST_EXPIRY = '9999-12-31';

const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "28 Nov 2027" for a YYYY-MM-DD date. */
export function formatDate(isoDate: string): string {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? isoDate : format.format(time);
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "2 Dec 2026, 18:05 UTC" for an ISO instant. */
export function formatDateTime(instant: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant : `${dateTime.format(time)} UTC`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "3 hours ago", "yesterday", "in 2 days" for an ISO instant. */
export function formatRelative(instant: string, now = Date.now()): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** Whole days from the UTC date `from` to the UTC date `to` (YYYY-MM-DD): 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}
