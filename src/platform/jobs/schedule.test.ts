// Recurring schedules: every N minutes on the clock, daily at a wall-clock time in a zone, across
// daylight-saving changes (Europe/Paris) and in a zone without them (Asia/Vientiane).
import { describe, expect, it } from 'vitest';
import { nextRunAfter, parseSchedule, resolveSchedule, scheduleText } from './schedule.ts';

const at = (iso: string) => new Date(iso);
const next = (text: string, after: string) => nextRunAfter(parseSchedule(text), at(after)).toISOString();

describe('every N minutes', () => {
  it.each([
    ['every 1', '2030-01-01T10:00:00.000Z', '2030-01-01T10:01:00.000Z'],
    ['every 1', '2030-01-01T10:00:59.999Z', '2030-01-01T10:01:00.000Z'],
    ['every 5', '2030-01-01T10:02:10.000Z', '2030-01-01T10:05:00.000Z'],
    ['every 60', '2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z'],
  ])('%s after %s is %s', (text, after, expected) => {
    expect(next(text, after)).toBe(expected);
  });
});

describe('daily at a time in a zone', () => {
  it.each([
    // Paris: UTC+1 in winter, UTC+2 in summer (from 2030-03-31 02:00, until 2030-10-27 03:00).
    [
      'before the spring change',
      'daily 03:00 Europe/Paris',
      '2030-03-29T12:00:00.000Z',
      '2030-03-30T02:00:00.000Z',
    ],
    [
      'on the spring change day',
      'daily 03:00 Europe/Paris',
      '2030-03-30T02:00:00.000Z',
      '2030-03-31T01:00:00.000Z',
    ],
    ['after it', 'daily 03:00 Europe/Paris', '2030-03-31T01:00:00.000Z', '2030-04-01T01:00:00.000Z'],
    [
      'a time the spring change skips',
      'daily 02:30 Europe/Paris',
      '2030-03-30T12:00:00.000Z',
      '2030-03-31T01:30:00.000Z',
    ],
    [
      'on the autumn change day',
      'daily 03:00 Europe/Paris',
      '2030-10-26T01:00:00.000Z',
      '2030-10-27T02:00:00.000Z',
    ],
    // 02:30 happens twice on 2030-10-27 (00:30 and 01:30 UTC): it runs once, at the later one.
    [
      'a time the autumn change repeats',
      'daily 02:30 Europe/Paris',
      '2030-10-26T12:00:00.000Z',
      '2030-10-27T01:30:00.000Z',
    ],
    [
      '… not at its first occurrence',
      'daily 02:30 Europe/Paris',
      '2030-10-27T00:30:00.000Z',
      '2030-10-27T01:30:00.000Z',
    ],
    [
      '… and not again that day',
      'daily 02:30 Europe/Paris',
      '2030-10-27T01:30:00.000Z',
      '2030-10-28T01:30:00.000Z',
    ],
    // Vientiane: UTC+7 all year: 03:00 there is 20:00 UTC the day before.
    [
      'Vientiane, later the same UTC day',
      'daily 03:00 Asia/Vientiane',
      '2030-03-30T12:00:00.000Z',
      '2030-03-30T20:00:00.000Z',
    ],
    [
      'Vientiane, just after',
      'daily 03:00 Asia/Vientiane',
      '2030-03-30T20:00:00.000Z',
      '2030-03-31T20:00:00.000Z',
    ],
    [
      'Vientiane, across the Paris change',
      'daily 03:00 Asia/Vientiane',
      '2030-10-26T20:00:00.000Z',
      '2030-10-27T20:00:00.000Z',
    ],
  ])('%s', (_label, text, after, expected) => {
    expect(next(text, after)).toBe(expected);
  });

  it('takes the hub zone when the kind names none, and refuses what is not a schedule', () => {
    expect(scheduleText(resolveSchedule({ dailyAt: '03:00' }, 'Asia/Vientiane'))).toBe(
      'daily 03:00 Asia/Vientiane',
    );
    expect(() => resolveSchedule({ dailyAt: '3am' }, 'UTC')).toThrow('HH:MM');
    expect(() => resolveSchedule({ dailyAt: '03:00', zone: 'Mars/Olympus' }, 'UTC')).toThrow(
      'Unknown time zone',
    );
    expect(() => resolveSchedule({ everyMinutes: 0 }, 'UTC')).toThrow();
    expect(() => parseSchedule('weekly')).toThrow();
  });
});
