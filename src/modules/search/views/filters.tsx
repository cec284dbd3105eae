// The search page's filters: kind, language and country, each a choice among what the results hold
// (with how many of each), in the filter panel (folded above the results on a phone). The words
// stay as they are when a filter changes; the position in the results starts over.
import type { MessageKey } from '../../../platform/i18n.ts';
import type { FacetCounts, SearchResult } from '../../../search/index.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { pageHref } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { SEARCH_FILTERS, type SearchParams } from '../schemas.ts';

const unfiltered = Object.fromEntries(SEARCH_FILTERS.map((f) => [f, undefined]));

/** The values of one facet, most frequent first, with their counts; the chosen one always there. */
function optionsOf(
  counts: FacetCounts,
  active: string | undefined,
  label: (value: string) => string,
  number: (n: number) => string,
) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (active && !(active in counts)) entries.unshift([active, 0]);
  return entries.map(([value, n]) => ({ value, label: `${label(value)} (${number(n)})` }));
}

export function SearchFilters(props: {
  params: SearchParams;
  facets: SearchResult['facets'];
  labels: Map<string, MessageKey>;
}) {
  const { t, fmt, here } = usePage();
  const { params, facets, labels } = props;
  const typeName = (type: string) => {
    const key = labels.get(type);
    return key ? t(key) : type;
  };
  const filters: [(typeof SEARCH_FILTERS)[number], MessageKey, (value: string) => string][] = [
    ['type', 'search.facetType', typeName],
    ['lang', 'search.facetLanguage', fmt.language],
    ['country', 'search.facetCountry', fmt.country],
  ];
  return (
    <FilterPanel
      action="/search"
      active={activeFilters(params, ['q', 'cursor'])}
      clearHref={pageHref(here, { ...unfiltered, cursor: undefined })}
    >
      {params.q && <input type="hidden" name="q" value={params.q} />}
      {filters.map(([name, title, label]) => (
        <FilterSelect
          name={name}
          label={t(title)}
          value={params[name]}
          any={t('search.anyValue')}
          options={optionsOf(facets[name], params[name], label, fmt.number)}
        />
      ))}
    </FilterPanel>
  );
}
