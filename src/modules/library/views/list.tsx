// The library page: the filters (all in the URL, folded above the results on a phone), the count,
// the same selection as an Atom feed, a spreadsheet and citations, the list and its pages.
import type { FollowTarget } from '../../../platform/notifications/follows.ts';
import { DOMAINS, type Domain } from '../../../platform/vocabularies.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { sortedByLabel } from '../../../ui/components/list-filters.tsx';
import { DownloadLinks, FormatLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { ButtonLinks, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import type { Option } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { DocumentDetails } from '../access.ts';
import type { FilterCounts } from '../filter-counts.ts';
import { filterQuery, type LibraryFilter } from '../schemas.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, SORTS } from '../vocab.ts';
import { CITATIONS, DocumentList, usePlaceLabel } from './parts.tsx';

function Filters({ filter, counts }: { filter: LibraryFilter; counts: FilterCounts }) {
  const { t, fmt, locale } = usePage();
  const placeLabel = usePlaceLabel();
  /** "Law (3)": a value with how many documents it selects. */
  const counted = (value: string, label: string, n: number | undefined): Option => ({
    value,
    label: `${label} (${fmt.number(n ?? 0)})`,
  });
  return (
    <FilterPanel
      action="/library"
      active={activeFilters(filter, ['sort', 'page', 'view', 'q'])}
      search={{ label: t('library.searchLabel'), value: filter.q }}
    >
      <FilterSelect
        name="kind"
        label={t('library.kind')}
        value={filter.kind}
        any={t('library.anyKind')}
        options={DOCUMENT_KINDS.filter((k) => counts.kind.has(k) || filter.kind === k).map((k) =>
          counted(k, t(`library.kind.${k}`), counts.kind.get(k)),
        )}
      />
      <FilterSelect
        name="country"
        label={t('library.country')}
        value={filter.country}
        any={t('library.anyCountry')}
        options={sortedByLabel(
          locale,
          [...counts.place].map(([code, n]) => counted(code, placeLabel(code), n)),
        )}
      />
      <FilterSelect
        name="language"
        label={t('library.language')}
        value={filter.language}
        any={t('filter.anyLanguage')}
        options={sortedByLabel(
          locale,
          [...counts.language].map(([tag, n]) => counted(tag, fmt.language(tag), n)),
        )}
      />
      <FilterSelect
        name="domain"
        label={t('library.domain')}
        value={filter.domain}
        any={t('filter.anyDomain')}
        options={DOMAINS.filter((d) => counts.domain.has(d)).map((d) =>
          counted(d, t(`vocab.domain.${d}`), counts.domain.get(d)),
        )}
      />
      <FilterSelect
        name="year"
        label={t('library.year')}
        value={filter.year}
        any={t('library.anyYear')}
        options={[...counts.year].map(([y, n]) => counted(y, y, n))}
      />
      <FilterSelect
        name="issuer"
        label={t('library.issuer')}
        value={filter.issuer}
        any={t('library.anyIssuer')}
        options={counts.issuer.map((i) => counted(i.slug, i.name, i.n))}
      />
      <FilterSelect
        name="status"
        label={t('library.status')}
        value={filter.status}
        any={t('library.anyStatus')}
        options={DOCUMENT_STATUSES.map((s) => counted(s, t(`library.status.${s}`), counts.status.get(s)))}
      />
      <FilterSelect
        name="sort"
        label={t('list.sortBy')}
        value={filter.sort}
        any={t('library.sort.issued')}
        options={SORTS.filter((s) => s !== 'issued').map((s) => ({
          value: s,
          label: t(`library.sort.${s}`),
        }))}
      />
    </FilterPanel>
  );
}

export function LibraryView(props: {
  filter: LibraryFilter;
  docs: DocumentDetails[];
  total: number;
  pageSize: number;
  counts: FilterCounts;
  canEdit: boolean;
  /** The one country or domain the list is filtered by, to follow; null for other lists. */
  follow: { target: FollowTarget; following: boolean } | null;
}) {
  const { t, fmt } = usePage();
  const { filter } = props;
  const query = filterQuery(filter);
  return (
    <div class="wrap library">
      <PageHead title={t('library.title')}>
        <ButtonLinks links={[props.canEdit && { href: '/library/new', label: t('library.add') }]} />
      </PageHead>
      <p class="lead">{t('library.intro')}</p>
      <p class="view-switch">
        <a href="/library/collections">{t('library.collections')}</a>
      </p>
      <Filters filter={filter} counts={props.counts} />
      {props.follow && (
        <div class="no-print">
          <p class="hint">
            {t('library.followHint', {
              name:
                props.follow.target.type === 'country'
                  ? fmt.country(props.follow.target.key)
                  : t(`vocab.domain.${props.follow.target.key as Domain}`),
            })}
          </p>
          <FollowButton target={props.follow.target} following={props.follow.following} />
        </div>
      )}

      <ListTools total={props.total}>
        <p class="view-switch">
          <a href={`/library/feed.atom${query}`}>{t('library.feed')}</a>
          {' · '}
          <DownloadLinks base="/library/export" query={query} />
          {' · '}
          <FormatLinks
            label={t('library.exportList')}
            base="/library/export"
            query={query}
            formats={CITATIONS}
          />
        </p>
      </ListTools>

      <Results
        count={props.docs.length}
        nothing={t('library.nothingFound')}
        clearHref={activeFilters(filter) ? '/library' : undefined}
        words={filter.q}
      >
        <DocumentList docs={props.docs} empty={null} />
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
