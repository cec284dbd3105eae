// Moments are ISO 8601 strings in UTC everywhere in the platform (see db/schema.ts).
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
