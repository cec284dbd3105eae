// /groups: the groups the reader knows exist, by name, filtered by kind and country (in the URL, so a
// filtered list is a shareable link with its own export). A private group shows its name and
// description; what happens inside is for its members.
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { CountryFilter } from '../../../ui/components/list-filters.tsx';
import { DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { Actions, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { GroupCard } from '../listing.ts';
import { filterQuery, type GroupFilter } from '../schemas.ts';
import { GROUP_KINDS } from '../vocab.ts';

export interface GroupListProps {
  filter: GroupFilter;
  cards: GroupCard[];
  total: number;
  pageSize: number;
  countries: string[];
  canCreate: boolean;
}

export function GroupListView(props: GroupListProps) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  return (
    <div class="wrap groups">
      <PageHead title={t('groups.title')}>
        <Actions links={[props.canCreate && { href: '/groups/new', label: t('groups.add') }]} />
      </PageHead>
      <p class="lead">{t('groups.intro')}</p>
      <FilterPanel
        action="/groups"
        active={activeFilters({
          kind: filter.kind,
          country: filter.country,
          organisation: filter.organisation,
        })}
        search={{ label: t('list.searchWords'), value: filter.q }}
      >
        {filter.organisation && <input type="hidden" name="organisation" value={filter.organisation} />}
        <FilterSelect
          name="kind"
          label={t('groups.kind')}
          value={filter.kind}
          any={t('groups.anyKind')}
          options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
        />
        <CountryFilter value={filter.country} countries={props.countries} />
      </FilterPanel>
      <ListTools total={props.total}>
        <p>
          <DownloadLinks base="/groups/export" query={filterQuery({ ...filter, page: 1 })} />
        </p>
      </ListTools>
      <Results
        count={props.cards.length}
        nothing={t('groups.nothingFound')}
        clearHref={activeFilters(filter) ? '/groups' : undefined}
        words={filter.q}
      >
        <ul class="plain stack">
          {props.cards.map((card) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/groups/${card.slug}`} lang={card.lang}>
                  {card.name}
                </a>
              </h2>
              {card.translatedName && (
                <p class="muted" lang={locale}>
                  {card.translatedName}
                </p>
              )}
              <p class="muted">
                {t(`groups.kind.${card.kind}`)}
                {card.country && <> · {fmt.country(card.country)}</>}
                {' · '}
                {t(`groups.visibility.${card.visibility}`)}
                {' · '}
                {t('groups.memberCount', { count: card.members })}
                {card.myRole && <> · {t(`groups.role.${card.myRole}`)}</>}
              </p>
            </li>
          ))}
        </ul>
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
