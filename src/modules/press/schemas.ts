// One schema for the clipping form and the API body; one for the list filters (page, feed, API).
import { z } from 'zod';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';

export { MAX_TRANSLATIONS };

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Empty form fields mean "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A real calendar day (2016-02-30 is not), not after today: articles that appeared. */
function isPastDay(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  // A day ahead of UTC allows for readers east of Greenwich entering today's paper.
  return date.getTime() <= Date.now() + 24 * 3600 * 1000 && date.getUTCFullYear() >= 1800;
}

/** http and https only: javascript:, data: and friends never become a link on our pages. */
const webUrl = (max: number) =>
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'press.badUrl' })
    .max(max, 'form.tooLong');

const translationObject = z
  .object({
    lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
    title: z.preprocess(blankToNull, z.string().trim().max(500, 'form.tooLong').nullable().optional()),
    summary: z.string('form.invalid').max(5_000, 'form.tooLong').default(''),
  })
  // A translated title is the point of a row; a translated summary alone is allowed too.
  .refine((tr) => !!tr.title || tr.summary.trim() !== '', 'press.translationEmpty');

const clippingObject = z.object({
  outlet: z.string('form.required').trim().min(1, 'form.required').max(200, 'form.tooLong'),
  outlet_url: z.preprocess(blankToNull, webUrl(500).nullable().optional()),
  published_on: z.string('form.required').trim().min(1, 'form.required').refine(isPastDay, 'press.badDate'),
  title: z.string('form.required').trim().min(1, 'form.required').max(500, 'form.tooLong'),
  lang: z.string('press.unknownLanguage').regex(LANG_TAG, 'press.unknownLanguage'),
  url: z.string('form.required').trim().min(1, 'form.required').pipe(webUrl(1000)),
  summary: z.string('form.invalid').max(5_000, 'form.tooLong').default(''),
  covers: z.preprocess(blankToNull, z.string().trim().max(300, 'form.tooLong').nullable().optional()),
  covers_url: z.preprocess(blankToNull, webUrl(1000).nullable().optional()),
  /** The event of this hub the article is about: its slug, or its address pasted (…/events/<slug>). */
  event: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .trim()
            .replace(/^.*\/events\//, '')
            .replace(/[/?#].*$/, '')
            .toLowerCase() || null
        : v,
    z
      .string('press.unknownEvent')
      .regex(/^[a-z0-9-]{1,120}$/, 'press.unknownEvent')
      .nullable()
      .optional(),
  ),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
});

export const clippingInputSchema = z
  .preprocess(translationsFromForm({ short: 'title', long: 'summary' }), clippingObject)
  .superRefine(checkTranslations);
export type ClippingInput = z.infer<typeof clippingObject>;

export const SORTS = ['newest', 'oldest', 'outlet'] as const;
export type Sort = (typeof SORTS)[number];

const filterDate = z.string().regex(ISO_DATE).refine(isPastDay).optional().catch(undefined);

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const pressFilterSchema = z.object({
  outlet: z.string().trim().min(1).max(200).optional().catch(undefined),
  language: z.string().regex(LANG_TAG).optional().catch(undefined),
  year: z.coerce.number().int().min(1800).max(9999).optional().catch(undefined),
  from: filterDate,
  to: filterDate,
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PressFilter = z.infer<typeof pressFilterSchema>;

/** The filters as a query string (without the page), for feeds, links and the API. */
export function filterQuery(filter: PressFilter, extra: { page?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filter.outlet) params.set('outlet', filter.outlet);
  if (filter.language) params.set('language', filter.language);
  if (filter.year) params.set('year', String(filter.year));
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.sort) params.set('sort', filter.sort);
  if (extra.page && filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the list (the feed's title says so). */
export const isFiltered = (f: PressFilter) => !!(f.outlet || f.language || f.year || f.from || f.to);
