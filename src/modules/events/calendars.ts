// The calendars of events (written by platform/ical.ts): one event, one session of its agenda, or
// a filtered list. An event with times is written in its own zone; one without is all-day.
import { type CalendarEntry, calendarText } from '../../platform/ical.ts';
import type { EventRow } from './access.ts';
import type { AgendaItem } from './agenda.ts';

export { ICAL_TYPE } from '../../platform/ical.ts';

type CalendarEvent = EventRow & { venueName?: string | null };

/** Where the calendars are published: the address for links, the installation's UUID for UIDs. */
export interface CalendarSite {
  baseUrl: string;
  /** siteUuid() of platform/stable-ids.ts. */
  uuid: string;
}

const written = (site: CalendarSite) => ({ baseUrl: site.baseUrl, product: PRODUCT, site: site.uuid });

const PRODUCT = 'Creative Hub events';

function place(event: CalendarEvent): string | null {
  const parts = [event.venueName ?? event.venue_name, event.address, event.city, event.country].filter(
    Boolean,
  );
  if (parts.length) return parts.join(', ');
  return event.online_url;
}

function entryOf(event: CalendarEvent, baseUrl: string): CalendarEntry {
  const url = `${baseUrl}/events/${event.slug}`;
  return {
    uid: `event-${event.id}`,
    summary: event.title,
    url,
    description: url,
    location: place(event),
    cancelled: event.status === 'cancelled',
    lastModified: new Date(event.updated_at),
    stamp: new Date(event.updated_at),
    when:
      event.start_time && event.end_time
        ? {
            zone: event.time_zone,
            start: { date: event.starts_on, time: event.start_time },
            end: { date: event.ends_on, time: event.end_time },
          }
        : { allDay: true, firstDay: event.starts_on, lastDay: event.ends_on },
  };
}

export function eventCalendar(event: CalendarEvent, site: CalendarSite): string {
  return calendarText(event.title, [entryOf(event, site.baseUrl)], written(site));
}

export function listCalendar(name: string, events: EventRow[], site: CalendarSite): string {
  return calendarText(
    name,
    events.map((event) => entryOf(event, site.baseUrl)),
    written(site),
  );
}

/** One session: its own times on its day, in the event's zone. */
export function itemCalendar(
  event: CalendarEvent,
  item: AgendaItem & { date: string },
  site: CalendarSite,
): string {
  const url = `${site.baseUrl}/events/${event.slug}#item-${item.id}`;
  const who = item.people.map((p) => [p.name, p.affiliation].filter(Boolean).join(', ')).join('\n');
  const start = { date: item.date, time: item.start };
  const entry: CalendarEntry = {
    uid: `event-${event.id}-item-${item.id}`,
    summary: item.title,
    description: [event.title, who, url].filter(Boolean).join('\n\n'),
    url,
    location: place(event),
    cancelled: event.status === 'cancelled',
    stamp: new Date(event.updated_at),
    // A point in time ("09:15 Introduction…") gets no DTEND rather than one equal to its start.
    when: { zone: event.time_zone, start, end: item.end ? { date: item.date, time: item.end } : null },
  };
  return calendarText(`${item.title} · ${event.title}`, [entry], written(site));
}
