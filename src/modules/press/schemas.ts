// One schema for a clipping, serving the form, the API body and the OpenAPI document; inputOf(), a
// saved clipping as that input (the edit form's values and the base a PATCH is merged onto); and
// the list's filters (page, feed, API).
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  calendarDate,
  langTag,
  line,
  optionalLine,
  optionalUrl,
  slug,
  text,
  webUrl,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { todayUtc } from '../../platform/time.ts';
import type { ClippingDetails } from './access.ts';

/** A day an article appeared: a real day, not after today (a day ahead allows for the east). */
const pastDay = calendarDate('press.badDate').refine((day) => {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  return day <= tomorrow && day >= '1800-01-01';
}, 'press.badDate');

/** The texts a translation has: the title and the summary. */
const TRANSLATED = translatedTexts({ short: 'title', long: 'summary' });

// A translated title is the point of a row; a translated summary alone is allowed too.
const translation = TRANSLATED.row(
  { title: optionalLine(500), summary: text(5_000) },
  'press.translationEmpty',
);

export const clippingObject = z.object({
  outlet: line(200),
  outlet_url: optionalUrl(500, 'press.badUrl'),
  published_on: pastDay.describe('YYYY-MM-DD, not in the future'),
  title: line(500).describe('The original title, in `lang`'),
  lang: langTag('press.unknownLanguage').describe('BCP 47 language of the article'),
  url: webUrl(1000, 'press.badUrl').describe('The article: an http(s) address'),
  summary: text(5_000).describe('Markdown'),
  covers: optionalLine(300).describe('The event or project the article covers'),
  covers_url: optionalUrl(1000, 'press.badUrl'),
  /** The event of this hub the article is about: its slug, or its address pasted (…/events/<slug>). */
  event: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .trim()
              .replace(/^.*\/events\//, '')
              .replace(/[/?#].*$/, '') || null
          : v,
      slug('press.unknownEvent').nullable().default(null),
    )
    .describe('Slug (or address) of the event of this hub the article is about; null for none'),
  translations: TRANSLATED.list(
    translation,
    `Translated titles and summaries, one per language, at most ${MAX_TRANSLATIONS}; they replace the ones there were`,
  ),
});

/** The clipping as the form and the API send it; the form's translation rows become `translations`. */
export const clippingInput = TRANSLATED.input(clippingObject);
export type ClippingInput = z.infer<typeof clippingObject>;

/** A saved clipping as input: what PATCH merges the sent fields onto. */
export function inputOf(clipping: ClippingDetails): ClippingInput {
  return savedInput(clippingObject, clipping, { event: clipping.event?.slug ?? null });
}

/** A saved clipping as the edit form shows it. */
export function formValuesOf(clipping: ClippingDetails): FormValues {
  const { translations, ...fields } = inputOf(clipping);
  return { ...formValuesFrom(fields), ...TRANSLATED.formValues(translations) };
}

export { MAX_TRANSLATIONS, todayUtc };

export const SORTS = ['newest', 'oldest', 'outlet'] as const;
export type Sort = (typeof SORTS)[number];

const filterDate = optionalFilter(pastDay);

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const pressFilterSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  outlet: optionalFilter(z.string().trim().min(1).max(200)),
  language: optionalFilter(langTag()),
  year: optionalFilter(z.coerce.number().int().min(1800).max(9999)),
  from: filterDate,
  to: filterDate,
  /** Articles about the events an organisation of the directory organises (its page links here). */
  organisation: optionalFilter(slug()),
  /** Articles about the hub's events in a country (its page, /countries/<code>, links here). */
  country: optionalFilter(z.string().refine(isCountryCode)),
  sort: choiceFilter(SORTS),
  page: pageFilter(),
});
export type PressFilter = z.infer<typeof pressFilterSchema>;

/** The filters as a query string (without the page), for feeds, links and the API. */
export function filterQuery(filter: PressFilter, extra: { page?: boolean } = {}): string {
  const page = extra.page && filter.page > 1 ? filter.page : undefined;
  return filterQueryOf({ ...filter, page }, [
    'q',
    'outlet',
    'language',
    'year',
    'from',
    'to',
    'organisation',
    'country',
    'sort',
    'page',
  ]);
}

/** Whether any filter narrows the list (the feed's title says so). */
export const isFiltered = (f: PressFilter) =>
  !!(f.q || f.outlet || f.language || f.year || f.from || f.to || f.organisation || f.country);
