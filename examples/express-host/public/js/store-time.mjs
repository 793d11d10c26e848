// Dates as the store sees them: posts are planned at local best times in the store's time zone,
// so the calendar groups and labels them in that zone, whatever the viewer's own zone is.

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDateKey(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type) => parts.find((entry) => entry.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(dateKey, days) {
  const date = new Date(`${dateKey}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before a date. */
export function mondayOf(dateKey) {
  const weekday = new Date(`${dateKey}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(dateKey, weekday === 0 ? -6 : 1 - weekday);
}

/** "Mon 30 Nov" for a date key. */
export function dayLabel(dateKey) {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${dateKey}T00:00:00Z`));
}

/** "14:30" in the store's zone. */
export function timeLabel(instant, timeZone) {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(instant),
  );
}

/** "Thu 26 Nov, 14:30 (Europe/Paris)". */
export function dateTimeLabel(instant, timeZone) {
  const text = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}
