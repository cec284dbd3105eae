// When a recurring job runs: every N minutes (on the clock: every 5 minutes is :00, :05, :10 … UTC,
// whichever process runs it and whenever it started), or daily at a wall-clock time in an IANA zone
// (03:00 in Asia/Vientiane, 03:00 in Europe/Paris in winter and in summer). Pure functions: the
// runner stores the schedule as text in the job's row and asks for the next moment after a run.
import { isTimeZone, localToUtc, nextDate, TIME, todayIn } from '../time.ts';

/** How a module declares a recurring job; `zone` defaults to the hub's (DEFAULT_TIME_ZONE). */
export type Schedule = { everyMinutes: number } | { dailyAt: string; zone?: string };

/** A schedule with its zone settled, as stored in the job's row. */
export type ResolvedSchedule = { everyMinutes: number } | { dailyAt: string; zone: string };

export function resolveSchedule(schedule: Schedule, defaultZone: string): ResolvedSchedule {
  if ('everyMinutes' in schedule) {
    if (!(schedule.everyMinutes > 0 && schedule.everyMinutes <= 24 * 60))
      throw new Error(`everyMinutes must be more than 0 and at most a day (got ${schedule.everyMinutes})`);
    return { everyMinutes: schedule.everyMinutes };
  }
  const zone = schedule.zone ?? defaultZone;
  if (!TIME.test(schedule.dailyAt)) throw new Error(`dailyAt must be HH:MM (got ${schedule.dailyAt})`);
  if (!isTimeZone(zone)) throw new Error(`Unknown time zone ${zone}`);
  return { dailyAt: schedule.dailyAt, zone };
}

/** 'every 5' or 'daily 03:00 Asia/Vientiane': the row's `schedule` column. */
export function scheduleText(schedule: ResolvedSchedule): string {
  return 'everyMinutes' in schedule
    ? `every ${schedule.everyMinutes}`
    : `daily ${schedule.dailyAt} ${schedule.zone}`;
}

export function parseSchedule(text: string): ResolvedSchedule {
  const [kind, a, b] = text.split(' ');
  if (kind === 'every' && a) return resolveSchedule({ everyMinutes: Number(a) }, 'UTC');
  if (kind === 'daily' && a && b) return resolveSchedule({ dailyAt: a, zone: b }, 'UTC');
  throw new Error(`Not a job schedule: ${text}`);
}

/** For people: "every 5 minutes", "daily at 03:00 (Asia/Vientiane)". */
export function describeSchedule(text: string): string {
  const s = parseSchedule(text);
  if ('everyMinutes' in s) return s.everyMinutes === 1 ? 'every minute' : `every ${s.everyMinutes} minutes`;
  return `daily at ${s.dailyAt} (${s.zone})`;
}

/**
 * The first moment the schedule names strictly after `after`. Every N minutes: the next multiple
 * of N minutes since 1970 (UTC). Daily: the time on `after`'s day in the zone, or on the next day
 * when it has passed. A time that a daylight-saving change skips (02:30 in Paris on the last
 * Sunday of March) runs at the moment the clocks jump to (03:30 summer time, as localToUtc reads it);
 * a time that happens twice (02:30 on the last Sunday of October) runs once, at the occurrence
 * localToUtc gives (the later one, in standard time), since the next run is looked for after it.
 */
export function nextRunAfter(schedule: ResolvedSchedule, after: Date): Date {
  if ('everyMinutes' in schedule) {
    const period = Math.round(schedule.everyMinutes * 60_000);
    return new Date((Math.floor(after.getTime() / period) + 1) * period);
  }
  let day = todayIn(schedule.zone, after);
  // Two steps at most: today's time has passed, tomorrow's has not.
  for (let i = 0; i < 3; i++) {
    const moment = localToUtc(day, schedule.dailyAt, schedule.zone);
    if (moment.getTime() > after.getTime()) return moment;
    day = nextDate(day);
  }
  throw new Error(`No next run for ${scheduleText(schedule)} after ${after.toISOString()}`);
}
