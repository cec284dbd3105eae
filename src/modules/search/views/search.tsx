// The search page: the form, the filters to narrow the results, the results, and help when nothing
// is found.
import type { MessageKey } from '../../../platform/i18n.ts';
import { MAX_QUERY_LENGTH, type SearchResult } from '../../../search/index.ts';
import { usePage } from '../../../ui/page-context.ts';
import { SEARCH_FILTERS, type SearchParams } from '../schemas.ts';
import { SearchFilters } from './filters.tsx';
import { NothingFound, ResultList, ResultPages, SearchTips } from './results.tsx';

function SearchForm({ params }: { params: SearchParams }) {
  const { t } = usePage();
  return (
    <search>
      <form method="get" action="/search" class="search-form">
        <label for="q">{t('search.label')}</label>
        <div class="search-row">
          <input
            id="q"
            type="search"
            name="q"
            value={params.q ?? ''}
            maxlength={MAX_QUERY_LENGTH}
            autocomplete="off"
            data-suggest="search-suggestions"
            list="search-suggestions"
            aria-describedby="search-help"
          />
          <datalist id="search-suggestions" />
          {params.type && <input type="hidden" name="type" value={params.type} />}
          {params.lang && <input type="hidden" name="lang" value={params.lang} />}
          {params.country && <input type="hidden" name="country" value={params.country} />}
          <button type="submit" class="button">
            {t('layout.searchButton')}
          </button>
        </div>
        <p class="hint" id="search-help">
          {t('search.syntaxHelp')}
        </p>
      </form>
    </search>
  );
}

export function SearchView(props: {
  params: SearchParams;
  result: SearchResult;
  labels: Map<string, MessageKey>;
}) {
  const { t } = usePage();
  const { params, result, labels } = props;
  const q = (params.q ?? '').trim();
  const typeName = (type: string) => {
    const key = labels.get(type);
    return key ? t(key) : type;
  };
  return (
    <div class="wrap search-page">
      <h1>{t('search.title')}</h1>
      <SearchForm params={params} />

      {result.problem === 'onlyExcluded' && <p class="notice warning">{t('search.onlyExcluded')}</p>}
      {!result.problem && (
        <p role="status" class="result-count">
          {result.overCap
            ? t('search.countOver', { count: result.total, q })
            : t('search.count', { count: result.total, q })}
        </p>
      )}

      {!result.problem && (
        <div class="search-layout">
          <aside class="facets" aria-label={t('search.narrow')}>
            <SearchFilters params={params} facets={result.facets} labels={labels} />
          </aside>
          <div class="results">
            {result.hits.length === 0 ? (
              <NothingFound filtered={SEARCH_FILTERS.some((f) => params[f])} />
            ) : (
              <ResultList hits={result.hits} typeName={typeName} />
            )}
            <ResultPages next={result.nextCursor} paged={!!params.cursor} />
          </div>
        </div>
      )}
      {result.problem === 'empty' && <SearchTips />}
    </div>
  );
}
