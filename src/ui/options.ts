// The option lists many forms and filters offer, named in the reader's language: countries (sorted
// by their name there), the languages a record may be written in, and the platform's shared code
// lists (platform/vocabularies.ts) in their own order.
import { COUNTRY_CODES } from '../platform/countries.ts';
import {
  CONTENT_LANGUAGES,
  DOMAINS,
  GENDERS,
  ORGANISATION_KINDS,
  REGIONS,
  VALUE_CHAIN_STAGES,
} from '../platform/vocabularies.ts';
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

type Translating = Pick<PageContext, 't'>;

/** The UNESCO cultural domains. */
export const domainOptions = ({ t }: Translating): Option[] =>
  DOMAINS.map((d) => ({ value: d, label: t(`vocab.domain.${d}`) }));

/** The kinds of organisation. */
export const organisationKindOptions = ({ t }: Translating): Option[] =>
  ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) }));

/** The stages of the value chain. */
export const stageOptions = ({ t }: Translating): Option[] =>
  VALUE_CHAIN_STAGES.map((s) => ({ value: s, label: t(`vocab.stage.${s}`) }));

/** The genders a person may state. */
export const genderOptions = ({ t }: Translating): Option[] =>
  GENDERS.map((g) => ({ value: g, label: t(`vocab.gender.${g}`) }));

/** The regions a document may concern. */
export const regionOptions = ({ t }: Translating): Option[] =>
  REGIONS.map((r) => ({ value: r, label: t(`vocab.region.${r}`) }));
