// One schema for an organisation, built from the platform's field blocks: it reads the form,
// validates the API body and is the OpenAPI document's input schema. Beside it inputOf() (a saved
// organisation as that input: what PATCH merges onto), formValuesOf() (the edit form's values) and
// the list's filters.
import { z } from 'zod';
import {
  blankToNull,
  choice,
  country,
  email,
  langTag,
  line,
  list,
  optionalEmail,
  optionalInteger,
  optionalLine,
  optionalUrl,
  recordId,
  slug,
  text,
  webUrl,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import {
  CONTACT_VISIBILITIES,
  DOMAINS,
  ORGANISATION_KINDS,
  VALUE_CHAIN_STAGES,
} from '../../platform/vocabularies.ts';
import type { OrganisationDetails } from './access.ts';
import { FACILITIES, MEMBER_ROLES } from './vocab.ts';

export { MAX_TRANSLATIONS };

/** Social and other links besides the website. */
export const MAX_LINKS = 10;
/** Working languages of an organisation. */
export const MAX_LANGUAGES = 20;

/**
 * The form's text box has one link per line: an address, optionally preceded by a label and a
 * space ("Facebook https://facebook.com/…"); the API sends `links: [{ label, url }]`.
 */
function linksFromText(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'string') return v;
  return v
    .split(/\r?\n/)
    .map((row) => row.trim())
    .filter(Boolean)
    .map((row) => {
      const space = row.search(/\s\S*$/);
      return space < 0
        ? { label: '', url: row }
        : { label: row.slice(0, space).trim(), url: row.slice(space).trim() };
    });
}

/** A coordinate in decimal degrees, or null when left empty. */
const coordinate = (limit: number, message: MessageKey) =>
  z.preprocess(
    blankToNull,
    z.coerce.number(message).min(-limit, message).max(limit, message).nullable().default(null),
  );

/** A telephone number as people write it: digits, spaces and + ( ) . - */
const optionalPhone = () =>
  z.preprocess(
    blankToNull,
    z
      .string('form.invalid')
      .trim()
      .max(50, 'form.tooLong')
      .regex(/^[+()\d\s.-]{4,}$/, 'form.badPhone')
      .nullable()
      .default(null),
  );

/** The texts a translation has: the name and the description. */
const TRANSLATED = translatedTexts({ short: 'name', long: 'description' });

const translation = TRANSLATED.row(
  {
    lang: langTag('translations.language').describe('Not the organisation’s own language'),
    name: optionalLine(200),
    description: text(20_000).describe('Markdown'),
  },
  'directory.translationEmpty',
);

const link = z.object({
  label: optionalLine(100).describe('Facebook, Instagram, …'),
  url: webUrl(500),
});

export const organisationObject = z.object({
  kind: choice(ORGANISATION_KINDS, 'directory.chooseKind'),
  name: line(200),
  name_translit: optionalLine(200).describe('The name in Latin letters'),
  lang: langTag().describe('BCP 47 language of name and description'),
  description: text(20_000).describe('Markdown'),
  country: country().describe('ISO 3166-1 alpha-2'),
  province: optionalLine(100),
  city: optionalLine(100),
  address: optionalLine(300),
  latitude: coordinate(90, 'directory.badLatitude'),
  longitude: coordinate(180, 'directory.badLongitude'),
  website: optionalUrl(500),
  email: optionalEmail(),
  phone: optionalPhone(),
  contact_visibility: choice(CONTACT_VISIBILITIES).default('members'),
  founded_year: optionalInteger({ min: 1000, max: new Date().getFullYear() }, 'directory.badYear'),
  /** The parent organisation by its slug (a department under a ministry). */
  parent: z
    .preprocess(blankToNull, slug('directory.unknownParent').nullable().default(null))
    .describe('Slug of the parent organisation'),
  opening_hours: optionalLine(500),
  domains: list(choice(DOMAINS), DOMAINS.length),
  stages: list(choice(VALUE_CHAIN_STAGES), VALUE_CHAIN_STAGES.length),
  languages: list(langTag(), MAX_LANGUAGES),
  facilities: list(choice(FACILITIES), FACILITIES.length).describe('Creative hubs only'),
  translations: TRANSLATED.list(
    translation,
    `The name and description in other languages, one per language, at most ${MAX_TRANSLATIONS}; each needs a name or a description. Replaces all translations; omitted on PATCH, they stay.`,
  ),
  links: z
    .preprocess(linksFromText, z.array(link, 'form.invalid').max(MAX_LINKS, 'form.tooMany'))
    .describe(
      `Social and other links, at most ${MAX_LINKS}. Replaces all links; omitted on PATCH, they stay.`,
    ),
});

/** The organisation as the form and the API send it; the form's translation rows become `translations`. */
export const organisationInputSchema = TRANSLATED.input(organisationObject);
export type OrganisationInput = z.infer<typeof organisationObject>;

/** A saved organisation as input: what PATCH merges the sent fields onto. */
export function inputOf(org: OrganisationDetails): OrganisationInput {
  return savedInput(organisationObject, org, {
    // A parent that waits for its owners' confirmation stays named (the form and PATCH keep it).
    parent: (org.parent ?? org.pendingParent)?.slug ?? null,
    domains: org.domains as OrganisationInput['domains'],
    stages: org.stages as OrganisationInput['stages'],
    facilities: org.facilities as OrganisationInput['facilities'],
    links: org.linkList,
  });
}

/** A saved organisation as the edit form shows it: the links one per line, a label before its address. */
export function formValuesOf(org: OrganisationDetails): FormValues {
  const { links, translations, ...fields } = inputOf(org);
  return {
    ...formValuesFrom(fields),
    links: links.map((l) => (l.label ? `${l.label} ${l.url}` : l.url)).join('\n'),
    ...TRANSLATED.formValues(translations),
  };
}

export const SORTS = ['name', 'newest', 'updated', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const directoryFilterSchema = z.object({
  q: optionalFilter(z.string().trim().max(200)),
  kind: choiceFilter(ORGANISATION_KINDS),
  country: optionalFilter(country()),
  city: optionalFilter(z.string().trim().min(1).max(100)),
  domain: choiceFilter(DOMAINS),
  stage: choiceFilter(VALUE_CHAIN_STAGES),
  language: optionalFilter(langTag()),
  verified: optionalFilter(z.literal('1')),
  sort: choiceFilter(SORTS),
  view: choiceFilter(['cards', 'list']),
  page: pageFilter(),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

/** The filters as a query string (without the page and the view), for the export links. */
export const filterQuery = (filter: DirectoryFilter): string =>
  filterQueryOf(filter, ['q', 'kind', 'country', 'city', 'domain', 'stage', 'language', 'verified', 'sort']);

// ── The members page ────────────────────────────────────────────────────────

export const inviteSchema = z.object({
  email: email(),
  role: choice(MEMBER_ROLES).default('editor'),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const roleChangeSchema = z.object({ user_id: recordId(), role: choice(MEMBER_ROLES) });
export const memberChoiceSchema = z.object({ user_id: recordId() });
export const invitationChoiceSchema = z.object({ invitation_id: recordId() });
