// The search page: the form, facets to narrow the results, the results with marked snippets,
// and help when nothing is found.
import type { MessageKey } from '../../platform/i18n.ts';
import type { FacetCounts, SearchResult } from '../../search/index.ts';
import { MAX_QUERY_LENGTH } from '../../search/index.ts';
import { pageHref } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { SearchParams } from './schemas.ts';

export function SearchView(props: {
  params: SearchParams;
  result: SearchResult;
  labels: Map<string, MessageKey>;
}) {
  const { t, fmt } = usePage();
  const { params, result, labels } = props;
  const q = (params.q ?? '').trim();
  const typeName = (type: string) => {
    const key = labels.get(type);
    return key ? t(key) : type;
  };
  return (
    <div class="wrap search-page">
      <h1>{t('search.title')}</h1>
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
            <Facet
              name="type"
              title="search.facetType"
              counts={result.facets.type}
              active={params.type}
              label={typeName}
            />
            <Facet
              name="lang"
              title="search.facetLanguage"
              counts={result.facets.lang}
              active={params.lang}
              label={fmt.language}
            />
            <Facet
              name="country"
              title="search.facetCountry"
              counts={result.facets.country}
              active={params.country}
              label={fmt.country}
            />
          </aside>
          <div class="results">
            {result.hits.length === 0 ? (
              <NothingFound filtered={!!(params.type || params.lang || params.country)} />
            ) : (
              <ol class="plain result-list">
                {result.hits.map((hit) => (
                  <li class="result">
                    <h2 class="result-title" lang={hit.lang ?? undefined}>
                      <a href={hit.url}>{hit.title}</a>
                    </h2>
                    <p class="result-meta">
                      {[
                        typeName(hit.type),
                        hit.lang ? fmt.language(hit.lang) : '',
                        hit.country ? fmt.country(hit.country) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <p class="snippet" lang={hit.lang ?? undefined}>
                      {hit.snippet.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <ResultPages next={result.nextCursor} paged={!!params.cursor} />
          </div>
        </div>
      )}
      {result.problem === 'empty' && <SearchTips />}
    </div>
  );
}

function Facet(props: {
  name: 'type' | 'lang' | 'country';
  title: MessageKey;
  counts: FacetCounts;
  active: string | undefined;
  label: (value: string) => string;
}) {
  const { t, fmt, here } = usePage();
  const entries = Object.entries(props.counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0 && !props.active) return null;
  return (
    <section class="facet">
      <h2>{t(props.title)}</h2>
      <ul class="plain">
        {props.active && (
          <li>
            <a href={pageHref(here, { [props.name]: undefined, cursor: undefined })}>
              {t('search.anyValue')}
            </a>
          </li>
        )}
        {entries.slice(0, 15).map(([value, n]) => (
          <li>
            {value === props.active ? (
              <strong aria-current="true">
                {props.label(value)} ({fmt.number(n)})
              </strong>
            ) : (
              <a href={pageHref(here, { [props.name]: value, cursor: undefined })}>
                {props.label(value)} ({fmt.number(n)})
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultPages({ next, paged }: { next: string | null; paged: boolean }) {
  const { t, here } = usePage();
  if (!next && !paged) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {paged ? <a href={pageHref(here, { cursor: undefined })}>{t('search.firstPage')}</a> : <span />}
      {next ? (
        <a href={pageHref(here, { cursor: next })} rel="next">
          {t('list.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function NothingFound({ filtered }: { filtered: boolean }) {
  const { t } = usePage();
  return (
    <div class="nothing-found">
      <p>
        <strong>{t('search.nothingFound')}</strong>
      </p>
      <ul>
        {filtered && <li>{t('search.tipFilters')}</li>}
        <li>{t('search.tipFewerWords')}</li>
        <li>{t('search.tipSpelling')}</li>
        <li>{t('search.tipOtherLanguage')}</li>
      </ul>
    </div>
  );
}

function SearchTips() {
  const { t } = usePage();
  return (
    <section class="card">
      <h2>{t('search.tipsTitle')}</h2>
      <ul>
        <li>{t('search.tipAllWords')}</li>
        <li>{t('search.tipPhrase')}</li>
        <li>{t('search.tipExclude')}</li>
        <li>{t('search.tipOr')}</li>
        <li>{t('search.tipMarks')}</li>
      </ul>
    </section>
  );
}
