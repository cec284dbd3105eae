// One schema for a measure, serving the form, the API body, the import and the OpenAPI document;
// inputOf() (a saved measure as input: the base a PATCH merges onto), formValuesOf() (the edit
// form), and the list's filters (page, feed, export, API, comparison).
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  blankToNull,
  checkbox,
  choice,
  country,
  integer,
  langTag,
  line,
  list,
  optionalLine,
  optionalUrl,
  rowsFromForm,
  slug,
  splitLines,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { DOMAINS, VALUE_CHAIN_STAGES } from '../../platform/vocabularies.ts';
import type { MeasureDetails } from './access.ts';
import {
  AREAS,
  CURRENCY,
  CURRENT_FRAMEWORK,
  FRAMEWORK_VERSIONS,
  GOALS,
  LIMITS,
  MEASURE_SOURCES,
  MEASURE_STATUSES,
  PARTNER_SECTORS,
  SORTS,
  TARGET_GROUPS,
} from './vocab.ts';

const TRANSLATED = translatedTexts({ short: 'title', long: 'description' });
const translation = TRANSLATED.row(
  { title: optionalLine(LIMITS.title), description: text(LIMITS.text) },
  'policies.translationEmpty',
);

/** A slug, or the address of its page pasted (…/library/<slug>). */
const slugOrPage = (path: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .trim()
            .replace(new RegExp(`^.*/${path}/`), '')
            .replace(/[/?#].*$/, '')
        : v,
    slug('policies.unknownDocument'),
  );

const partner = z.object({
  name: line(300),
  sector: choice(PARTNER_SECTORS),
});

const amount = z.preprocess(
  (v) => (typeof v === 'string' ? blankToNull(v.replace(/[\s,]/g, '')) : v),
  z.coerce
    .number('policies.badAmount')
    .min(0, 'policies.badAmount')
    .max(1e15, 'policies.badAmount')
    .nullable()
    .default(null),
);

const currency = z.preprocess(
  (v) => (typeof v === 'string' ? blankToNull(v.trim().toUpperCase()) : v),
  z.string().regex(CURRENCY, 'policies.badCurrency').nullable().default(null),
);

const year = () => integer({ min: 1990, max: 2100 }, 'policies.badYear');

export const measureObject = z.object({
  title: line(LIMITS.title).describe('The title, in `lang`'),
  lang: langTag('policies.unknownLanguage').describe('BCP 47 language of the title and texts'),
  country: country().describe('ISO 3166-1 alpha-2 code'),
  report_year: year().describe('The year of the report that describes it'),
  framework: choice(FRAMEWORK_VERSIONS)
    .default(CURRENT_FRAMEWORK)
    .describe('Version of the monitoring framework'),
  implementing_bodies: z
    .preprocess(splitLines, z.array(line(300)).max(LIMITS.bodies, 'form.tooMany'))
    .default([])
    .describe('Each an organisation of the directory (its slug or page address) or a name'),
  description: text(LIMITS.text).describe('Markdown'),
  main_features: text(LIMITS.text).describe('Markdown'),
  website: optionalUrl(1000),
  expected_results: text(LIMITS.text),
  achieved_results: text(LIMITS.text),
  budget_amount: amount.describe('A number; null when not given'),
  budget_currency: currency.describe('ISO 4217 code'),
  budget_note: z
    .preprocess((v) => blankToNull(v) ?? '', z.string().trim().max(500, 'form.tooLong'))
    .default(''),
  partners: z.array(partner).max(LIMITS.partners, 'form.tooMany').default([]),
  evaluated: checkbox(),
  evaluation_findings: text(LIMITS.text),
  goals: list(choice(GOALS), GOALS.length).describe('Goals named without an area (an area names its goal)'),
  areas: list(choice(AREAS), AREAS.length),
  domains: list(choice(DOMAINS), DOMAINS.length),
  stages: list(choice(VALUE_CHAIN_STAGES), VALUE_CHAIN_STAGES.length),
  youth: checkbox(),
  target_groups: list(choice(TARGET_GROUPS), TARGET_GROUPS.length),
  source: choice(MEASURE_SOURCES),
  status: choice(MEASURE_STATUSES),
  documents: z
    .preprocess(splitLines, z.array(slugOrPage('library')).max(LIMITS.documents, 'form.tooMany'))
    .default([])
    .describe('Slugs of the library documents it rests on (a law, a decree)'),
  event: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .trim()
              .replace(/^.*\/events\//, '')
              .replace(/[/?#].*$/, '') || null
          : v,
      slug('policies.unknownEvent').nullable().default(null),
    )
    .describe('Slug of the event of this hub it was presented at; null for none'),
  translations: TRANSLATED.list(
    translation,
    `Translated titles and descriptions, at most ${MAX_TRANSLATIONS}`,
  ),
});

/** The partners' rows of the form (`partner_name`, `partner_sector`) as the API's list. */
const partnerRows = rowsFromForm(
  { list: 'partners', columns: ['partner_name', 'partner_sector'] },
  ([name, sector]) => (typeof name === 'string' && name.trim() !== '' ? { name, sector } : null),
);

export const measureInput = TRANSLATED.input(measureObject, partnerRows);
export type MeasureInput = z.infer<typeof measureObject>;

export function inputOf(m: MeasureDetails): MeasureInput {
  return savedInput(measureObject, m, {
    framework: m.framework as MeasureInput['framework'],
    implementing_bodies: m.bodies.map((b) => b.slug ?? b.name),
    evaluated: m.evaluated === 1,
    youth: m.youth === 1,
    partners: m.partners.map((p) => ({
      name: p.name,
      sector: p.sector as MeasureInput['partners'][number]['sector'],
    })),
    goals: m.tags.goal as MeasureInput['goals'],
    areas: m.tags.area as MeasureInput['areas'],
    domains: m.tags.domain as MeasureInput['domains'],
    stages: m.tags.stage as MeasureInput['stages'],
    target_groups: m.tags.target as MeasureInput['target_groups'],
    source: m.source as MeasureInput['source'],
    status: m.status as MeasureInput['status'],
    documents: m.documents.map((d) => d.slug),
    event: m.event?.slug ?? null,
    translations: m.translations,
  });
}

export function formValuesOf(m: MeasureDetails): FormValues {
  const { translations, partners, implementing_bodies, documents, ...fields } = inputOf(m);
  return {
    ...formValuesFrom(fields),
    implementing_bodies: implementing_bodies.join('\n'),
    documents: documents.join('\n'),
    partner_name: partners.map((p) => p.name),
    partner_sector: partners.map((p) => p.sector),
    ...TRANSLATED.formValues(translations),
  };
}

export { SORTS };
export type Sort = (typeof SORTS)[number];

const countryFilter = optionalFilter(z.string().trim().toUpperCase().refine(isCountryCode));

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const measureFilterSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  country: countryFilter,
  goal: choiceFilter(GOALS),
  area: choiceFilter(AREAS),
  domain: choiceFilter(DOMAINS),
  stage: choiceFilter(VALUE_CHAIN_STAGES),
  target: choiceFilter(TARGET_GROUPS),
  youth: optionalFilter(z.enum(['1']).transform(() => true as const)),
  source: choiceFilter(MEASURE_SOURCES),
  status: choiceFilter(MEASURE_STATUSES),
  year: optionalFilter(z.coerce.number().int().min(1990).max(2100)),
  /** Measures presented at an event of the hub (its slug). */
  event: optionalFilter(slug()),
  sort: choiceFilter(SORTS),
  page: pageFilter(),
});
export type MeasureFilter = z.infer<typeof measureFilterSchema>;

export const FILTER_KEYS = [
  'q',
  'country',
  'goal',
  'area',
  'domain',
  'stage',
  'target',
  'youth',
  'source',
  'status',
  'year',
  'event',
  'sort',
  'page',
] as const;

export function filterQuery(filter: MeasureFilter, extra: { page?: boolean } = {}): string {
  const page = extra.page && filter.page > 1 ? filter.page : undefined;
  return filterQueryOf({ ...filter, youth: filter.youth ? 1 : undefined, page }, FILTER_KEYS);
}

export const isFiltered = (f: MeasureFilter) =>
  FILTER_KEYS.some((k) => k !== 'sort' && k !== 'page' && f[k] !== undefined);

/** The countries of a comparison: ?country=VN&country=LA…, 2 to 4 different known codes. */
export function comparedCountries(values: string[]): string[] {
  const codes = values.map((v) => v.trim().toUpperCase()).filter(isCountryCode);
  return [...new Set(codes)].slice(0, LIMITS.compareMax);
}
