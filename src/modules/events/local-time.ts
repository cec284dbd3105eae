// Local dates and times of an event (YYYY-MM-DD and HH:MM in its IANA zone) to moments and back.
import { TIME_ZONES } from '../../platform/time-zones.ts';

// Written by hand on Intl rather than with a date library: Node's ICU already carries the time zone
// database, and the two conversions below are all the module needs.

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, at: Date): Record<string, number> {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes `zone` is ahead of UTC at the moment `at` (420 for Asia/Ho_Chi_Minh). */
export function offsetMinutes(zone: string, at: Date): number {
  const p = partsIn(zone, at);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The moment a wall-clock time `date time` in `zone` names. Two passes settle the offset around a
 * daylight-saving change (a time skipped by the change moves forward, as calendars do).
 */
export function localToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let moment = guess - offsetMinutes(zone, new Date(guess)) * 60_000;
  moment = guess - offsetMinutes(zone, new Date(moment)) * 60_000;
  return new Date(moment);
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
  const p = partsIn(zone, moment);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return {
    date: `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`,
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return utcToLocal(now, zone).date;
}

/** Every date from `from` to `to` inclusive (YYYY-MM-DD). */
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

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a YYYY-MM-DD string names a real day (not 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/**
 * ICU lists some zones under their old names (Asia/Saigon, Asia/Rangoon, Asia/Calcutta), while the
 * IANA database, calendars and people use the current ones (Asia/Ho_Chi_Minh, Asia/Yangon…). Both
 * work with Intl; the form offers the current names, and either is accepted.
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

export const EVENT_ZONES: readonly string[] = [
  ...new Set(TIME_ZONES.map((z) => CURRENT_NAMES[z] ?? z)),
].sort();
const knownZones = new Set([...TIME_ZONES, ...EVENT_ZONES]);

export function isEventZone(value: string): boolean {
  return knownZones.has(value);
}
