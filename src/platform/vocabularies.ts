// The code lists more than one module describes things with, so that an organisation, a person, an
// event, a document and (later) a policy measure use the same words. Stored as these codes; shown
// through the platform's locale files (`vocab.<list>.<code>`). A module's own code lists stay in its
// vocab.ts.

/** UNESCO Framework for Cultural Statistics (2009): domains A–F, the transversal and related ones. */
export const DOMAINS = [
  'heritage',
  'performance',
  'visual_arts_crafts',
  'books_press',
  'audiovisual_media',
  'design_creative_services',
  'intangible_heritage',
  'tourism',
  'sports_recreation',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** The cultural value chain: creation, production, distribution, access and participation. */
export const VALUE_CHAIN_STAGES = ['creation', 'production', 'distribution', 'participation'] as const;
export type ValueChainStage = (typeof VALUE_CHAIN_STAGES)[number];

/** What kind of body an organisation is (the directory's organisations, an applicant's employer). */
export const ORGANISATION_KINDS = [
  'government',
  'cso',
  'creative_hub',
  'association',
  'enterprise',
  'artisan_group',
  'academic',
  'international',
  'media',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * The languages of the region and of its neighbours and visitors, in the order every list of them
 * shows them; Chinese comes after Burmese in the form a list wants (`zh`, or its two scripts).
 */
export function regionLanguages<const C extends readonly string[]>(chinese: C) {
  return ['en', 'vi', 'th', 'lo', 'km', 'my', ...chinese, 'ja', 'ko', 'mn', 'id', 'ms', 'tl', 'fr'] as const;
}

/** Languages a name, description or biography may be written in (a record's `lang`), on every form. */
export const CONTENT_LANGUAGES = regionLanguages(['zh-Hans', 'zh-Hant']);
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * Regions a record may apply to besides countries. Kept in the same lists as ISO 3166-1 codes, in
 * lower case, so they can never be mistaken for a country code (always two upper-case letters). A
 * fixed list rather than free text so that "Mekong" is one filter value, not five spellings.
 */
export const REGIONS = [
  'world',
  'asia_pacific',
  'southeast_asia',
  'asean',
  'mekong',
  'northeast_asia',
] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Gender as a person chose to state it. Optional wherever it is asked: null means not stated. Shown
 * to anyone but the organisers only in aggregate (the share of women in an event's key figures).
 */
export const GENDERS = ['woman', 'man', 'another'] as const;
export type Gender = (typeof GENDERS)[number];

/** Who sees a profile's email and phone. */
export const CONTACT_VISIBILITIES = ['public', 'members', 'hidden'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

/** Whether `value` is one of the codes of `list`. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
