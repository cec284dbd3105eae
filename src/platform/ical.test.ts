// The iCalendar writer without a database: a timed entry in its own zone with that zone's
// VTIMEZONE, an all-day entry with the exclusive end the RFC wants, the site's host in each UID,
// and a cancelled entry marked so; read back with ical.js.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEntry, calendarText } from './ical.ts';

const entry = (changes: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: 'event-1',
  summary: 'Policy dialogue',
  url: 'https://hub.example/events/dialogue',
  description: 'https://hub.example/events/dialogue',
  location: 'Hue, VN',
  cancelled: false,
  stamp: new Date('2026-01-02T03:04:05Z'),
  when: { allDay: true, firstDay: '2016-11-24', lastDay: '2016-11-25' },
  ...changes,
});

function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return {
    zones: calendar.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid'))),
    events: calendar.getAllSubcomponents('vevent'),
  };
}

const options = { baseUrl: 'https://hub.example', product: 'Test' };

describe('calendarText', () => {
  it('writes a timed entry in its zone: 09:15 in Hue is 02:15 UTC', () => {
    const text = calendarText(
      'Hue',
      [
        entry({
          when: {
            zone: 'Asia/Ho_Chi_Minh',
            start: { date: '2016-11-24', time: '09:15' },
            end: { date: '2016-11-24', time: '09:30' },
          },
        }),
      ],
      options,
    );
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20161124T091500');
    const { zones, events } = read(text);
    expect(zones).toEqual(['Asia/Ho_Chi_Minh']);
    const event = new ICAL.Event(events[0]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2016-11-24T02:15:00.000Z');
    expect(event.uid).toBe('event-1@hub.example');
  });

  it.each<[string, Partial<CalendarEntry>, string, string]>([
    ['an all-day entry ends the day after its last', {}, 'DTEND;VALUE=DATE:20161126', 'STATUS:CONFIRMED'],
    ['a cancelled entry says so', { cancelled: true }, 'DTSTART;VALUE=DATE:20161124', 'STATUS:CANCELLED'],
  ])('%s', (_, changes, date, status) => {
    const text = calendarText('Hue', [entry(changes)], options);
    expect(text).toContain(date);
    expect(text).toContain(status);
    expect(read(text).zones).toEqual([]);
  });

  it('writes LAST-MODIFIED only for the entries that keep it', () => {
    const without = calendarText('Hue', [entry()], options);
    expect(without).not.toContain('LAST-MODIFIED');
    const withIt = calendarText('Hue', [entry({ lastModified: new Date('2026-01-02T03:04:05Z') })], options);
    expect(withIt).toContain('LAST-MODIFIED:20260102T030405Z');
  });
});
