// iCalendar (RFC 5545) files, written with ical-generator, for any module that offers calendars.
// A timed entry is written in its own zone (DTSTART;TZID=Asia/Ho_Chi_Minh:…) with a VTIMEZONE for
// each zone from @touch4it/ical-timezones, so calendars show it right wherever the reader is; an
// all-day entry has DATE values (end exclusive, as the RFC wants). What goes into a calendar (which
// records, which of their parts) is the module's; this file only writes it. UIDs are UUIDs from the
// installation's UUID and the entry's name (platform/stable-ids.ts), not from the address: a site
// that changes its BASE_URL does not make every subscribed calendar see every event twice.
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { nameUuid } from './stable-ids.ts';
import { localToUtc, nextDate } from './time.ts';

export const ICAL_TYPE = 'text/calendar; charset=utf-8';

/** When an entry happens: wall-clock times of a zone, or whole days (the same everywhere). */
export type CalendarTime =
  | {
      zone: string;
      start: { date: string; time: string };
      /** None for a point in time ("09:15 Introduction"): DTEND is left out, not made up. */
      end: { date: string; time: string } | null;
    }
  | { allDay: true; firstDay: string; lastDay: string };

export interface CalendarEntry {
  /**
   * The entry's name within the site, from its record's id, never reused (`event-12`); its UID is
   * the UUID of that name in the installation's namespace.
   */
  uid: string;
  summary: string;
  url: string;
  description: string;
  location: string | null;
  cancelled: boolean;
  /** When the entry last changed (DTSTAMP). */
  stamp: Date;
  /** LAST-MODIFIED, when the record keeps it. */
  lastModified?: Date;
  when: CalendarTime;
}

/**
 * A wall-clock time of a zone as ical-generator takes it: a TZDate (@date-fns/tz), whose parts it
 * writes as they read in that zone whatever the server's own TZ is.
 */
const at = (date: string, time: string, zone: string) => new TZDate(localToUtc(date, time, zone), zone);

/**
 * A TEXT value (RFC 5545 §3.3.11) for the calendar's own properties: ical-generator escapes what it
 * writes of events, but writes the calendar's NAME and X-WR-CALNAME as given, so a line break in a
 * name (an event's title) would start a property of its own.
 */
function textValue(value: string): string {
  return value.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A calendar named `name` of `entries`, as the text of an .ics file. `site` is the installation's
 * UUID (siteUuid()); the address only names the product (PRODID).
 */
export function calendarText(
  name: string,
  entries: CalendarEntry[],
  options: { baseUrl: string; product: string; site: string },
): string {
  const host = new URL(options.baseUrl).host;
  const cal = ical({
    name: textValue(name),
    prodId: { company: host, product: options.product, language: 'EN' },
    // No calendar-wide zone (its name is empty): each entry names its own, DTSTAMP and the like
    // stay in UTC, and the generator still writes one VTIMEZONE per zone the entries use.
    timezone: { name: '', generator: getVtimezoneComponent },
  });
  for (const entry of entries) {
    const { when } = entry;
    const common = {
      id: nameUuid(options.site, entry.uid),
      summary: entry.summary,
      url: entry.url,
      description: entry.description,
      location: entry.location,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: entry.stamp,
      ...(entry.lastModified ? { lastModified: entry.lastModified } : {}),
    };
    if ('allDay' in when) {
      // All-day dates are the same everywhere; ical-generator writes a Date's UTC day for them.
      cal.createEvent({
        ...common,
        allDay: true,
        start: new Date(`${when.firstDay}T00:00:00Z`),
        end: new Date(`${nextDate(when.lastDay)}T00:00:00Z`),
      });
    } else {
      cal.createEvent({
        ...common,
        timezone: when.zone,
        start: at(when.start.date, when.start.time, when.zone),
        end: when.end ? at(when.end.date, when.end.time, when.zone) : null,
      });
    }
  }
  // Every content line ends with CRLF (RFC 5545 §3.1), the last one too; ical-generator stops
  // after END:VCALENDAR.
  return `${cal.toString()}\r\n`;
}
