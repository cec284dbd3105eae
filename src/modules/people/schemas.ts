// One schema for a profile, serving the form, the API body and the OpenAPI document (built from the
// platform's field blocks); inputOf(), a saved profile as that input (what PATCH merges onto), and
// formValuesOf(), the edit form's values; the claim form; and the list's filters.
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  asList,
  choice,
  LANG_TAG,
  langTag,
  line,
  list,
  optionalCountry,
  optionalEmail,
  optionalLine,
  rowsFromForm,
  SLUG,
  slugOrAddress,
  splitLines,
  text,
  webUrl,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { CONTACT_VISIBILITIES, DOMAINS } from '../../platform/vocabularies.ts';
import type { PersonDetails } from './access.ts';
import { MAX_LANGUAGES, MAX_LINKS, MAX_ORGANISATIONS, MAX_SKILLS, PERSON_STATUSES } from './vocab.ts';

/** People paste the organisation's address (…/directory/stella) as often as its name in the URL. */
const organisationSlug = slugOrAddress('/directory/', 'people.unknownOrganisation');

/**
 * The form sends its organisation rows as two lists of the same length (org_slug, org_role);
 * the API sends `organisations: [{ slug, role }]`. Rows left empty are dropped.
 */
const blank = (x: unknown) => x === undefined || (typeof x === 'string' && x.trim() === '');
const organisationsFromForm = rowsFromForm(
  { list: 'organisations', columns: ['org_slug', 'org_role'] },
  ([slug, role]) => (blank(slug) && blank(role) ? null : { slug: slug ?? '', role: role ?? null }),
);

/** The texts a translation has: the title and the bio. */
const TRANSLATED = translatedTexts({ short: 'title', long: 'bio' });

/** Skills are typed in one box, separated by commas (also the Chinese and Japanese ones) or lines. */
const splitSkills = (v: unknown): unknown[] =>
  typeof v === 'string'
    ? v
        .split(/[,\n;、，]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : asList(v);

const PHONE = /^[+()\d\s.-]{4,}$/;

const translation = TRANSLATED.row(
  { title: optionalLine(200), bio: text(10_000).describe('Markdown') },
  'people.translationEmpty',
);

export const personObject = z.object({
  name: line(200),
  name_translit: optionalLine(200).describe('The name in Latin letters, for names in another script'),
  lang: langTag().describe('BCP 47 language of name, title and bio'),
  title: optionalLine(200),
  bio: text(10_000).describe('Markdown'),
  country: optionalCountry().describe('ISO 3166-1 alpha-2, where the person works'),
  organisations: z
    .array(z.object({ slug: organisationSlug, role: optionalLine(120) }), 'form.invalid')
    .max(MAX_ORGANISATIONS, 'form.tooMany')
    .default([])
    .describe(`Organisations of the directory, by slug (or address), at most ${MAX_ORGANISATIONS}`),
  domains: list(choice(DOMAINS), DOMAINS.length),
  languages: list(langTag(), MAX_LANGUAGES),
  skills: z
    .preprocess(
      splitSkills,
      z
        .array(z.string('form.invalid').trim().max(60, 'people.skillTooLong').pipe(line(60)), 'form.invalid')
        .max(MAX_SKILLS, 'form.tooMany'),
    )
    .describe(`Free tags, at most ${MAX_SKILLS} of 60 characters`),
  links: z
    .preprocess(
      splitLines,
      z.array(webUrl(500, 'people.badLinks'), 'form.invalid').max(MAX_LINKS, 'form.tooMany'),
    )
    .describe(`http(s) addresses, at most ${MAX_LINKS}`),
  email: optionalEmail(),
  phone: optionalLine(50).pipe(z.string().regex(PHONE, 'form.badPhone').nullable()),
  contact_visibility: choice(CONTACT_VISIBILITIES).default('hidden'),
  status: choice(PERSON_STATUSES).default('published').describe("'hidden' only for the hub's editors"),
  translations: TRANSLATED.list(
    translation,
    `Title and bio in other languages (at most ${MAX_TRANSLATIONS}, one per language, not \`lang\`); the list replaces the stored one`,
  ),
});

/** A profile as the form and the API send it; the form's rows become `organisations` and `translations`. */
export const personInput = TRANSLATED.input(personObject, organisationsFromForm);
export type PersonInput = z.infer<typeof personObject>;

/** Creating: one's own profile ('me'), or, for the hub's editors, one of someone without an account. */
export const OWNERS = ['me', 'none'] as const;
export type Owner = (typeof OWNERS)[number];
export const personCreateObject = personObject.extend({
  owner: choice(OWNERS)
    .default('me')
    .describe("'me': your own profile; 'none': someone without an account (the hub's editors)"),
});
export const personCreateInput = TRANSLATED.input(personCreateObject, organisationsFromForm);
export type PersonCreateInput = z.infer<typeof personCreateObject>;

/** A saved profile as input: what PATCH merges the sent fields onto. */
export function inputOf(person: PersonDetails): PersonInput {
  return savedInput(personObject, person, {
    organisations: person.organisations.map(({ slug, role }) => ({ slug, role })),
    domains: person.domains as PersonInput['domains'],
    links: person.linkList,
  });
}

/** A saved profile as the edit form shows it: the organisations as rows, skills and links in their boxes. */
export function formValuesOf(person: PersonDetails): FormValues {
  const { organisations, skills, links, translations, ...fields } = inputOf(person);
  return {
    ...formValuesFrom(fields),
    org_slug: organisations.map((o) => o.slug),
    org_role: organisations.map((o) => o.role ?? ''),
    skills: skills.join(', '),
    links: links.join('\n'),
    ...TRANSLATED.formValues(translations),
  };
}

/** "This is me": an optional message to the administrators. */
export const claimInput = z.object({
  message: z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), text(1000)),
});
export type ClaimInput = z.infer<typeof claimInput>;

export const SORTS = ['name', 'newest', 'updated', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const peopleFilterSchema = z.object({
  q: optionalFilter(z.string().trim().max(200)),
  country: optionalFilter(z.string().refine(isCountryCode)),
  domain: choiceFilter(DOMAINS),
  language: optionalFilter(z.string().regex(LANG_TAG)),
  organisation: optionalFilter(z.string().regex(SLUG)),
  sort: choiceFilter(SORTS),
  page: pageFilter(),
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

/** The sort a list is in: the one asked for, else by relevance for a search, else by name. */
export function effectiveSort(filter: PeopleFilter): Sort {
  return filter.sort ?? (filter.q ? 'relevance' : 'name');
}
