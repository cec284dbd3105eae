// The directory page: search and filters (all in the URL), the map of the selection, the cards or
// the list, pages, and the exports of the same selection.
import type { Child } from 'hono/jsx';
import { excerpt } from '../../platform/markdown.ts';
import { DOMAINS, ORGANISATION_KINDS, VALUE_CHAIN_STAGES } from '../../platform/vocabularies.ts';
import { Pagination, pageHref } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { OrganisationCard } from './listing.ts';
import { logoUrl } from './logo.ts';
import { DirectoryMap, type Place } from './map.tsx';
import { type DirectoryFilter, SORTS, type Sort } from './schemas.ts';

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

export function DirectoryView(props: DirectoryPage) {
  const { t, fmt, here, locale } = usePage();
  const { filter } = props;
  const collator = new Intl.Collator(locale);
  const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]);
  const view = filter.view ?? 'cards';
  return (
    <div class="wrap directory">
      <div class="page-head">
        <h1>{t('directory.title')}</h1>
        {props.canCreate && (
          <a class="button" href="/directory/new">
            {t('directory.add')}
          </a>
        )}
        {props.canImport && (
          <a class="button secondary" href="/directory/import">
            {t('directoryImport.title')}
          </a>
        )}
      </div>
      <p class="lead">{t('directory.intro')}</p>
      <p class="view-switch">
        <a href="/directory/people">{t('directory.browsePeople')}</a>
      </p>
      <form method="get" action="/directory" class="filters directory-filters">
        <div class="field wide">
          <label for="filter-q">{t('directory.searchLabel')}</label>
          <input id="filter-q" type="search" name="q" value={filter.q ?? ''} maxlength={200} />
        </div>
        <Select
          name="kind"
          label={t('field.organisationKind')}
          value={filter.kind}
          any={t('directory.anyKind')}
          options={ORGANISATION_KINDS.map((k): [string, string] => [k, t(`vocab.organisationKind.${k}`)])}
        />
        <Select
          name="country"
          label={t('field.country')}
          value={filter.country}
          any={t('filter.anyCountry')}
          options={props.countries.map((c): [string, string] => [c, fmt.country(c)]).sort(byLabel)}
        />
        <div class="field">
          <label for="filter-city">{t('directory.city')}</label>
          <input id="filter-city" name="city" value={filter.city ?? ''} maxlength={100} />
        </div>
        <Select
          name="domain"
          label={t('field.domain')}
          value={filter.domain}
          any={t('filter.anyDomain')}
          options={DOMAINS.map((d): [string, string] => [d, t(`vocab.domain.${d}`)])}
        />
        <Select
          name="stage"
          label={t('field.stage')}
          value={filter.stage}
          any={t('directory.anyStage')}
          options={VALUE_CHAIN_STAGES.map((s): [string, string] => [s, t(`vocab.stage.${s}`)])}
        />
        <Select
          name="language"
          label={t('field.language')}
          value={filter.language}
          any={t('filter.anyLanguage')}
          options={props.languages.map((l): [string, string] => [l, fmt.language(l)]).sort(byLabel)}
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
        <div class="field checkbox">
          <input
            id="filter-verified"
            type="checkbox"
            name="verified"
            value="1"
            checked={filter.verified === '1'}
          />
          <label for="filter-verified">{t('directory.verifiedOnly')}</label>
        </div>
        {filter.view && <input type="hidden" name="view" value={filter.view} />}
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>

      <div class="list-tools">
        <p role="status">{t('list.count', { count: props.total })}</p>
        <p class="view-switch">
          {view === 'cards' ? (
            <a href={pageHref(here, { view: 'list', page: undefined })}>{t('directory.viewList')}</a>
          ) : (
            <a href={pageHref(here, { view: undefined, page: undefined })}>{t('directory.viewCards')}</a>
          )}
          {' · '}
          {t('list.download')}: <a href={exportHref(here, 'csv')}>CSV</a>,{' '}
          <a href={exportHref(here, 'json')}>JSON</a>, <a href={exportHref(here, 'vcf')}>vCard</a>
        </p>
      </div>

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

      {props.cards.length === 0 ? (
        <p class="notice warning">{t('directory.nothingFound')}</p>
      ) : view === 'cards' ? (
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
                {t(
                  `vocab.organisationKind.${o.kind}` as `vocab.organisationKind.${(typeof ORGANISATION_KINDS)[number]}`,
                )}{' '}
                · {[o.city, fmt.country(o.country)].filter(Boolean).join(', ')}
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
                  <td>
                    {t(
                      `vocab.organisationKind.${o.kind}` as `vocab.organisationKind.${(typeof ORGANISATION_KINDS)[number]}`,
                    )}
                  </td>
                  <td>{o.city ?? ''}</td>
                  <td>{fmt.country(o.country)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
  return level === 'h2' ? (
    <h2 class="card-title">
      {link}
      {sub && <span class="subtitle">{sub}</span>}
    </h2>
  ) : (
    <span>
      {link}
      {sub && <span class="subtitle">{sub}</span>}
    </span>
  );
}

function exportHref(here: string, format: 'csv' | 'json' | 'vcf'): string {
  const url = new URL(here, 'http://x');
  url.searchParams.delete('page');
  url.searchParams.delete('view');
  return `/directory/export.${format}${url.search}`;
}
