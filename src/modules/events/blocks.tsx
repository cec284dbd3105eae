// The events' blocks on other pages (docs/home.md): the home page's coming events (the latest held
// when none is coming), an organisation's events, coming and past, on its page, and a country's
// (with their count per country on /countries). Published
// events only, whoever reads: these pages are the hub's public face (docs/home.md, Visibility).
import type {
  BlockContext,
  CountryFigure,
  CountryRef,
  OrganisationRef,
  PageBlock,
} from '../../platform/context.ts';
import { todayIn } from '../../platform/time.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { dateRange } from './format.ts';
import { type EventCard, listEvents } from './listing.ts';
import { type EventFilter, filterQuery } from './schemas.ts';

const SHOWN = 4;

interface EventList {
  cards: EventCard[];
  total: number;
  past: boolean;
  /** The query of the full list this is the start of. */
  query: string;
}

function EventItems({ cards }: { cards: EventCard[] }) {
  const { locale, fmt } = usePage();
  return (
    <BlockList>
      {cards.map((card) => (
        <BlockItem
          href={`/events/${card.slug}`}
          title={card.translatedTitle ?? card.title}
          lang={card.translatedTitle ? locale : card.lang}
          meta={[dateRange(locale, card.starts_on, card.ends_on), card.country && fmt.country(card.country)]
            .filter(Boolean)
            .join(' · ')}
        />
      ))}
    </BlockList>
  );
}

function EventsBlock(props: {
  data: EventList;
  id: string;
  pastTitle: 'events.latestHeld' | 'events.pastTitle';
}) {
  const { t } = usePage();
  const { data } = props;
  const href = `/events${data.query}`;
  return (
    <Block
      id={props.id}
      title={t(data.past ? props.pastTitle : 'events.title')}
      more={{ href, label: t(data.past ? 'events.allPast' : 'events.allUpcoming', { count: data.total }) }}
    >
      <EventItems cards={data.cards} />
    </Block>
  );
}

async function firstOf(
  ctx: BlockContext,
  filter: Omit<EventFilter, 'when' | 'page'>,
  when: 'upcoming' | 'past',
): Promise<EventList | null> {
  const { cards, total } = await listEvents(
    ctx.deps.db,
    { ...filter, when, page: 1 },
    { viewer: null, locale: ctx.locale, today: todayIn(ctx.timeZone), pageSize: SHOWN },
  );
  if (!cards.length) return null;
  return { cards, total, past: when === 'past', query: filterQuery({ ...filter, when }) };
}

export const eventsHomeBlock: PageBlock<EventList> = {
  id: 'home-events',
  order: 20,
  load: async (ctx) => (await firstOf(ctx, {}, 'upcoming')) ?? firstOf(ctx, {}, 'past'),
  view: (data) => <EventsBlock data={data} id="home-events" pastTitle="events.latestHeld" />,
};

/** An organisation's coming and past events, each list leading to the filtered list of events. */
export const organisationEventsBlock: PageBlock<EventList[], [OrganisationRef]> = {
  id: 'organisation-events',
  order: 10,
  load: async (ctx, organisation) => {
    const filter = { organisation: organisation.slug };
    const lists = await Promise.all([firstOf(ctx, filter, 'upcoming'), firstOf(ctx, filter, 'past')]);
    const shown = lists.filter((l): l is EventList => l !== null);
    return shown.length ? shown : null;
  },
  view: (lists) => (
    <>
      {lists.map((list) => (
        <EventsBlock
          data={list}
          id={`organisation-events-${list.past ? 'past' : 'upcoming'}`}
          pastTitle="events.pastTitle"
        />
      ))}
    </>
  ),
};

/** A country's coming and past events, each list leading to the list of events filtered by it. */
export const countryEventsBlock: PageBlock<EventList[], [CountryRef]> = {
  id: 'country-events',
  order: 50,
  load: async (ctx, country) => {
    const filter = { country: country.code };
    const lists = await Promise.all([firstOf(ctx, filter, 'upcoming'), firstOf(ctx, filter, 'past')]);
    const shown = lists.filter((l): l is EventList => l !== null);
    return shown.length ? shown : null;
  },
  view: (lists) => (
    <>
      {lists.map((list) => (
        <EventsBlock
          data={list}
          id={`country-events-${list.past ? 'past' : 'upcoming'}`}
          pastTitle="events.pastTitle"
        />
      ))}
    </>
  ),
};

/** Events (published, whoever reads) per country (/countries). */
export const eventsCountryFigure: CountryFigure = {
  id: 'events',
  order: 40,
  label: 'events.eventsCount',
  // Past and coming together; the list opens on the coming ones, with the past a link away.
  href: (code) => `/events${filterQuery({ country: code })}`,
  counts: async ({ deps }) => {
    const rows = await deps.db
      .selectFrom('events')
      .where('status', '!=', 'draft')
      .where('country', 'is not', null)
      .select(['country', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('country')
      .execute();
    return new Map(rows.map((r) => [r.country as string, Number(r.n)]));
  },
};
