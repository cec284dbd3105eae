// Filters many lists share, in the platform's words: the words searched for, the country (named in
// the reader's language, in its order), the cultural domain, the language, and the sort. Each is a
// FilterInput or FilterSelect (filters.tsx) named as every list names it: q, country, domain,
// language, sort.
import type { MessageKey } from '../../platform/i18n.ts';
import { domainOptions, type Option } from '../options.ts';
import { usePage } from '../page-context.ts';
import { FilterInput, FilterSelect } from './filters.tsx';

/** The values offered, sorted by their label in the reader's language. */
export function sortedByLabel(locale: string, options: Option[]): Option[] {
  const collator = new Intl.Collator(locale);
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

/** The words searched for: the first and widest filter of a list. */
export function WordsFilter(props: { label: string; value: string | undefined; maxlength: number }) {
  return (
    <FilterInput
      name="q"
      type="search"
      label={props.label}
      value={props.value}
      maxlength={props.maxlength}
      wide
    />
  );
}

/** The label and the "any" choice of each shared filter. */
const WORDS: Record<'country' | 'domain' | 'language' | 'sort', [label: MessageKey, any: MessageKey]> = {
  country: ['field.country', 'filter.anyCountry'],
  domain: ['field.domain', 'filter.anyDomain'],
  language: ['field.language', 'filter.anyLanguage'],
  sort: ['list.sortBy', 'list.sort.default'],
};

function SharedFilter(props: { name: keyof typeof WORDS; value: string | undefined; options: Option[] }) {
  const { t } = usePage();
  const [label, any] = WORDS[props.name];
  return (
    <FilterSelect
      name={props.name}
      label={t(label)}
      value={props.value}
      any={t(any)}
      options={props.options}
    />
  );
}

/** The countries the list has records in. */
export function CountryFilter(props: { value: string | undefined; countries: readonly string[] }) {
  const { fmt, locale } = usePage();
  const options = props.countries.map((c) => ({ value: c, label: fmt.country(c) }));
  return <SharedFilter name="country" value={props.value} options={sortedByLabel(locale, options)} />;
}

/** The UNESCO cultural domains, in their own order. */
export function DomainFilter(props: { value: string | undefined }) {
  return <SharedFilter name="domain" value={props.value} options={domainOptions(usePage())} />;
}

/** The languages the list has records in. */
export function LanguageFilter(props: { value: string | undefined; languages: readonly string[] }) {
  const { fmt, locale } = usePage();
  const options = props.languages.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
  return <SharedFilter name="language" value={props.value} options={sortedByLabel(locale, options)} />;
}

export type ListSort = 'name' | 'newest' | 'updated' | 'relevance';

/** The sorts a list offers; by relevance only while words are searched for. */
export function SortFilter(props: {
  value: string | undefined;
  sorts: readonly ListSort[];
  searching: boolean;
}) {
  const { t } = usePage();
  const options = props.sorts
    .filter((s) => s !== 'relevance' || props.searching)
    .map((s) => ({ value: s, label: t(`list.sort.${s}`) }));
  return <SharedFilter name="sort" value={props.value} options={options} />;
}
