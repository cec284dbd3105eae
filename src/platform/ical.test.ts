// The iCalendar writer without a database: a timed entry in its own zone with that zone's
// VTIMEZONE, an all-day entry with the exclusive end the RFC wants, UIDs from the installation's
// UUID that stay when the address changes, and a cancelled entry marked so; read back with ical.js.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../test/ical.ts';
import { type CalendarEntry, calendarText } from './ical.ts';
import { nameUuid } from './stable-ids.ts';

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
  const { zones, events } = parseIcs(text);
  return { zones, events: events.map((e) => e.component) };
}

const SITE = '0d8f7a52-3b1e-4c55-9a43-5b2f0e6c1d70';
const options = { baseUrl: 'https://hub.example', product: 'Test', site: SITE };

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
    expect(event.uid).toBe(nameUuid(SITE, 'event-1'));
  });

  it('gives UIDs that do not change with the address, and differ between installations', () => {
    const uid = (o: typeof options) => new ICAL.Event(read(calendarText('Hue', [entry()], o)).events[0]).uid;
    const here = uid(options);
    expect(here).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uid({ ...options, baseUrl: 'https://culture.example.org' })).toBe(here);
    expect(uid({ ...options, site: '7b0c1f4e-2d8a-4e6b-8c3d-1a2b3c4d5e6f' })).not.toBe(here);
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

describe('the text of the file', () => {
  const timed = (end: { date: string; time: string } | null) =>
    entry({ when: { zone: 'Asia/Vientiane', start: { date: '2026-03-02', time: '09:15' }, end } });

  it('ends every line with CRLF, the last one too', () => {
    const text = calendarText('Hue', [entry(), timed(null)], options);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves DTEND out of an entry without an end, instead of making it equal to DTSTART', () => {
    const text = calendarText('Hue', [timed(null)], options);
    expect(text).not.toContain('DTEND');
    const [vevent] = read(text).events;
    expect(vevent?.hasProperty('dtend')).toBe(false);
    expect(vevent?.hasProperty('duration')).toBe(false);
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe('2026-03-02T02:15:00.000Z');
    // With an end, DTEND is written.
    expect(calendarText('Hue', [timed({ date: '2026-03-02', time: '10:00' })], options)).toContain(
      'DTEND;TZID=Asia/Vientiane:20260302T100000',
    );
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['a bare CR', '\r'],
  ])('keeps a title and a calendar name with %s as text: no property is injected', (_, br) => {
    const title = `Hue${br}END:VEVENT${br}BEGIN:VEVENT${br}SUMMARY:injected; a, b`;
    const name = `Forum${br}X-INJECTED:yes`;
    const text = calendarText(name, [entry({ summary: title, location: `Hue${br}VN` })], options);
    const { calendar, names } = parseIcs(text);
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const expected = (s: string) => s.replaceAll(br, '\n');
    expect(events[0]?.getFirstPropertyValue('summary')).toBe(expected(title));
    expect(events[0]?.getFirstPropertyValue('location')).toBe('Hue\nVN');
    // NAME and X-WR-CALNAME, once each, the line break kept as text.
    expect(names).toEqual([expected(name), expected(name)]);
    expect(calendar.hasProperty('x-injected')).toBe(false);
  });
});
