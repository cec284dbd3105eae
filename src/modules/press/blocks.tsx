// The press's blocks on other pages (docs/home.md): the latest articles on the home page, and the
// articles about an organisation's events on its page, each leading to the (filtered) list.
import type { BlockContext, OrganisationRef, PageBlock } from '../../platform/context.ts';
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

async function latest(ctx: BlockContext, id: string, organisation?: string): Promise<ClippingList | null> {
  const filter: PressFilter = { organisation, page: 1 };
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
  load: (ctx, organisation) => latest(ctx, 'organisation-press', organisation.slug),
  view: (data) => <ClippingsBlock data={data} />,
};
