// The directory page: search and filters (all in the URL, folded above the results on a phone),
// the map of the selection, the cards or the list, pages, and the exports of the same selection.
import type { Child } from 'hono/jsx';
import { excerpt } from '../../../platform/markdown.ts';
import type { OrganisationKind } from '../../../platform/vocabularies.ts';
import {
  activeFilters,
  FilterCheckbox,
  FilterInput,
  FilterPanel,
  FilterSelect,
} from '../../../ui/components/filters.tsx';
import {
  CountryFilter,
  DomainFilter,
  LanguageFilter,
  SortFilter,
} from '../../../ui/components/list-filters.tsx';
import { CONTACT_FORMATS, DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { ButtonLinks, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination, pageHref } from '../../../ui/components/pagination.tsx';
import { organisationKindOptions, stageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { OrganisationCard } from '../listing.ts';
import { logoUrl } from '../logo.ts';
import type { Place } from '../places.ts';
import { type DirectoryFilter, filterQuery, SORTS, type Sort } from '../schemas.ts';
import { DirectoryMap } from './map.tsx';

export interface DirectoryPage {
  filter: DirectoryFilter;
  sort: Sort;
  cards: OrganisationCard[];
  total: number;
  pageSize: number;
  places: Place[];
  countries: string[];
  languages: string[];
  canCreate: boolean;
  /** Editors and admins: a link to the CSV/XLSX import. */
  canImport: boolean;
}

function Filters({ props }: { props: DirectoryPage }) {
  const page = usePage();
  const { t } = page;
  const { filter } = props;
  return (
    <FilterPanel
      action="/directory"
      active={activeFilters(filter, ['sort', 'page', 'view', 'q'])}
      search={{ label: t('directory.searchLabel'), value: filter.q }}
    >
      <FilterSelect
        name="kind"
        label={t('field.organisationKind')}
        value={filter.kind}
        any={t('directory.anyKind')}
        options={organisationKindOptions(page)}
      />
      <CountryFilter value={filter.country} countries={props.countries} />
      <FilterInput name="city" label={t('directory.city')} value={filter.city} maxlength={100} />
      <DomainFilter value={filter.domain} />
      <FilterSelect
        name="stage"
        label={t('field.stage')}
        value={filter.stage}
        any={t('directory.anyStage')}
        options={stageOptions(page)}
      />
      <LanguageFilter value={filter.language} languages={props.languages} />
      <SortFilter value={props.sort} sorts={SORTS} searching={!!filter.q} />
      <FilterCheckbox name="verified" label={t('directory.verifiedOnly')} checked={filter.verified === '1'} />
      {filter.view && <input type="hidden" name="view" value={filter.view} />}
    </FilterPanel>
  );
}

export function DirectoryView(props: DirectoryPage) {
  const { t, fmt, here } = usePage();
  const { filter } = props;
  const view = filter.view ?? 'cards';
  const query = filterQuery(filter);
  const kindOf = (card: OrganisationCard) => t(`vocab.organisationKind.${card.kind as OrganisationKind}`);
  return (
    <div class="wrap directory">
      <PageHead title={t('directory.title')}>
        <ButtonLinks
          links={[
            props.canCreate && { href: '/directory/new', label: t('directory.add') },
            props.canImport && {
              href: '/directory/import',
              label: t('directoryImport.title'),
              secondary: true,
            },
          ]}
        />
      </PageHead>
      <p class="lead">{t('directory.intro')}</p>
      <p class="view-switch">
        <a href="/directory/people">{t('directory.browsePeople')}</a>
      </p>
      <Filters props={props} />

      <ListTools total={props.total}>
        <p class="view-switch">
          {view === 'cards' ? (
            <a href={pageHref(here, { view: 'list', page: undefined })}>{t('directory.viewList')}</a>
          ) : (
            <a href={pageHref(here, { view: undefined, page: undefined })}>{t('directory.viewCards')}</a>
          )}
          {' · '}
          <DownloadLinks base="/directory/export" query={query} formats={CONTACT_FORMATS} />
        </p>
      </ListTools>

      {props.places.length > 0 && (
        <DirectoryMap
          places={props.places}
          hrefForPlace={(p) =>
            p.count === 1 && p.organisations[0]
              ? `/directory/${p.organisations[0]?.slug}`
              : pageHref(here, { country: p.country, city: p.city ?? undefined, page: undefined })
          }
        />
      )}

      <Results
        count={props.cards.length}
        nothing={t('directory.nothingFound')}
        clearHref={activeFilters(filter) ? '/directory' : undefined}
        words={filter.q}
      >
        {view === 'cards' ? (
          <ul class="plain grid cards">
            {props.cards.map((o) => (
              <li class="card org-card">
                {o.logo && (
                  // Decorative: the name follows. Lazy, and sized, so the list does not jump.
                  <img
                    src={logoUrl(o.slug, o.logo, 'thumb')}
                    alt=""
                    width={o.logo.thumbWidth}
                    height={o.logo.thumbHeight}
                    loading="lazy"
                  />
                )}
                <OrganisationHeading card={o} level="h2" />
                <p class="muted">
                  {kindOf(o)} · {[o.city, fmt.country(o.country)].filter(Boolean).join(', ')}
                </p>
                {o.description && <p lang={o.lang}>{excerpt(o.description, 160)}</p>}
              </li>
            ))}
          </ul>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field.name')}</th>
                  <th scope="col">{t('field.organisationKind')}</th>
                  <th scope="col">{t('directory.city')}</th>
                  <th scope="col">{t('field.country')}</th>
                </tr>
              </thead>
              <tbody>
                {props.cards.map((o) => (
                  <tr>
                    <td>
                      <OrganisationHeading card={o} />
                    </td>
                    <td>{kindOf(o)}</td>
                    <td>{o.city ?? ''}</td>
                    <td>{fmt.country(o.country)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}

function OrganisationHeading({ card, level }: { card: OrganisationCard; level?: 'h2' }) {
  const { t } = usePage();
  const link: Child = (
    <>
      <a href={`/directory/${card.slug}`} lang={card.translatedName ? undefined : card.lang}>
        {card.translatedName ?? card.name}
      </a>
      {card.verified && (
        <span class="badge" title={t('directory.verified')}>
          {' '}
          ✓<span class="visually-hidden">{t('directory.verified')}</span>
        </span>
      )}
      {card.status !== 'published' && (
        <span class="badge muted"> {t(`directory.status.${card.status as 'pending'}`)}</span>
      )}
    </>
  );
  // The reader's language first; then the original name, or its Latin letters.
  const sub = card.translatedName ? card.name : card.name_translit;
  const content = (
    <>
      {link}
      {sub && <span class="subtitle">{sub}</span>}
    </>
  );
  return level === 'h2' ? <h2 class="card-title">{content}</h2> : <span>{content}</span>;
}
