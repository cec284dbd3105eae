// Filters many lists share, in the platform's words: the country (named in the reader's language,
// in its order), the cultural domain, the language, and the sort. Each is a FilterSelect
// (filters.tsx) named as every list names it: country, domain, language, sort.
import { DOMAINS } from '../../platform/vocabularies.ts';
import type { Option } from '../options.ts';
import { usePage } from '../page-context.ts';
import { FilterSelect } from './filters.tsx';

/** The values offered, sorted by their label in the reader's language. */
function byLabel(locale: string, options: Option[]): Option[] {
  const collator = new Intl.Collator(locale);
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

/** The countries the list has records in. */
export function CountryFilter(props: { value: string | undefined; countries: readonly string[] }) {
  const { t, fmt, locale } = usePage();
  return (
    <FilterSelect
      name="country"
      label={t('field.country')}
      value={props.value}
      any={t('filter.anyCountry')}
      options={byLabel(
        locale,
        props.countries.map((c) => ({ value: c, label: fmt.country(c) })),
      )}
    />
  );
}

/** The UNESCO cultural domains, in their own order. */
export function DomainFilter(props: { value: string | undefined }) {
  const { t } = usePage();
  return (
    <FilterSelect
      name="domain"
      label={t('field.domain')}
      value={props.value}
      any={t('filter.anyDomain')}
      options={DOMAINS.map((d) => ({ value: d, label: t(`vocab.domain.${d}`) }))}
    />
  );
}

/** The languages the list has records in. */
export function LanguageFilter(props: { value: string | undefined; languages: readonly string[] }) {
  const { t, fmt, locale } = usePage();
  return (
    <FilterSelect
      name="language"
      label={t('field.language')}
      value={props.value}
      any={t('filter.anyLanguage')}
      options={byLabel(
        locale,
        props.languages.map((l) => ({ value: l, label: fmt.language(l), lang: l })),
      )}
    />
  );
}

export type ListSort = 'name' | 'newest' | 'updated' | 'relevance';

/** The sorts a list offers; by relevance only while words are searched for. */
export function SortFilter(props: {
  value: string | undefined;
  sorts: readonly ListSort[];
  searching: boolean;
}) {
  const { t } = usePage();
  return (
    <FilterSelect
      name="sort"
      label={t('list.sortBy')}
      value={props.value}
      any={t('list.sort.default')}
      options={props.sorts
        .filter((s) => s !== 'relevance' || props.searching)
        .map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
    />
  );
}
