// schema.org Event for an event page: dates with the zone's offset, the place or the online link,
// the organisers, attendance mode and status.
import { excerpt } from '../../platform/markdown.ts';
import { isoWithOffset } from '../../platform/time.ts';
import type { EventDetails } from './access.ts';
import type { EventStatus } from './vocab.ts';

const ATTENDANCE = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/** schema.org has no "held" or "draft": a held event simply took place as scheduled. */
const STATUS: Record<EventStatus, string> = {
  draft: 'https://schema.org/EventScheduled',
  announced: 'https://schema.org/EventScheduled',
  registration_open: 'https://schema.org/EventScheduled',
  closed: 'https://schema.org/EventScheduled',
  held: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
};

export function eventJsonLd(event: EventDetails, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/events/${event.slug}`;
  // Without times the dates are whole days (schema.org Date); with them, moments with the offset.
  const startDate = event.start_time
    ? isoWithOffset(event.starts_on, event.start_time, event.time_zone)
    : event.starts_on;
  const endDate = event.end_time
    ? isoWithOffset(event.ends_on, event.end_time, event.time_zone)
    : event.ends_on;
  const venueName = event.venue?.published ? event.venue.name : event.venue_name;
  const street = event.address || event.venue?.address || null;
  // schema.org's Place wants a name (search engines drop an event's place without one): the
  // venue's, else the city's (the Khon Kaen training names only its city), else the address.
  const placeName = venueName || event.city || street;
  const physical = {
    '@type': 'Place',
    ...(placeName ? { name: placeName } : {}),
    address: {
      '@type': 'PostalAddress',
      ...(street ? { streetAddress: street } : {}),
      ...(event.city ? { addressLocality: event.city } : {}),
      ...(event.country ? { addressCountry: event.country } : {}),
    },
  };
  const virtual = event.online_url ? { '@type': 'VirtualLocation', url: event.online_url } : null;
  const location =
    event.format === 'online'
      ? (virtual ?? undefined)
      : event.format === 'hybrid' && virtual
        ? [physical, virtual]
        : physical;
  const organisations = event.organisations.filter((o) => o.published);
  const asOrg = (o: { name: string; slug: string }) => ({
    '@type': 'Organization',
    name: o.name,
    url: `${baseUrl}/directory/${o.slug}`,
  });
  const organisers = organisations.filter((o) => o.role === 'organiser').map(asOrg);
  const sponsors = organisations.filter((o) => o.role !== 'organiser').map(asOrg);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    url,
    inLanguage: event.lang,
    startDate,
    endDate,
    eventAttendanceMode: ATTENDANCE[event.format],
    eventStatus: STATUS[event.status],
    ...(location ? { location } : {}),
    ...(event.description ? { description: excerpt(event.description, 300) } : {}),
    ...(organisers.length ? { organizer: organisers } : {}),
    ...(sponsors.length ? { sponsor: sponsors } : {}),
  };
}
