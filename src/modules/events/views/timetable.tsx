// The agenda of an event's page as a timetable, in the event's time zone or in the reader's on
// request (a plain link, no script), each session with its own iCal file.
import { formatOffset, localToUtc, offsetMinutes, utcToLocal } from '../../../platform/time.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import { type AgendaDay, type AgendaItem, allItems } from '../agenda.ts';
import { fullDate } from '../format.ts';

/** Where the times are shown: the event's zone, or the reader's. */
export interface TimeView {
  zone: string;
  readerZone: string;
  inReaderZone: boolean;
}

function zoneLabel(zone: string, date: string, time = '12:00'): string {
  return `${zone} (UTC${formatOffset(offsetMinutes(zone, localToUtc(date, time, zone)))})`;
}

/** An item's times as the reader asked: "09:15–09:30", and the date when the zone changes it. */
function Times({
  item,
  date,
  event,
  view,
}: {
  item: AgendaItem;
  date: string;
  event: EventDetails;
  view: TimeView;
}) {
  const { locale } = usePage();
  const shown = (time: string) => {
    if (!view.inReaderZone) return { time, date };
    return utcToLocal(localToUtc(date, time, event.time_zone), view.readerZone);
  };
  const start = shown(item.start);
  const end = item.end ? shown(item.end) : null;
  const iso = localToUtc(date, item.start, event.time_zone).toISOString();
  return (
    <>
      <time datetime={iso}>{start.time}</time>
      {end && (
        <>
          {'–'}
          {end.time}
        </>
      )}
      {start.date !== date && <span class="muted"> ({fullDate(locale, start.date)})</span>}
    </>
  );
}

function People({ item }: { item: AgendaItem }) {
  const { t } = usePage();
  if (item.people.length === 0) return null;
  const roles = ['speaker', 'chair', 'facilitator'] as const;
  return (
    <>
      {roles.map((role) => {
        const people = item.people.filter((p) => p.role === role);
        if (people.length === 0) return null;
        return (
          <p class="agenda-people">
            <span class="muted">{t(`events.role.${role}`, { count: people.length })}: </span>
            {people.map((p, i) => (
              <>
                {i > 0 && '; '}
                {p.slug ? <a href={`/directory/people/${p.slug}`}>{p.name}</a> : p.name}
                {p.affiliation && <span class="muted">, {p.affiliation}</span>}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}

function ItemRows({
  items,
  date,
  event,
  view,
}: {
  items: AgendaItem[];
  date: string;
  event: EventDetails;
  view: TimeView;
}) {
  const { t } = usePage();
  return (
    <>
      {items.map((item) => (
        <tr id={`item-${item.id}`} class={`agenda-${item.kind}`}>
          <td class="agenda-time">
            <Times item={item} date={date} event={event} view={view} />
          </td>
          <td>
            <span class={item.kind === 'break' ? 'muted' : undefined}>{item.title}</span>
            {(item.kind === 'break' || item.kind === 'visit') && (
              <span class="badge muted"> {t(`events.kind.${item.kind}`)}</span>
            )}
            <People item={item} />
            <p class="no-print agenda-ics">
              {/* Short on screen (every row has one); the full sense for screen readers. */}
              <a href={`/events/${event.slug}/items/${item.id}.ics`}>
                <span class="visually-hidden">{t('events.addSession')}: </span>
                iCal
                <span class="visually-hidden"> — {item.title}</span>
              </a>
            </p>
          </td>
        </tr>
      ))}
    </>
  );
}

export function Timetable({
  agenda,
  event,
  view,
}: {
  agenda: AgendaDay[];
  event: EventDetails;
  view: TimeView;
}) {
  const { t, locale, here } = usePage();
  if (allItems(agenda).length === 0 && agenda.every((d) => !d.title)) return null;
  const first = agenda[0]?.date ?? event.starts_on;
  const zone = view.inReaderZone ? view.readerZone : event.time_zone;
  const switchTo = new URL(here, 'http://x');
  if (view.inReaderZone) switchTo.searchParams.delete('tz');
  else switchTo.searchParams.set('tz', 'mine');
  return (
    <section class="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('events.agenda')}</h2>
      <p class="hint">
        {t('events.timesIn', { zone: zoneLabel(zone, first) })}{' '}
        {view.readerZone !== event.time_zone && (
          <a class="no-print" href={`${switchTo.pathname}${switchTo.search}#agenda-title`}>
            {view.inReaderZone
              ? t('events.showEventZone', { zone: event.time_zone })
              : t('events.showMyZone', { zone: view.readerZone })}
          </a>
        )}
      </p>
      {agenda.map((day) => (
        <div class="agenda-day">
          <h3>
            <time datetime={day.date}>{fullDate(locale, day.date)}</time>
            {day.title && <span class="subtitle"> {day.title}</span>}
          </h3>
          {(day.items.length > 0 || day.sections.length > 0) && (
            <div class="table-scroll">
              <table class="timetable">
                <caption class="visually-hidden">{fullDate(locale, day.date)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.time')}</th>
                    <th scope="col">{t('events.session')}</th>
                  </tr>
                </thead>
                <tbody>
                  <ItemRows items={day.items} date={day.date} event={event} view={view} />
                </tbody>
                {day.sections.map((section) => (
                  <tbody>
                    <tr class="agenda-section">
                      <th scope="rowgroup" colspan={2}>
                        {section.title}
                      </th>
                    </tr>
                    <ItemRows items={section.items} date={day.date} event={event} view={view} />
                  </tbody>
                ))}
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
