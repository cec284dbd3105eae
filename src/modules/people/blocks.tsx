// The people's blocks on other pages (docs/home.md): the people of an organisation on its page,
// leading to the people list filtered by it, the count of people on the home page, and a country's
// focal points on its page. Published profiles only, whoever reads.
import type {
  BlockContext,
  CountryRef,
  HomeFigure,
  OrganisationRef,
  PageBlock,
} from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { listPeople, type PersonCard } from './listing.ts';
import { peopleFilterSchema } from './schemas.ts';

const SHOWN = 6;

interface PeopleList {
  slug: string;
  cards: PersonCard[];
  total: number;
}

function PeopleBlock({ data }: { data: PeopleList }) {
  const { t } = usePage();
  return (
    <Block
      id="organisation-people"
      title={t('people.ofOrganisation')}
      more={{
        href: `/directory/people?organisation=${data.slug}`,
        label: t('people.allOfOrganisation', { count: data.total }),
      }}
    >
      <BlockList>
        {data.cards.map((person) => {
          const role = person.organisations.find((o) => o.slug === data.slug)?.role;
          return (
            <BlockItem
              href={`/directory/people/${person.slug}`}
              title={person.name}
              lang={person.lang}
              meta={role ?? person.translatedTitle ?? person.title ?? undefined}
            />
          );
        })}
      </BlockList>
    </Block>
  );
}

export const organisationPeopleBlock: PageBlock<PeopleList, [OrganisationRef]> = {
  id: 'organisation-people',
  order: 50,
  load: async (ctx, organisation) => {
    const filter = peopleFilterSchema.parse({ organisation: organisation.slug });
    const { cards, total } = await listPeople(ctx.deps.db, filter, {
      viewer: null,
      locale: ctx.locale,
      pageSize: SHOWN,
    });
    return cards.length ? { slug: organisation.slug, cards, total } : null;
  },
  view: (data) => <PeopleBlock data={data} />,
};

export const peopleFigure: HomeFigure = {
  id: 'people',
  order: 20,
  label: 'people.peopleCount',
  href: '/directory/people',
  count: async ({ deps }) => {
    const row = await deps.db
      .selectFrom('people')
      .where('status', '=', 'published')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

interface FocalPoint {
  name: string;
  /** The slug of their published profile in the people directory, if they have one. */
  slug: string | null;
  lang: string | null;
}

/**
 * A country's focal points (named by an administrator, platform/scoped-roles.ts): a public role, so
 * their names show to everyone, each linking to their profile when it is published.
 */
async function focalPointsOf(ctx: BlockContext, country: CountryRef): Promise<FocalPoint[] | null> {
  const rows = await ctx.deps.db
    .selectFrom('scoped_roles')
    .innerJoin('users', 'users.id', 'scoped_roles.user_id')
    .leftJoin('people', (join) =>
      join.onRef('people.user_id', '=', 'users.id').on('people.status', '=', 'published'),
    )
    .select(['users.name as account_name', 'people.name as person_name', 'people.slug', 'people.lang'])
    .where('scoped_roles.scope_kind', '=', 'country')
    .where('scoped_roles.scope_key', '=', country.code)
    .where('scoped_roles.role', '=', 'focal_point')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .execute();
  if (!rows.length) return null;
  return rows.map((r) => ({
    name: r.person_name ?? r.account_name,
    slug: r.slug,
    lang: r.slug ? r.lang : null,
  }));
}

function FocalPoints({ points }: { points: FocalPoint[] }) {
  const { t } = usePage();
  return (
    <Block id="country-focal-points" title={t('people.focalPoints', { count: points.length })}>
      <ul class="plain block-list">
        {points.map((p) => (
          <li>
            {p.slug ? (
              <a href={`/directory/people/${p.slug}`} lang={p.lang ?? undefined}>
                {p.name}
              </a>
            ) : (
              p.name
            )}
          </li>
        ))}
      </ul>
    </Block>
  );
}

export const countryFocalPointsBlock: PageBlock<FocalPoint[], [CountryRef]> = {
  id: 'country-focal-points',
  order: 10,
  load: focalPointsOf,
  view: (points) => <FocalPoints points={points} />,
};
