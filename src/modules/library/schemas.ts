// One schema for the document form and the API body, one for collections, one for the list filters.
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';
import { DOMAINS, REGIONS } from '../../platform/vocabularies.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, SORTS } from './vocab.ts';

export const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Empty form fields mean "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** Check boxes and multiple selects arrive as nothing, one string or several; the API sends arrays. */
const asList = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
/** Free lists typed in one box ("copyright, crafts"), or arrays from the API. */
const splitText = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : asList(v);

const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, 'form.tooLong').nullable().optional());

/** A calendar date as YYYY-MM-DD that exists (no 30 February). */
const calendarDate = z.preprocess(
  blankToNull,
  z
    .string('library.badDate')
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'library.badDate')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, 'library.badDate')
    .nullable()
    .optional(),
);

/** Where a document applies: an ISO 3166-1 country or one of the regions. */
export const isPlace = (v: unknown): v is string =>
  isCountryCode(v) || (typeof v === 'string' && (REGIONS as readonly string[]).includes(v));

/**
 * Themes and tags are free words, normalised so that "Copyright ", "copyright" and "COPYRIGHT" are
 * one filter value: NFC, spaces collapsed, lower case (Intl-aware for every script).
 */
export function normaliseTerm(term: string): string {
  return term.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('und');
}
const terms = z.preprocess(
  splitText,
  z
    .array(z.string('form.invalid').trim().min(1).max(60, 'library.termTooLong').transform(normaliseTerm))
    .max(20, 'library.tooManyTerms')
    .transform((list) => [...new Set(list)]),
);

const translationObject = z
  .object({
    lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
    title: optionalText(400),
    summary: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
  })
  .refine((tr) => !!tr.title || tr.summary.trim() !== '', 'library.translationEmpty');

const documentObject = z.object({
  kind: z.enum(DOCUMENT_KINDS, 'library.chooseKind'),
  title: z.string('form.required').trim().min(1, 'form.required').max(400, 'form.tooLong'),
  lang: z.string('library.unknownLanguage').regex(LANG_TAG, 'library.unknownLanguage'),
  summary: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
  official_number: optionalText(100),
  /** Slug of the issuing organisation in the directory. */
  issuer: optionalText(120),
  /** The issuing body's name when it is not in the directory. */
  issuer_name: optionalText(200),
  places: z.preprocess(asList, z.array(z.string().refine(isPlace, 'library.unknownPlace')).max(60)),
  languages: z.preprocess(
    asList,
    z.array(z.string().regex(LANG_TAG, 'library.unknownLanguage')).max(30, 'library.tooManyTerms'),
  ),
  issued_on: calendarDate,
  in_force_from: calendarDate,
  in_force_to: calendarDate,
  status: z.preprocess(blankToNull, z.enum(DOCUMENT_STATUSES, 'form.invalid').nullable().optional()),
  domains: z.preprocess(asList, z.array(z.enum(DOMAINS, 'form.invalid')).max(DOMAINS.length)),
  themes: terms,
  tags: terms,
  licence: optionalText(200),
  source_url: z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, message: 'library.badUrl' })
      .max(500, 'form.tooLong')
      .nullable()
      .optional(),
  ),
  /** Slugs of the documents this one replaces. */
  supersedes: z.preprocess(
    splitText,
    z.array(z.string().trim().max(120, 'form.tooLong')).max(20, 'library.tooManyTerms'),
  ),
  /** Slug of the record this one is the same document of, in another language. */
  language_version_of: optionalText(120),
  /** Public when true; otherwise seen only by editors, admins and the record's creator. */
  published: z.preprocess(
    // A check box sends its value or nothing: any text but "1", "on" or "true" means unticked.
    (v) => (typeof v === 'string' ? ['1', 'on', 'true'].includes(v) : v === undefined ? false : v),
    z.boolean('form.invalid'),
  ),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
});

/** Dates that cannot be: in force until before it came into force. */
function checkDates(input: z.infer<typeof documentObject>, ctx: z.core.$RefinementCtx): void {
  if (input.in_force_from && input.in_force_to && input.in_force_to < input.in_force_from)
    ctx.addIssue({ code: 'custom', path: ['in_force_to'], message: 'library.endBeforeStart' });
}

export const documentInputSchema = z
  .preprocess(translationsFromForm({ short: 'title', long: 'summary' }), documentObject)
  .superRefine(checkTranslations)
  .superRefine(checkDates);
export type DocumentInput = z.infer<typeof documentObject>;

export { MAX_TRANSLATIONS };

export const collectionInputSchema = z.object({
  title: z.string('form.required').trim().min(1, 'form.required').max(300, 'form.tooLong'),
  lang: z.string('library.unknownLanguage').regex(LANG_TAG, 'library.unknownLanguage'),
  description: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
  /** Document slugs in the order the collection shows them (one per line on the form). */
  documents: z.preprocess(
    splitText,
    z.array(z.string().trim().max(120, 'form.tooLong')).max(500, 'library.tooManyTerms'),
  ),
});
export type CollectionInput = z.infer<typeof collectionInputSchema>;

/**
 * The fields sent with a file (the file itself is checked by platform/files, see uploads.ts): the
 * language of its text and an optional label ("Official text", "Annex 2").
 */
export const fileInputSchema = z.object({
  lang: z.string('library.unknownLanguage').regex(LANG_TAG, 'library.unknownLanguage'),
  label: optionalText(200).transform((v) => v ?? null),
});
export type FileInput = z.infer<typeof fileInputSchema>;

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const libraryFilterSchema = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  kind: z.enum(DOCUMENT_KINDS).optional().catch(undefined),
  country: z.string().refine(isPlace).optional().catch(undefined),
  language: z.string().regex(LANG_TAG).optional().catch(undefined),
  domain: z.enum(DOMAINS).optional().catch(undefined),
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  issuer: z.string().regex(SLUG).max(120).optional().catch(undefined),
  status: z.enum(DOCUMENT_STATUSES).optional().catch(undefined),
  theme: z.string().trim().min(1).max(60).transform(normaliseTerm).optional().catch(undefined),
  tag: z.string().trim().min(1).max(60).transform(normaliseTerm).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

/** The filter's own query string (no page), for feeds, exports and the links between them. */
export function filterQuery(filter: LibraryFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of [
    'q',
    'kind',
    'country',
    'language',
    'domain',
    'year',
    'issuer',
    'status',
    'theme',
    'tag',
    'sort',
  ] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
