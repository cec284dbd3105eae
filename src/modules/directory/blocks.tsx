// The directory's blocks on the home page (docs/home.md): the creative hubs on the map (drawn on
// the server, as on /directory), and the counts of organisations and of the countries they are in.
// Published organisations only, whoever reads.
import type { HomeFigure, PageBlock } from '../../platform/context.ts';
import { Block } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { selection } from './listing.ts';
import { mapPlaces, type Place } from './places.ts';
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
