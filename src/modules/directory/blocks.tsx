// The directory's blocks on the home page (docs/home.md): the creative hubs on the map (drawn on
// the server, as on /directory), and the counts of organisations and of the countries they are in;
// on a country's page its organisations and hubs on the map, and their count per country on
// /countries. Published organisations only, whoever reads.
import type { Kysely } from 'kysely';
import { pageOfNamedList, stamp } from '../../db/collated-order.ts';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import type { CountryFigure, CountryRef, HomeFigure, PageBlock } from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { cardsOf, type OrganisationCard, selection } from './listing.ts';
import { MAP_ROWS, mapPlaces, type Place } from './places.ts';
import { type DirectoryFilter, directoryFilterSchema, filterQuery } from './schemas.ts';
import { DirectoryMap } from './views/map.tsx';

/** The most places the home page's map draws; the directory's map shows them all. */
const MAP_PLACES = 30;

const hubs: DirectoryFilter = directoryFilterSchema.parse({ kind: 'creative_hub' });

interface HubMap {
  places: Place[];
  total: number;
}

function HubsBlock({ data }: { data: HubMap }) {
  const { t } = usePage();
  const list = `/directory${filterQuery(hubs)}`;
  return (
    <Block
      id="home-hubs"
      title={t('directory.hubsTitle')}
      more={{ href: list, label: t('directory.allHubs', { count: data.total }) }}
    >
      <DirectoryMap
        places={data.places}
        hrefForPlace={(p) =>
          p.count === 1 && p.organisations[0]
            ? `/directory/${p.organisations[0].slug}`
            : `/directory${filterQuery({ ...hubs, country: p.country, city: p.city ?? undefined })}`
        }
      />
    </Block>
  );
}

export const hubsHomeBlock: PageBlock<HubMap> = {
  id: 'home-hubs',
  order: 35,
  load: async ({ deps }) => {
    const row = await selection(deps.db, hubs, null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Number(row.n);
    if (!total) return null;
    // The busiest places only: a front page's map stays small however many cities the hubs are
    // in (each place is a dot and a line of the list below the map).
    const places = (await mapPlaces(deps.db, hubs, null, total))
      .sort((a, b) => b.count - a.count)
      .slice(0, MAP_PLACES);
    return places.length ? { places, total } : null;
  },
  view: (data) => <HubsBlock data={data} />,
};

const anyOrganisation = directoryFilterSchema.parse({});

export const directoryFigures: HomeFigure[] = [
  {
    id: 'organisations',
    order: 10,
    label: 'directory.organisationsCount',
    href: '/directory',
    count: async ({ deps }) => {
      const row = await selection(deps.db, anyOrganisation, null)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  },
  {
    id: 'countries',
    order: 30,
    label: 'directory.countriesCount',
    href: '/directory',
    count: async ({ deps }) => {
      const row = await selection(deps.db, anyOrganisation, null)
        .where('organisations.country', 'is not', null)
        .select((eb) => eb.fn.count<number | string>('organisations.country').distinct().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  },
];

/** The organisations a country's block names; the map shows where the others are. */
const COUNTRY_SHOWN = 5;

interface CountryOrganisations {
  code: string;
  cards: OrganisationCard[];
  total: number;
  hubs: number;
  places: Place[];
}

function CountryOrganisationsBlock({ data }: { data: CountryOrganisations }) {
  const { t, locale } = usePage();
  const inCountry = directoryFilterSchema.parse({ country: data.code });
  const hubsInCountry = { ...inCountry, kind: 'creative_hub' as const };
  return (
    <Block
      id="country-organisations"
      title={t('directory.countryTitle')}
      more={{
        href: `/directory${filterQuery(inCountry)}`,
        label: t('directory.allInCountry', { count: data.total }),
      }}
    >
      {data.places.length > 0 && (
        <DirectoryMap
          places={data.places}
          hrefForPlace={(p) =>
            p.count === 1 && p.organisations[0]
              ? `/directory/${p.organisations[0].slug}`
              : `/directory${filterQuery({ ...inCountry, city: p.city ?? undefined })}`
          }
        />
      )}
      <BlockList>
        {data.cards.map((org) => (
          <BlockItem
            href={`/directory/${org.slug}`}
            title={org.translatedName ?? org.name}
            lang={org.translatedName ? locale : org.lang}
            meta={org.city ?? undefined}
          />
        ))}
      </BlockList>
      {data.hubs > 0 && (
        <p class="more">
          <a href={`/directory${filterQuery(hubsInCountry)}`}>
            {t('directory.hubsInCountry', { count: data.hubs })}
          </a>
        </p>
      )}
    </Block>
  );
}

/** What a country's block shows but the cards: the first ids by name, the counts, the places. */
interface CountryHead {
  pageIds: number[];
  total: number;
  hubs: number;
  places: Place[];
}

async function countryHead(db: Kysely<Database>, code: string, locale: Locale): Promise<CountryHead> {
  const filter = directoryFilterSchema.parse({ country: code });
  const { pageIds, total } = await pageOfNamedList(
    db,
    'organisations',
    selection(db, filter, null),
    { sort: 'name', locale, whole: false },
    { offset: 0, size: COUNTRY_SHOWN },
  );
  if (!total) return { pageIds, total, hubs: 0, places: [] };
  const [hubRow, places] = await Promise.all([
    selection(db, { ...filter, kind: 'creative_hub' }, null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
    mapPlaces(db, filter, null, total),
  ]);
  return {
    pageIds,
    total,
    hubs: Number(hubRow.n),
    places: places.sort((a, b) => b.count - a.count).slice(0, MAP_PLACES),
  };
}

/**
 * Per database, per country and language: its head, with the organisations' stamp it was read at
 * (db/collated-order.ts: any organisation added or changed, and within 10 s one deleted, changes
 * it), for countries with more than MAP_ROWS organisations, as places.ts keeps their maps. Ranking a big country's organisations by name (25 000 of them for VN at 100×) costs tens of
 * milliseconds and is the same for every reader until an organisation changes; the cards are read
 * fresh each time.
 */
const keptHeads = new WeakMap<object, Map<string, { count: number; latest: string; head: CountryHead }>>();

/** A country's organisations: the first by name, how many there are (and hubs), all on the map. */
export const countryOrganisationsBlock: PageBlock<CountryOrganisations, [CountryRef]> = {
  id: 'country-organisations',
  order: 20,
  load: async (ctx, country) => {
    const db = ctx.deps.db;
    const version = await stamp(db, 'organisations');
    let heads = keptHeads.get(db);
    if (!heads || heads.size >= 2000) {
      heads = new Map();
      keptHeads.set(db, heads);
    }
    const key = `${country.code}|${ctx.locale}`;
    let kept = heads.get(key);
    if (!kept || kept.count !== version.count || kept.latest !== version.latest) {
      kept = { ...version, head: await countryHead(db, country.code, ctx.locale) };
      // A small country's head costs little: kept are those whose map mapPlaces keeps too.
      if (kept.head.total > MAP_ROWS) heads.set(key, kept);
      else heads.delete(key);
    }
    const { pageIds, total, hubs, places } = kept.head;
    if (!total) return null;
    return { code: country.code, cards: await cardsOf(db, pageIds, ctx.locale), total, hubs, places };
  },
  view: (data) => <CountryOrganisationsBlock data={data} />,
};

/** Published organisations per country (/countries). */
export const directoryCountryFigures: CountryFigure[] = [
  {
    id: 'organisations',
    order: 10,
    label: 'directory.organisationsCount',
    href: (code) => `/directory${filterQuery(directoryFilterSchema.parse({ country: code }))}`,
    counts: async ({ deps }) => {
      const rows = await selection(deps.db, anyOrganisation, null)
        .select(['organisations.country', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('organisations.country')
        .execute();
      return new Map(rows.map((r) => [r.country, Number(r.n)]));
    },
  },
];
