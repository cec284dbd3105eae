// iCalendar (RFC 5545) for one event, one session of its agenda, or a filtered list, written with
// ical-generator. Times are written in the event's own zone (DTSTART;TZID=Asia/Ho_Chi_Minh:…) with a
// VTIMEZONE for each zone from @touch4it/ical-timezones, so calendars show them right wherever the
// reader is; an event without times is all-day (DATE values, end exclusive as the RFC wants).
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar, ICalEventStatus } from 'ical-generator';
import { localToUtc, nextDate } from '../../platform/time.ts';
import type { AgendaItem } from './agenda.ts';
import type { EventRow } from './store.ts';

export const ICAL_TYPE = 'text/calendar; charset=utf-8';

function calendar(name: string, baseUrl: string): ICalCalendar {
  const host = new URL(baseUrl).host;
  return ical({
    name,
    prodId: { company: host, product: 'Creative Hub events', language: 'EN' },
    // No calendar-wide zone (its name is empty): each event names its own, DTSTAMP and the like
    // stay in UTC, and the generator still writes one VTIMEZONE per zone the events use.
    timezone: { name: '', generator: getVtimezoneComponent },
  });
}

function place(event: EventRow & { venueName?: string | null }): string | null {
  const parts = [event.venueName ?? event.venue_name, event.address, event.city, event.country].filter(
    Boolean,
  );
  if (parts.length) return parts.join(', ');
  return event.online_url;
}

/**
 * A wall-clock time of the event's zone as ical-generator takes it: a TZDate (@date-fns/tz), whose
 * parts it writes as they read in that zone whatever the server's own TZ is.
 */
const at = (date: string, time: string, zone: string) => new TZDate(localToUtc(date, time, zone), zone);

function addEvent(cal: ICalCalendar, event: EventRow & { venueName?: string | null }, baseUrl: string) {
  const url = `${baseUrl}/events/${event.slug}`;
  const common = {
    id: `event-${event.id}@${new URL(baseUrl).host}`,
    summary: event.title,
    url,
    description: `${url}`,
    location: place(event),
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    lastModified: new Date(event.updated_at),
    stamp: new Date(event.updated_at),
  };
  if (event.start_time && event.end_time) {
    cal.createEvent({
      ...common,
      timezone: event.time_zone,
      start: at(event.starts_on, event.start_time, event.time_zone),
      end: at(event.ends_on, event.end_time, event.time_zone),
    });
  } else {
    // All-day dates are the same everywhere; ical-generator writes a Date's UTC day for them.
    cal.createEvent({
      ...common,
      allDay: true,
      start: new Date(`${event.starts_on}T00:00:00Z`),
      end: new Date(`${nextDate(event.ends_on)}T00:00:00Z`),
    });
  }
}

export function eventCalendar(event: EventRow & { venueName?: string | null }, baseUrl: string): string {
  const cal = calendar(event.title, baseUrl);
  addEvent(cal, event, baseUrl);
  return cal.toString();
}

export function listCalendar(name: string, events: EventRow[], baseUrl: string): string {
  const cal = calendar(name, baseUrl);
  for (const event of events) addEvent(cal, event, baseUrl);
  return cal.toString();
}

/** One session: its own times on its day, in the event's zone. */
export function itemCalendar(
  event: EventRow & { venueName?: string | null },
  item: AgendaItem & { date: string },
  baseUrl: string,
): string {
  const cal = calendar(`${item.title} · ${event.title}`, baseUrl);
  const start = at(item.date, item.start, event.time_zone);
  // A point in time ("09:15 Introduction…") gets no length rather than an invented one.
  const end = item.end ? at(item.date, item.end, event.time_zone) : start;
  const url = `${baseUrl}/events/${event.slug}#item-${item.id}`;
  const who = item.people.map((p) => [p.name, p.affiliation].filter(Boolean).join(', ')).join('\n');
  cal.createEvent({
    id: `event-${event.id}-item-${item.id}@${new URL(baseUrl).host}`,
    summary: item.title,
    description: [event.title, who, url].filter(Boolean).join('\n\n'),
    url,
    location: place(event),
    timezone: event.time_zone,
    start,
    end,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: new Date(event.updated_at),
  });
  return cal.toString();
}
