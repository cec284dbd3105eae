// The library page: filters (all in the URL), sort, the list, pages, and the same selection as an
// Atom feed and as RIS or BibTeX.

import { DOMAINS } from '../../platform/vocabularies.ts';
import { Pagination } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { FilterCounts } from './filter-counts.ts';
import { filterQuery, type LibraryFilter } from './schemas.ts';
import type { DocumentDetails } from './store.ts';
import { DocumentCard, usePlaceLabel } from './views-parts.tsx';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, SORTS } from './vocab.ts';

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

export function LibraryView(props: {
  filter: LibraryFilter;
  docs: DocumentDetails[];
  total: number;
  pageSize: number;
  counts: FilterCounts;
  canEdit: boolean;
}) {
  const { t, fmt, locale } = usePage();
  const placeLabel = usePlaceLabel();
  const { filter, counts } = props;
  const collator = new Intl.Collator(locale);
  const withCount = (label: string, n: number | undefined) => `${label} (${fmt.number(n ?? 0)})`;
  const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]);
  const query = filterQuery(filter);
  return (
    <div class="wrap library">
      <div class="page-head">
        <h1>{t('library.title')}</h1>
        {props.canEdit && (
          <a class="button" href="/library/new">
            {t('library.add')}
          </a>
        )}
      </div>
      <p class="lead">{t('library.intro')}</p>
      <p class="view-switch">
        <a href="/library/collections">{t('library.collections')}</a>
      </p>
      <form method="get" action="/library" class="filters">
        <div class="field wide">
          <label for="filter-q">{t('library.searchLabel')}</label>
          <input id="filter-q" type="search" name="q" value={filter.q ?? ''} maxlength={200} />
        </div>
        <Select
          name="kind"
          label={t('library.kind')}
          value={filter.kind}
          any={t('library.anyKind')}
          options={DOCUMENT_KINDS.filter((k) => counts.kind.has(k) || filter.kind === k).map(
            (k): [string, string] => [k, withCount(t(`library.kind.${k}`), counts.kind.get(k))],
          )}
        />
        <Select
          name="country"
          label={t('library.country')}
          value={filter.country}
          any={t('library.anyCountry')}
          options={[...counts.place]
            .map(([code, n]): [string, string] => [code, withCount(placeLabel(code), n)])
            .sort(byLabel)}
        />
        <Select
          name="language"
          label={t('library.language')}
          value={filter.language}
          any={t('library.anyLanguage')}
          options={[...counts.language]
            .map(([tag, n]): [string, string] => [tag, withCount(fmt.language(tag), n)])
            .sort(byLabel)}
        />
        <Select
          name="domain"
          label={t('library.domain')}
          value={filter.domain}
          any={t('library.anyDomain')}
          options={DOMAINS.filter((d) => counts.domain.has(d)).map((d): [string, string] => [
            d,
            withCount(t(`vocab.domain.${d}`), counts.domain.get(d)),
          ])}
        />
        <Select
          name="year"
          label={t('library.year')}
          value={filter.year}
          any={t('library.anyYear')}
          options={[...counts.year].map(([y, n]): [string, string] => [y, withCount(y, n)])}
        />
        <Select
          name="issuer"
          label={t('library.issuer')}
          value={filter.issuer}
          any={t('library.anyIssuer')}
          options={counts.issuer.map((i): [string, string] => [i.slug, withCount(i.name, i.n)])}
        />
        <Select
          name="status"
          label={t('library.status')}
          value={filter.status}
          any={t('library.anyStatus')}
          options={DOCUMENT_STATUSES.map((s): [string, string] => [
            s,
            withCount(t(`library.status.${s}`), counts.status.get(s)),
          ])}
        />
        <Select
          name="sort"
          label={t('library.sort')}
          value={filter.sort}
          any={t('library.sort.issued')}
          options={SORTS.filter((s) => s !== 'issued').map((s): [string, string] => [
            s,
            t(`library.sort.${s}`),
          ])}
        />
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>

      <div class="list-tools">
        <p role="status">{t('list.count', { count: props.total })}</p>
        <p class="view-switch">
          <a href={`/library/feed.atom${query}`}>{t('library.feed')}</a>
          {' · '}
          {t('library.exportList')} <a href={`/library/export.ris${query}`}>RIS</a>,{' '}
          <a href={`/library/export.bib${query}`}>BibTeX</a>
        </p>
      </div>

      {props.docs.length === 0 ? (
        <p class="notice warning">{t('library.nothingFound')}</p>
      ) : (
        <ul class="plain stack document-list">
          {props.docs.map((doc) => (
            <DocumentCard doc={doc} />
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
