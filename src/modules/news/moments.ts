// The form's "publish at" field is a datetime-local (a wall-clock time without a zone): it is read
// in the writer's time zone (their account's, or the hub's), with @date-fns/tz, which does the
// daylight-saving arithmetic on Intl's time zone data. API clients send moments with an offset.
import { TZDate } from '@date-fns/tz';
import { isRealDate, utcToLocal } from '../../platform/time.ts';

/** A moment as the form's datetime-local field sends it (in the writer's time zone)… */
export const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** …or as an API client sends it, with its offset. */
export const ZONED_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The moment a form or API value names, as ISO 8601 UTC; undefined when it names none. */
export function momentOf(value: string, timeZone: string): string | undefined {
  if (LOCAL_MOMENT.test(value)) {
    const [date = '', time = ''] = value.split('T');
    const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
    const [hh = 0, mm = 0, ss = 0] = time.split(':').map(Number);
    // 2026-02-30 or 25:00 would roll over to the next month or day: not a moment the writer meant.
    if (!isRealDate(date) || hh > 23 || mm > 59 || ss > 59) return undefined;
    const at = new TZDate(y, m - 1, d, hh, mm, ss, timeZone).getTime();
    return Number.isNaN(at) ? undefined : new Date(at).toISOString();
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The value of a datetime-local field showing `iso` in `timeZone`. */
export function localInputOf(iso: string, timeZone: string): string {
  const { date, time } = utcToLocal(new Date(iso), timeZone);
  return `${date}T${time}`;
}
