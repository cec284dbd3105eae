// A clipping's day in the reader's locale. The day is a calendar date, not a moment: it is
// formatted in UTC, so a reader west of Greenwich does not see the day before.
import { nowIso } from '../../platform/time.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

export function formatDay(day: string, locale: string): string {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** The day as a moment, for feeds and JSON-LD (midnight UTC). */
export const dayToIso = (day: string) => `${day}T00:00:00.000Z`;

/** Today, for the form's date picker limit. */
export const today = () => nowIso().slice(0, 10);
