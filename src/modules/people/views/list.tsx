// The people list: tabs between organisations and people, search and filters (all in the URL, in
// the filter panel that folds above the results on a phone), the cards, pages, and the exports of
// the same selection.
import type { Domain } from '../../../platform/vocabularies.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import {
  CountryFilter,
  DomainFilter,
  LanguageFilter,
  SortFilter,
  sortedByLabel,
} from '../../../ui/components/list-filters.tsx';
import {
  CONTACT_FORMATS,
  DownloadLinks,
  ListTools,
  queryWithout,
  Results,
} from '../../../ui/components/list-tools.tsx';
import { ButtonLinks, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { PersonCard } from '../listing.ts';
import { type PeopleFilter, SORTS, type Sort } from '../schemas.ts';
import { CardPhoto } from './photo.tsx';

export interface PeoplePage {
  filter: PeopleFilter;
  sort: Sort;
  cards: PersonCard[];
  total: number;
  pageSize: number;
  countries: string[];
  languages: string[];
  organisations: { slug: string; name: string }[];
  /** What the reader can do from here: their own profile, or adding someone, or the claims. */
  own: { slug: string } | null;
  canCreateOwn: boolean;
  canCreateForOthers: boolean;
  pendingClaims: number | null;
}

/** Organisations | People, at the top of the people list. */
export function DirectoryTabs({ current }: { current: 'organisations' | 'people' }) {
  const { t } = usePage();
  return (
    <nav class="view-switch" aria-label={t('people.sections')}>
      <a href="/directory" aria-current={current === 'organisations' ? 'page' : undefined}>
        {t('people.tabOrganisations')}
      </a>
      {' · '}
      <a href="/directory/people" aria-current={current === 'people' ? 'page' : undefined}>
        {t('people.tabPeople')}
      </a>
    </nav>
  );
}

function Filters({ props }: { props: PeoplePage }) {
  const { t, locale } = usePage();
  const { filter } = props;
  const organisations = sortedByLabel(
    locale,
    props.organisations.map((o) => ({ value: o.slug, label: o.name })),
  );
  return (
    <FilterPanel
      action="/directory/people"
      active={activeFilters(filter, ['sort', 'page', 'view', 'q'])}
      search={{ label: t('people.searchLabel'), value: filter.q }}
    >
      <CountryFilter value={filter.country} countries={props.countries} />
      <DomainFilter value={filter.domain} />
      <LanguageFilter value={filter.language} languages={props.languages} />
      <FilterSelect
        name="organisation"
        label={t('people.organisation')}
        value={filter.organisation}
        any={t('people.anyOrganisation')}
        options={organisations}
      />
      <SortFilter value={props.sort} sorts={SORTS} searching={!!filter.q} />
    </FilterPanel>
  );
}

export function PeopleView(props: PeoplePage) {
  const { t, fmt, here, locale } = usePage();
  const { filter } = props;
  return (
    <div class="wrap directory people">
      <DirectoryTabs current="people" />
      <PageHead title={t('people.title')}>
        <div class="actions">
          <ButtonLinks
            links={[
              props.own
                ? {
                    href: `/directory/people/${props.own.slug}`,
                    label: t('people.myProfile'),
                    secondary: true,
                  }
                : props.canCreateOwn && { href: '/directory/people/new', label: t('people.createMine') },
              props.canCreateForOthers && {
                href: '/directory/people/new?owner=none',
                label: t('people.addSomeone'),
                secondary: true,
              },
              // Importing from a spreadsheet is for the same editors (import.ts: canCreateForOthers).
              props.canCreateForOthers && {
                href: '/directory/people/import',
                label: t('peopleImport.title'),
                secondary: true,
              },
              !!props.pendingClaims && {
                href: '/directory/people/claims',
                label: t('people.claimsWaiting', { count: props.pendingClaims }),
                secondary: true,
              },
            ]}
          />
        </div>
      </PageHead>
      <p class="lead">{t('people.intro')}</p>
      <Filters props={props} />

      <ListTools total={props.total}>
        <p class="view-switch">
          <DownloadLinks
            base="/directory/people/export"
            query={queryWithout(here, ['page'])}
            formats={CONTACT_FORMATS}
          />
        </p>
      </ListTools>

      <Results
        count={props.cards.length}
        nothing={t('people.nothingFound')}
        clearHref={activeFilters(props.filter) ? '/directory/people' : undefined}
        words={props.filter.q}
      >
        <ul class="plain grid cards">
          {props.cards.map((p) => (
            <li class="card person-card">
              {p.photo && <CardPhoto slug={p.slug} photo={p.photo} />}
              <h2 class="card-title">
                <a href={`/directory/people/${p.slug}`} lang={p.lang}>
                  {p.name}
                </a>
                {p.status !== 'published' && (
                  <span class="badge muted"> {t(`people.status.${p.status as 'draft' | 'hidden'}`)}</span>
                )}
                {p.name_translit && <span class="subtitle">{p.name_translit}</span>}
              </h2>
              {(p.translatedTitle || p.title) && (
                <p class="muted" lang={p.translatedTitle ? locale : p.lang}>
                  {p.translatedTitle || p.title}
                </p>
              )}
              {p.organisations.length > 0 && (
                <p>
                  {p.organisations.slice(0, 2).map((o, i) => (
                    <>
                      {i > 0 && '; '}
                      <a href={`/directory/${o.slug}`}>{o.name}</a>
                    </>
                  ))}
                </p>
              )}
              {(p.country || p.domains.length > 0) && (
                <p class="muted">
                  {[
                    p.country ? fmt.country(p.country) : null,
                    ...p.domains.slice(0, 2).map((d) => t(`vocab.domain.${d as Domain}`)),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
