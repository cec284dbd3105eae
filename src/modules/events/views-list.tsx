// The lists of events (upcoming, past), their filters (all in the URL), and the month calendar.

import { datesBetween } from '../../platform/time.ts';
import { DOMAINS } from '../../platform/vocabularies.ts';
import { Pagination, pageHref } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import { dateRange, fullDate, monthTitle, shiftMonth, weekdayNames } from './format.ts';
import type { EventCard } from './listing.ts';
import type { EventFilter } from './schemas.ts';
import { EVENT_TYPES } from './vocab.ts';

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  any: string;
}) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Upcoming · Past · Calendar, keeping the filters. */
function Tabs({ current }: { current: 'upcoming' | 'past' | 'calendar' }) {
  const { t, here } = usePage();
  const keep = (path: string, changes: Record<string, string | undefined>) => {
    const href = pageHref(here, { page: undefined, month: undefined, when: undefined, ...changes });
    return path + href.slice(href.indexOf('?') < 0 ? href.length : href.indexOf('?'));
  };
  return (
    <nav class="view-switch" aria-label={t('events.views')}>
      <a href={keep('/events', {})} aria-current={current === 'upcoming' ? 'page' : undefined}>
        {t('events.upcoming')}
      </a>
      {' · '}
      <a href={keep('/events', { when: 'past' })} aria-current={current === 'past' ? 'page' : undefined}>
        {t('events.past')}
      </a>
      {' · '}
      <a href={keep('/events/calendar', {})} aria-current={current === 'calendar' ? 'page' : undefined}>
        {t('events.calendar')}
      </a>
    </nav>
  );
}

function Filters(props: {
  action: string;
  filter: Partial<EventFilter>;
  countries: string[];
  month?: string;
}) {
  const { t, fmt, locale } = usePage();
  const collator = new Intl.Collator(locale);
  const { filter } = props;
  return (
    <form method="get" action={props.action} class="filters">
      {props.month && <input type="hidden" name="month" value={props.month} />}
      {filter.when === 'past' && <input type="hidden" name="when" value="past" />}
      <Select
        name="country"
        label={t('field.country')}
        value={filter.country}
        any={t('filter.anyCountry')}
        options={props.countries
          .map((c): [string, string] => [c, fmt.country(c)])
          .sort((a, b) => collator.compare(a[1], b[1]))}
      />
      <Select
        name="type"
        label={t('events.typeLabel')}
        value={filter.type}
        any={t('events.anyType')}
        options={EVENT_TYPES.map((x): [string, string] => [x, t(`events.type.${x}`)])}
      />
      <Select
        name="domain"
        label={t('field.domain')}
        value={filter.domain}
        any={t('filter.anyDomain')}
        options={DOMAINS.map((d): [string, string] => [d, t(`vocab.domain.${d}`)])}
      />
      <div class="field checkbox">
        <input
          type="checkbox"
          id="filter-format"
          name="format"
          value="online"
          checked={filter.format === 'online'}
        />
        <label for="filter-format">{t('events.onlineOnly')}</label>
      </div>
      <button type="submit" class="button">
        {t('list.filter')}
      </button>
    </form>
  );
}

export function EventCardView({ card }: { card: EventCard }) {
  const { t, fmt, locale } = usePage();
  const organisers = card.organisations.filter((o) => o.published && o.role === 'organiser');
  return (
    <li class="card event-card">
      <h2 class="card-title">
        <a href={`/events/${card.slug}`} lang={card.translatedTitle ? locale : card.lang}>
          {card.translatedTitle ?? card.title}
        </a>
        {card.status === 'draft' && <span class="badge muted"> {t('events.status.draft')}</span>}
        {card.status === 'cancelled' && <span class="badge"> {t('events.status.cancelled')}</span>}
      </h2>
      <p>
        <time datetime={card.starts_on}>{dateRange(locale, card.starts_on, card.ends_on)}</time>
      </p>
      <p class="muted">
        {[
          t(`events.type.${card.type}`),
          t(`events.format.${card.format}`),
          [card.city, card.country ? fmt.country(card.country) : null].filter(Boolean).join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {organisers.length > 0 && (
        <p>
          {organisers.slice(0, 3).map((o, i) => (
            <>
              {i > 0 && '; '}
              <a href={`/directory/${o.slug}`}>{o.name}</a>
            </>
          ))}
        </p>
      )}
    </li>
  );
}

function icsHref(here: string): string {
  const url = new URL(here, 'http://x');
  for (const k of ['page', 'when', 'month']) url.searchParams.delete(k);
  return `/events.ics${url.search}`;
}

export function EventsListView(props: {
  filter: EventFilter;
  cards: EventCard[];
  total: number;
  pageSize: number;
  countries: string[];
  canCreate: boolean;
}) {
  const { t, here } = usePage();
  const { filter } = props;
  return (
    <div class="wrap events">
      <div class="page-head">
        <h1>{t(filter.when === 'past' ? 'events.pastTitle' : 'events.title')}</h1>
        {props.canCreate && (
          <div class="actions">
            <a class="button" href="/events/new">
              {t('events.create')}
            </a>
          </div>
        )}
      </div>
      <Tabs current={filter.when} />
      <Filters action="/events" filter={filter} countries={props.countries} />
      <div class="list-tools">
        <p role="status">{t('list.count', { count: props.total })}</p>
        <p>
          <a href={icsHref(here)}>{t('events.subscribe')}</a>
        </p>
      </div>
      {props.cards.length === 0 ? (
        <p class="notice warning">{t('events.nothingFound')}</p>
      ) : (
        <ul class="plain grid cards">
          {props.cards.map((card) => (
            <EventCardView card={card} />
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}

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
