// The option lists many forms and filters offer, named in the reader's language: countries (sorted
// by their name there) and the languages a record may be written in.
import { COUNTRY_CODES } from '../platform/countries.ts';
import { CONTENT_LANGUAGES } from '../platform/vocabularies.ts';
import type { PageContext } from './page-context.ts';

export interface Option {
  value: string;
  label: string;
  lang?: string;
}

const countryLists = new Map<string, Option[]>();

/** Every country by its name in the reader's language, in that language's order. */
export function countryOptions({ fmt, locale }: Pick<PageContext, 'fmt' | 'locale'>): Option[] {
  let list = countryLists.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((c) => ({ value: c, label: fmt.country(c) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    countryLists.set(locale, list);
  }
  return list;
}

/** The languages a record may be written in (or another list), named in the reader's language. */
export function languageOptions(
  { fmt }: Pick<PageContext, 'fmt'>,
  languages: readonly string[] = CONTENT_LANGUAGES,
): Option[] {
  return languages.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
}
