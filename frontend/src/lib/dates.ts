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
