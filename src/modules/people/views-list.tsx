// The people list: tabs between organisations and people, search and filters (all in the URL), the
// cards, pages, and the exports of the same selection.

import { DOMAINS } from '../../platform/vocabularies.ts';
import { Pagination } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { PersonCard } from './listing.ts';
import { type PeopleFilter, SORTS, type Sort } from './schemas.ts';
import { CardPhoto } from './views-photo.tsx';

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

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  any: string;
}) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PeopleView(props: PeoplePage) {
  const { t, fmt, here, locale } = usePage();
  const { filter } = props;
  const collator = new Intl.Collator(locale);
  const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]);
  return (
    <div class="wrap directory people">
      <DirectoryTabs current="people" />
      <div class="page-head">
        <h1>{t('people.title')}</h1>
        <div class="actions">
          {props.own ? (
            <a class="button secondary" href={`/directory/people/${props.own.slug}`}>
              {t('people.myProfile')}
            </a>
          ) : (
            props.canCreateOwn && (
              <a class="button" href="/directory/people/new">
                {t('people.createMine')}
              </a>
            )
          )}
          {props.canCreateForOthers && (
            <a class="button secondary" href="/directory/people/new?owner=none">
              {t('people.addSomeone')}
            </a>
          )}
          {/* Importing from a spreadsheet is for the same editors (import.ts: canCreateForOthers). */}
          {props.canCreateForOthers && (
            <a class="button secondary" href="/directory/people/import">
              {t('peopleImport.title')}
            </a>
          )}
          {props.pendingClaims !== null && props.pendingClaims > 0 && (
            <a class="button secondary" href="/directory/people/claims">
              {t('people.claimsWaiting', { count: props.pendingClaims })}
            </a>
          )}
        </div>
      </div>
      <p class="lead">{t('people.intro')}</p>
      <form method="get" action="/directory/people" class="filters directory-filters">
        <div class="field wide">
          <label for="filter-q">{t('people.searchLabel')}</label>
          <input id="filter-q" type="search" name="q" value={filter.q ?? ''} maxlength={200} />
        </div>
        <Select
          name="country"
          label={t('field.country')}
          value={filter.country}
          any={t('filter.anyCountry')}
          options={props.countries.map((c): [string, string] => [c, fmt.country(c)]).sort(byLabel)}
        />
        <Select
          name="domain"
          label={t('field.domain')}
          value={filter.domain}
          any={t('filter.anyDomain')}
          options={DOMAINS.map((d): [string, string] => [d, t(`vocab.domain.${d}`)])}
        />
        <Select
          name="language"
          label={t('field.language')}
          value={filter.language}
          any={t('filter.anyLanguage')}
          options={props.languages.map((l): [string, string] => [l, fmt.language(l)]).sort(byLabel)}
        />
        <Select
          name="organisation"
          label={t('people.organisation')}
          value={filter.organisation}
          any={t('people.anyOrganisation')}
          options={props.organisations.map((o): [string, string] => [o.slug, o.name]).sort(byLabel)}
        />
        <Select
          name="sort"
          label={t('list.sortBy')}
          value={props.sort}
          any={t('list.sort.default')}
          options={SORTS.filter((s) => s !== 'relevance' || filter.q).map((s): [string, string] => [
            s,
            t(`list.sort.${s}`),
          ])}
        />
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>

      <div class="list-tools">
        <p role="status">{t('list.count', { count: props.total })}</p>
        <p class="view-switch">
          {t('list.download')}: <a href={exportHref(here, 'csv')}>CSV</a>,{' '}
          <a href={exportHref(here, 'json')}>JSON</a>, <a href={exportHref(here, 'vcf')}>vCard</a>
        </p>
      </div>

      {props.cards.length === 0 ? (
        <p class="notice warning">{t('people.nothingFound')}</p>
      ) : (
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
                    ...p.domains.slice(0, 2).map((d) => t(`vocab.domain.${d as (typeof DOMAINS)[number]}`)),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}

function exportHref(here: string, format: 'csv' | 'json' | 'vcf'): string {
  const url = new URL(here, 'http://x');
  url.searchParams.delete('page');
  return `/directory/people/export.${format}${url.search}`;
}
