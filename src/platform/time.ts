// Time in the platform. Moments are ISO 8601 strings in UTC everywhere (see db/schema.ts); calendar
// dates are YYYY-MM-DD strings; a wall-clock time belongs to an IANA zone (an event keeps its own).
// Conversions between a zone's wall clock and moments go through @date-fns/tz, which reads the zone
// database Node's ICU carries.
import { TZDate, tzOffset } from '@date-fns/tz';

export function nowIso(): string {
  return new Date().toISOString();
}

export function isoIn(seconds: number, from: Date = new Date()): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}

/** Whether the moment `iso` lies more than `seconds` in the past. */
export function isOlderThan(iso: string, seconds: number): boolean {
  return Date.parse(iso) < Date.now() - seconds * 1000;
}

/** Durations in seconds. */
export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// ── Calendar dates ────────────────────────────────────────────────────────────

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a YYYY-MM-DD string names a real day (not 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Today as YYYY-MM-DD in UTC (date pickers' limits, where a day either way does not matter). */
export const todayUtc = () => nowIso().slice(0, 10);

/** A calendar date as a moment (midnight UTC), for feeds and JSON-LD. */
export const dayToIso = (day: string) => `${day}T00:00:00.000Z`;

/** Every date from `from` to `to` inclusive (YYYY-MM-DD), at most 400. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 400; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The date after `date`. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// ── Wall clocks in a zone ─────────────────────────────────────────────────────

/** Minutes `zone` is ahead of UTC at the moment `at` (420 for Asia/Ho_Chi_Minh). */
export function offsetMinutes(zone: string, at: Date): number {
  return tzOffset(zone, at);
}

/**
 * The moment a wall-clock time `date time` in `zone` names. A time skipped by a daylight-saving
 * change moves forward, as calendars do; a time that happens twice is its later occurrence (in
 * standard time: 02:30 in Paris on 2030-10-27 is 01:30 UTC; tested in platform/jobs/schedule.test.ts).
 */
export function localToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, zone).getTime());
}

/** "+07:00" for an offset of 420 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset, as schema.org wants it: 2016-11-24T09:15:00+07:00. */
export function isoWithOffset(date: string, time: string, zone: string): string {
  const moment = localToUtc(date, time, zone);
  return `${date}T${time}:00${formatOffset(offsetMinutes(zone, moment))}`;
}

/** The local date and time in `zone` of a moment: { date: YYYY-MM-DD, time: HH:MM }. */
export function utcToLocal(moment: Date, zone: string): { date: string; time: string } {
  const local = new TZDate(moment.getTime(), zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(local.getFullYear()).padStart(4, '0')}-${two(local.getMonth() + 1)}-${two(local.getDate())}`,
    time: `${two(local.getHours())}:${two(local.getMinutes())}`,
  };
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return utcToLocal(now, zone).date;
}

// ── Time zones ────────────────────────────────────────────────────────────────

/** IANA time zones as this Node's ICU knows them (some under their old names: Asia/Saigon). */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/**
 * ICU lists some zones under their old names (Asia/Saigon, Asia/Rangoon, Asia/Calcutta), while the
 * IANA database, calendars and people use the current ones (Asia/Ho_Chi_Minh, Asia/Yangon…). Both
 * work with Intl; forms offer the current names, and either is accepted.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

/** The zones a form offers, by their current names. */
export const ZONE_CHOICES: readonly string[] = [
  ...new Set(TIME_ZONES.map((z) => CURRENT_NAMES[z] ?? z)),
].sort();
const knownZones = new Set([...TIME_ZONES, ...ZONE_CHOICES]);

/** Whether `value` names a time zone, by its old or current name. */
export function isTimeZone(value: string): boolean {
  return knownZones.has(value);
}
