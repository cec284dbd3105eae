// The form's "publish at" field is a datetime-local (a wall-clock time without a zone): it is read
// in the writer's time zone (their account's, or the hub's), with @date-fns/tz, which does the
// daylight-saving arithmetic on Intl's time zone data. API clients send moments with an offset.
import { TZDate } from '@date-fns/tz';
import { LOCAL_MOMENT } from './schemas.ts';

/** The moment a form or API value names, as ISO 8601 UTC; undefined when it names none. */
export function momentOf(value: string, timeZone: string): string | undefined {
  if (LOCAL_MOMENT.test(value)) {
    const [date = '', time = ''] = value.split('T');
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm, ss] = time.split(':').map(Number);
    if (y === undefined || m === undefined || d === undefined || hh === undefined || mm === undefined)
      return undefined;
    const at = new TZDate(y, m - 1, d, hh, mm, ss ?? 0, timeZone);
    // 2026-02-30 rolls over to March: not a day the writer meant.
    if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== d) return undefined;
    return Number.isNaN(at.getTime()) ? undefined : new Date(at.getTime()).toISOString();
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The value of a datetime-local field showing `iso` in `timeZone`. */
export function localInputOf(iso: string, timeZone: string): string {
  const at = new TZDate(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}
