// A clipping's day is a calendar date, not a moment (pages show it with the platform's `fmt.day`).
import { nowIso } from '../../platform/time.ts';

/** The day as a moment, for feeds and JSON-LD (midnight UTC). */
export const dayToIso = (day: string) => `${day}T00:00:00.000Z`;

/** Today, for the form's date picker limit. */
export const today = () => nowIso().slice(0, 10);
