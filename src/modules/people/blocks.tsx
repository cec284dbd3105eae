// The people's blocks on other pages (docs/home.md): the people of an organisation on its page,
// leading to the people list filtered by it, and the count of people on the home page. Published
// profiles only, whoever reads.
import type { HomeFigure, OrganisationRef, PageBlock } from '../../platform/context.ts';
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
