// The press's blocks on other pages (docs/home.md): the latest articles on the home page, and the
// articles about an organisation's events on its page, those about the events held in a country on
// its page (and their count per country on /countries), each leading to the (filtered) list.
import type {
  BlockContext,
  CountryFigure,
  CountryRef,
  OrganisationRef,
  PageBlock,
} from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { type ClippingCard, listClippings } from './listing.ts';
import { filterQuery, type PressFilter } from './schemas.ts';

const SHOWN = 3;

interface ClippingList {
  id: string;
  cards: ClippingCard[];
  total: number;
  query: string;
}

async function latest(
  ctx: BlockContext,
  id: string,
  by: Pick<PressFilter, 'organisation' | 'country'> = {},
): Promise<ClippingList | null> {
  const filter: PressFilter = { ...by, page: 1 };
  const { cards, total } = await listClippings(ctx.deps.db, filter, { locale: ctx.locale, pageSize: SHOWN });
  return cards.length ? { id, cards, total, query: filterQuery(filter) } : null;
}

function ClippingsBlock({ data }: { data: ClippingList }) {
  const { t, fmt, locale } = usePage();
  return (
    <Block
      id={data.id}
      title={t('press.latest')}
      more={{ href: `/press${data.query}`, label: t('press.allClippings', { count: data.total }) }}
    >
      <BlockList>
        {data.cards.map((clipping) => (
          <BlockItem
            href={`/press/${clipping.id}`}
            title={clipping.translatedTitle ?? clipping.title}
            lang={clipping.translatedTitle ? locale : clipping.lang}
            meta={`${clipping.outlet} · ${fmt.day(clipping.published_on)}`}
          />
        ))}
      </BlockList>
    </Block>
  );
}

export const pressHomeBlock: PageBlock<ClippingList> = {
  id: 'home-press',
  order: 45,
  load: (ctx) => latest(ctx, 'home-press'),
  view: (data) => <ClippingsBlock data={data} />,
};

export const organisationPressBlock: PageBlock<ClippingList, [OrganisationRef]> = {
  id: 'organisation-press',
  order: 40,
  load: (ctx, organisation) => latest(ctx, 'organisation-press', { organisation: organisation.slug }),
  view: (data) => <ClippingsBlock data={data} />,
};

export const countryPressBlock: PageBlock<ClippingList, [CountryRef]> = {
  id: 'country-press',
  order: 60,
  load: (ctx, country) => latest(ctx, 'country-press', { country: country.code }),
  view: (data) => <ClippingsBlock data={data} />,
};

/** Articles per country of the (published) event they are about (/countries). */
export const pressCountryFigure: CountryFigure = {
  id: 'press',
  order: 50,
  label: 'press.articlesCount',
  href: (code) => `/press${filterQuery({ country: code, page: 1 })}`,
  counts: async ({ deps }) => {
    const rows = await deps.db
      .selectFrom('press_clippings')
      .innerJoin('events', 'events.id', 'press_clippings.event_id')
      .where('events.status', '!=', 'draft')
      .where('events.country', 'is not', null)
      .select(['events.country', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('events.country')
      .execute();
    return new Map(rows.map((r) => [r.country as string, Number(r.n)]));
  },
};
