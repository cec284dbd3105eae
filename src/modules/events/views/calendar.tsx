// The month calendar of events: a table on a wide screen, the list of busy days on a narrow one,
// with the lists' tabs and filters.
import { datesBetween } from '../../../platform/time.ts';
import { pageHref } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { fullDate, monthTitle, shiftMonth, weekdayNames } from '../format.ts';
import type { EventCard } from '../listing.ts';
import type { EventFilter } from '../schemas.ts';
import { Filters, icsHref, Tabs } from './list.tsx';

/** Monday-first weeks covering the month, each a list of dates (null outside the month). */
function weeksOf(month: string): (string | null)[][] {
  const days = datesBetween(`${month}-01`, `${month}-31`).filter((d) => d.startsWith(month));
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const lead = (first + 6) % 7;
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export function CalendarView(props: {
  month: string;
  filter: Partial<EventFilter>;
  byDate: Map<string, EventCard[]>;
  countries: string[];
}) {
  const { t, locale, here } = usePage();
  const { month, byDate } = props;
  const title = monthTitle(locale, month);
  const longNames = weekdayNames(locale, 'long');
  const shortNames = weekdayNames(locale, 'short');
  const withMonth = (m: string) => pageHref(here, { month: m });
  const busyDays = [...byDate.keys()].sort();
  return (
    <div class="wrap events">
      <div class="page-head">
        <h1>{t('events.calendarTitle', { month: title })}</h1>
      </div>
      <Tabs current="calendar" />
      <Filters action="/events/calendar" filter={props.filter} countries={props.countries} month={month} />
      <nav class="pagination" aria-label={t('events.months')}>
        <a href={withMonth(shiftMonth(month, -1))} rel="prev">
          {t('events.previousMonth')}
        </a>
        <span>{title}</span>
        <a href={withMonth(shiftMonth(month, 1))} rel="next">
          {t('events.nextMonth')}
        </a>
      </nav>
      {/* Wide screens: the month as a table. Narrow ones (CSS): the list of busy days below. */}
      <div class="table-scroll calendar-grid">
        <table class="calendar">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {longNames.map((name, i) => (
                <th scope="col">
                  <abbr title={name}>{shortNames[i]}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr>
                {week.map((date) =>
                  date === null ? (
                    <td class="outside" />
                  ) : (
                    <td class={byDate.has(date) ? 'busy' : undefined}>
                      <span class="day-number">{Number(date.slice(8))}</span>
                      {(byDate.get(date) ?? []).map((card) => (
                        <a href={`/events/${card.slug}`} class="calendar-event">
                          {card.translatedTitle ?? card.title}
                        </a>
                      ))}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="calendar-list" aria-label={t('events.byDay')}>
        {busyDays.length === 0 ? (
          <p class="notice warning">{t('events.nothingThisMonth')}</p>
        ) : (
          <dl>
            {busyDays.map((date) => (
              <>
                <dt>
                  <time datetime={date}>{fullDate(locale, date)}</time>
                </dt>
                {(byDate.get(date) ?? []).map((card) => (
                  <dd>
                    <a href={`/events/${card.slug}`}>{card.translatedTitle ?? card.title}</a>
                  </dd>
                ))}
              </>
            ))}
          </dl>
        )}
      </section>
      <p>
        <a href={icsHref(here)}>{t('events.subscribe')}</a>
      </p>
    </div>
  );
}
