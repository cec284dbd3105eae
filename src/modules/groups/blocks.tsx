// The groups' blocks on other pages (docs/home.md): a signed-in member's own groups on the home
// page, the groups an organisation runs on its page, and a country's teams on its page. The list's
// visibility rule applies: a secret group shows only to its members (and the admins), as on /groups.
import type { BlockContext, CountryRef, OrganisationRef, PageBlock } from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { type GroupCard, listGroups, listViewerOf } from './listing.ts';
import { filterQuery, type GroupFilter } from './schemas.ts';

const SHOWN = 5;

interface GroupList {
  cards: GroupCard[];
  total: number;
  query: string;
}

function GroupItems({ cards }: { cards: GroupCard[] }) {
  const { t, locale } = usePage();
  return (
    <BlockList>
      {cards.map((g) => (
        <BlockItem
          href={`/groups/${g.slug}`}
          title={g.translatedName ?? g.name}
          lang={g.translatedName ? locale : g.lang}
          meta={t('groups.memberCount', { count: g.members })}
        />
      ))}
    </BlockList>
  );
}

async function groupsRunBy(ctx: BlockContext, organisation: OrganisationRef): Promise<GroupList | null> {
  const filter: GroupFilter = { organisation: organisation.slug, page: 1 };
  const { cards, total } = await listGroups(
    ctx.deps.db,
    filter,
    await listViewerOf(ctx.deps.db, ctx.viewer),
    {
      locale: ctx.locale,
      pageSize: SHOWN,
    },
  );
  return cards.length ? { cards, total, query: filterQuery(filter) } : null;
}

export const organisationGroupsBlock: PageBlock<GroupList, [OrganisationRef]> = {
  id: 'organisation-groups',
  order: 60,
  load: groupsRunBy,
  view: (data) => <OrganisationGroups data={data} />,
};

function OrganisationGroups({ data }: { data: GroupList }) {
  const { t } = usePage();
  return (
    <Block
      id="organisation-groups"
      title={t('groups.runByOrganisation')}
      more={{ href: `/groups${data.query}`, label: t('groups.allRunBy', { count: data.total }) }}
    >
      <GroupItems cards={data.cards} />
    </Block>
  );
}

/** A country's teams (groups of kind country_team working in it) that the reader may know of. */
export const countryTeamsBlock: PageBlock<GroupList, [CountryRef]> = {
  id: 'country-teams',
  order: 11,
  load: async (ctx, country) => {
    const filter: GroupFilter = { kind: 'country_team', country: country.code, page: 1 };
    const { cards, total } = await listGroups(
      ctx.deps.db,
      filter,
      await listViewerOf(ctx.deps.db, ctx.viewer),
      {
        locale: ctx.locale,
        pageSize: SHOWN,
      },
    );
    return cards.length ? { cards, total, query: filterQuery(filter) } : null;
  },
  view: (data) => <CountryTeams data={data} />,
};

function CountryTeams({ data }: { data: GroupList }) {
  const { t } = usePage();
  return (
    <Block
      id="country-teams"
      title={t('groups.countryTeams')}
      more={{ href: `/groups${data.query}`, label: t('groups.allCountryTeams', { count: data.total }) }}
    >
      <GroupItems cards={data.cards} />
    </Block>
  );
}

interface MyGroup {
  slug: string;
  name: string;
  lang: string;
  translatedName: string | null;
}

/** The member's groups by name (the name in the reader's language where translated), and how many. */
async function myGroups(ctx: BlockContext): Promise<{ groups: MyGroup[]; total: number } | null> {
  if (!ctx.viewer) return null;
  const { db } = ctx.deps;
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .leftJoin('group_translations as tr', (join) =>
      join.onRef('tr.group_id', '=', 'g.id').on('tr.lang', '=', ctx.locale),
    )
    .select(['g.slug', 'g.name', 'g.lang', 'tr.name as translatedName'])
    .where('m.user_id', '=', ctx.viewer.id)
    .orderBy('g.name')
    .execute();
  if (!rows.length) return null;
  return {
    groups: rows
      .slice(0, SHOWN)
      .map((r) => ({ ...r, translatedName: r.lang === ctx.locale ? null : r.translatedName })),
    total: rows.length,
  };
}

export const myGroupsHomeBlock: PageBlock<{ groups: MyGroup[]; total: number }> = {
  id: 'home-groups',
  order: 5,
  load: myGroups,
  view: (data) => <MyGroups {...data} />,
};

function MyGroups(props: { groups: MyGroup[]; total: number }) {
  const { t, locale } = usePage();
  return (
    <Block id="home-groups" title={t('groups.mine')} more={{ href: '/groups', label: t('groups.allGroups') }}>
      <p class="muted">{t('groups.mineCount', { count: props.total })}</p>
      <BlockList>
        {props.groups.map((g) => (
          <BlockItem
            href={`/groups/${g.slug}`}
            title={g.translatedName ?? g.name}
            lang={g.translatedName ? locale : g.lang}
          />
        ))}
      </BlockList>
    </Block>
  );
}
