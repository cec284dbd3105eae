// Dates of events as readers see them. An event's dates are local dates of its own zone, so they are
// formatted as calendar days (in UTC, where a date string means itself), never shifted to the
// reader's zone; times are shifted only when the reader asks (views-event.tsx).
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, style: 'long' | 'full' | 'medium'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** "24 November 2016", or "18–20 September 2017" for several days, in the reader's language. */
export function dateRange(locale: string, from: string, to: string): string {
  const f = dateFormat(locale, 'long');
  return from === to ? f.format(asDate(from)) : f.formatRange(asDate(from), asDate(to));
}

/** "Thursday, 24 November 2016". */
export function fullDate(locale: string, date: string): string {
  return dateFormat(locale, 'full').format(asDate(date));
}

/** The month's name and year: "November 2026". */
export function monthTitle(locale: string, month: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    asDate(`${month}-01`),
  );
}

/** Weekday names from Monday, short. */
export function weekdayNames(locale: string, style: 'short' | 'long'): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(asDate(`2024-01-0${i + 1}`)));
}

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
