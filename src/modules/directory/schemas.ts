// One schema for the organisation form and the API body; one for the list filters.
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';
import {
  CONTACT_VISIBILITIES,
  DOMAINS,
  ORGANISATION_KINDS,
  VALUE_CHAIN_STAGES,
} from '../../platform/vocabularies.ts';
import { FACILITIES } from './vocab.ts';

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

/** Empty form fields mean "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** Check boxes arrive as nothing, one string or several; the API sends arrays. */
const asList = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, 'form.tooLong').nullable().optional());

export { MAX_TRANSLATIONS };

/** Social and other links besides the website. */
export const MAX_LINKS = 10;

/**
 * The form's text box has one link per line: an address, optionally preceded by a label and a
 * space ("Facebook https://facebook.com/…"); the API sends `links: [{ label, url }]`.
 */
function linksFromText(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'string') return v;
  return v
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.search(/\s\S*$/);
      return space < 0
        ? { label: '', url: line }
        : { label: line.slice(0, space).trim(), url: line.slice(space).trim() };
    });
}

const translationObject = z
  .object({
    lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
    name: optionalText(200),
    description: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
  })
  .refine((tr) => !!tr.name || tr.description.trim() !== '', 'directory.translationEmpty');

const linkObject = z.object({
  // One line on the form, so no line breaks (the edit form shows the links as text again).
  label: z
    .string('form.invalid')
    .trim()
    .max(100, 'form.tooLong')
    .regex(/^[^\r\n]*$/, 'form.invalid')
    .default(''),
  url: z.url({ protocol: /^https?$/, message: 'directory.badUrl' }).max(500, 'form.tooLong'),
});

const organisationObject = z.object({
  kind: z.enum(ORGANISATION_KINDS, 'directory.chooseKind'),
  name: z.string().trim().min(1, 'form.required').max(200, 'form.tooLong'),
  name_translit: optionalText(200),
  lang: z.string().regex(LANG_TAG, 'form.unknownLanguage'),
  description: z.string().max(20_000, 'form.tooLong').default(''),
  country: z.string().refine(isCountryCode, 'form.unknownCountry'),
  province: optionalText(100),
  city: optionalText(100),
  address: optionalText(300),
  latitude: z.preprocess(
    blankToNull,
    z.coerce
      .number('directory.badLatitude')
      .min(-90, 'directory.badLatitude')
      .max(90, 'directory.badLatitude')
      .nullable()
      .optional(),
  ),
  longitude: z.preprocess(
    blankToNull,
    z.coerce
      .number('directory.badLongitude')
      .min(-180, 'directory.badLongitude')
      .max(180, 'directory.badLongitude')
      .nullable()
      .optional(),
  ),
  website: z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, message: 'directory.badUrl' })
      .max(500, 'form.tooLong')
      .nullable()
      .optional(),
  ),
  email: z.preprocess(
    blankToNull,
    z.email('form.invalidEmail').max(254, 'form.tooLong').nullable().optional(),
  ),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(50, 'form.tooLong')
      .regex(/^[+()\d\s.-]{4,}$/, 'form.badPhone')
      .nullable()
      .optional(),
  ),
  contact_visibility: z.enum(CONTACT_VISIBILITIES).default('members'),
  founded_year: z.preprocess(
    blankToNull,
    z.coerce
      .number('directory.badYear')
      .int('directory.badYear')
      .min(1000, 'directory.badYear')
      .max(new Date().getFullYear(), 'directory.badYear')
      .nullable()
      .optional(),
  ),
  parent: optionalText(120),
  opening_hours: optionalText(500),
  domains: z.preprocess(asList, z.array(z.enum(DOMAINS, 'form.invalid')).max(DOMAINS.length)),
  stages: z.preprocess(
    asList,
    z.array(z.enum(VALUE_CHAIN_STAGES, 'form.invalid')).max(VALUE_CHAIN_STAGES.length),
  ),
  languages: z.preprocess(asList, z.array(z.string().regex(LANG_TAG, 'form.unknownLanguage')).max(20)),
  facilities: z.preprocess(asList, z.array(z.enum(FACILITIES, 'form.invalid')).max(FACILITIES.length)),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
  links: z.preprocess(linksFromText, z.array(linkObject, 'form.invalid').max(MAX_LINKS, 'form.tooMany')),
});

export const organisationInputSchema = z
  .preprocess(translationsFromForm({ short: 'name', long: 'description' }), organisationObject)
  .superRefine(checkTranslations);
export type OrganisationInput = z.infer<typeof organisationObject>;

export const SORTS = ['name', 'newest', 'updated', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const directoryFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
  country: z.string().refine(isCountryCode).optional().catch(undefined),
  city: z.string().trim().min(1).max(100).optional().catch(undefined),
  domain: z.enum(DOMAINS).optional().catch(undefined),
  stage: z.enum(VALUE_CHAIN_STAGES).optional().catch(undefined),
  language: z.string().regex(LANG_TAG).optional().catch(undefined),
  verified: z.literal('1').optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  view: z.enum(['cards', 'list']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;
