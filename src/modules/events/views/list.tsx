import { activeFilters, FilterCheckbox, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { CountryFilter, DomainFilter } from '../../../ui/components/list-filters.tsx';
import { DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { Actions, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination, pageHref } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { dateRange } from '../format.ts';
import type { EventCard } from '../listing.ts';
import { type EventFilter, filterQuery } from '../schemas.ts';
import { EVENT_TYPES } from '../vocab.ts';

/** Upcoming · Past · Calendar, keeping the filters. */
export function Tabs({ current }: { current: 'upcoming' | 'past' | 'calendar' }) {
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

/** The filters of the lists and the calendar, which keep the month or past/upcoming they are on. */
export function Filters(props: {
  action: string;
  filter: Partial<EventFilter>;
  countries: string[];
  month?: string;
}) {
  const { t } = usePage();
  const { filter } = props;
  const past = filter.when === 'past';
  // The clear link keeps the month or the past list the reader is on.
  const action = props.month
    ? `${props.action}?month=${props.month}`
    : past
      ? `${props.action}?when=past`
      : props.action;
  return (
    <FilterPanel
      action={action}
      active={activeFilters(filter, ['page', 'when', 'q'])}
      // The calendar shows a month, not a search's results.
      search={props.month ? undefined : { label: t('list.searchWords'), value: filter.q }}
    >
      {props.month && <input type="hidden" name="month" value={props.month} />}
      {past && <input type="hidden" name="when" value="past" />}
      {filter.organisation && <input type="hidden" name="organisation" value={filter.organisation} />}
      <CountryFilter value={filter.country} countries={props.countries} />
      <FilterSelect
        name="type"
        label={t('events.typeLabel')}
        value={filter.type}
        any={t('events.anyType')}
        options={EVENT_TYPES.map((x) => ({ value: x, label: t(`events.type.${x}`) }))}
      />
      <DomainFilter value={filter.domain} />
      <FilterCheckbox
        name="format"
        value="online"
        label={t('events.onlineOnly')}
        checked={filter.format === 'online'}
      />
    </FilterPanel>
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

/** The iCal feed of the page's filters (past and upcoming alike). */
export function icsHref(here: string): string {
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
  const query = filterQuery(filter);
  return (
    <div class="wrap events">
      <PageHead title={t(filter.when === 'past' ? 'events.pastTitle' : 'events.title')}>
        <Actions links={[props.canCreate && { href: '/events/new', label: t('events.create') }]} />
      </PageHead>
      <Tabs current={filter.when} />
      <Filters action="/events" filter={filter} countries={props.countries} />
      <ListTools total={props.total}>
        <p>
          <a href={icsHref(here)}>{t('events.subscribe')}</a>
          {' · '}
          <DownloadLinks base="/events/export" query={query} />
        </p>
      </ListTools>
      <Results
        count={props.cards.length}
        nothing={t('events.nothingFound')}
        clearHref={
          activeFilters(filter, ['page', 'when'])
            ? filter.when === 'past'
              ? '/events?when=past'
              : '/events'
            : undefined
        }
        words={filter.q}
      >
        <ul class="plain grid cards">
          {props.cards.map((card) => (
            <EventCardView card={card} />
          ))}
        </ul>
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
