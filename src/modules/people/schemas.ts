// One schema for the profile form and the API body; one for the list filters; one for a claim.
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';
import { CONTACT_VISIBILITIES, DOMAINS } from '../../platform/vocabularies.ts';
import { MAX_LINKS, MAX_ORGANISATIONS, MAX_SKILLS, PERSON_STATUSES } from './vocab.ts';

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
export const SLUG = /^[a-z0-9-]{1,120}$/;

/** Empty form fields mean "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** Check boxes arrive as nothing, one string or several; the API sends arrays. */
const asList = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
/** A text box with one entry per line (or per comma, for tags); the API sends arrays. */
const splitText =
  (separators: RegExp) =>
  (v: unknown): unknown =>
    typeof v === 'string'
      ? v
          .split(separators)
          .map((s) => s.trim())
          .filter(Boolean)
      : asList(v);

const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, 'form.tooLong').nullable().optional());

/** People paste the organisation's address (…/directory/stella) as often as its name in the URL. */
const organisationSlug = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .replace(/^.*\/directory\//, '')
          .replace(/[/?#].*$/, '')
          .toLowerCase()
      : v,
  z.string().regex(SLUG, 'people.unknownOrganisation'),
);

/**
 * The form sends its organisation rows as two lists of the same length (org_slug, org_role);
 * the API sends `organisations: [{ slug, role }]`. Rows left empty are dropped.
 */
function organisationsFromForm(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const values = v as Record<string, unknown>;
  if ('organisations' in values || !('org_slug' in values)) return v;
  const slugs = asList(values.org_slug);
  const roles = asList(values.org_role);
  const rows = slugs.flatMap((slug, i) => {
    const role = roles[i];
    const blank = (x: unknown) => x === undefined || (typeof x === 'string' && x.trim() === '');
    return blank(slug) && blank(role) ? [] : [{ slug: slug ?? '', role: role ?? null }];
  });
  return { ...values, organisations: rows };
}

/** Both shapes of the form's rows (organisations, translations) become the API's arrays. */
const fromForm = (v: unknown) =>
  translationsFromForm({ short: 'title', long: 'bio' })(organisationsFromForm(v));

const translationObject = z
  .object({
    lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
    title: optionalText(200),
    bio: z.string('form.invalid').max(10_000, 'form.tooLong').default(''),
  })
  .refine((tr) => !!tr.title || tr.bio.trim() !== '', 'people.translationEmpty');

const personObject = z.object({
  name: z.string('form.required').trim().min(1, 'form.required').max(200, 'form.tooLong'),
  name_translit: optionalText(200),
  lang: z.string('form.unknownLanguage').regex(LANG_TAG, 'form.unknownLanguage'),
  title: optionalText(200),
  bio: z.string('form.invalid').max(10_000, 'form.tooLong').default(''),
  country: z.preprocess(
    blankToNull,
    z.string('form.unknownCountry').refine(isCountryCode, 'form.unknownCountry').nullable().optional(),
  ),
  organisations: z
    .array(
      z.object({
        slug: organisationSlug,
        role: optionalText(120),
      }),
      'form.invalid',
    )
    .max(MAX_ORGANISATIONS, 'form.tooMany')
    .default([]),
  domains: z.preprocess(asList, z.array(z.enum(DOMAINS, 'form.invalid')).max(DOMAINS.length)),
  languages: z.preprocess(
    asList,
    z.array(z.string().regex(LANG_TAG, 'form.unknownLanguage')).max(20, 'form.tooMany'),
  ),
  skills: z.preprocess(
    splitText(/[,\n;、，]/),
    z.array(z.string().trim().min(1).max(60, 'people.skillTooLong')).max(MAX_SKILLS, 'form.tooMany'),
  ),
  links: z.preprocess(
    splitText(/\r?\n/),
    z
      .array(z.url({ protocol: /^https?$/, message: 'people.badLinks' }).max(500, 'form.tooLong'))
      .max(MAX_LINKS, 'form.tooMany'),
  ),
  email: z.preprocess(
    blankToNull,
    z.email('form.invalidEmail').max(254, 'form.tooLong').nullable().optional(),
  ),
  phone: z.preprocess(
    blankToNull,
    z
      .string('form.badPhone')
      .trim()
      .max(50, 'form.tooLong')
      .regex(/^[+()\d\s.-]{4,}$/, 'form.badPhone')
      .nullable()
      .optional(),
  ),
  contact_visibility: z.enum(CONTACT_VISIBILITIES, 'form.invalid').default('hidden'),
  status: z.enum(PERSON_STATUSES, 'form.invalid').default('published'),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
});

export const personInputSchema = z.preprocess(fromForm, personObject).superRefine(checkTranslations);
export type PersonInput = z.infer<typeof personObject>;

/** Creating: one's own profile ('me'), or, for the hub's editors, one of someone without an account. */
export const OWNERS = ['me', 'none'] as const;
export const personCreateSchema = z
  .preprocess(fromForm, personObject.extend({ owner: z.enum(OWNERS, 'form.invalid').default('me') }))
  .superRefine(checkTranslations);
export type PersonCreateInput = z.infer<typeof personCreateSchema>;

export const claimSchema = z.object({
  message: z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z.string('form.invalid').trim().max(1000, 'form.tooLong'),
  ),
});

export const SORTS = ['name', 'newest', 'updated', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const peopleFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  country: z.string().refine(isCountryCode).optional().catch(undefined),
  domain: z.enum(DOMAINS).optional().catch(undefined),
  language: z.string().regex(LANG_TAG).optional().catch(undefined),
  organisation: z.string().regex(SLUG).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;
