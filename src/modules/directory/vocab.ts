// The controlled vocabularies of the directory. Stored as these codes; shown through the locale
// files (`vocab.organisationKind.<code>`, `vocab.domain.<code>`, …).

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

export const VALUE_CHAIN_STAGES = ['creation', 'production', 'distribution', 'participation'] as const;
export type ValueChainStage = (typeof VALUE_CHAIN_STAGES)[number];

export const FACILITIES = ['studio', 'gallery', 'coworking', 'event_space', 'workshop', 'shop'] as const;
export type Facility = (typeof FACILITIES)[number];

/** Who sees an organisation's email and phone. */
export const CONTACT_VISIBILITIES = ['public', 'members', 'hidden'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

export const ORGANISATION_STATUSES = ['published', 'pending', 'hidden'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const MEMBER_ROLES = ['owner', 'editor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Multi-valued attributes kept in organisation_facets. */
export const FACETS = ['domain', 'stage', 'language', 'facility'] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * Words under /directory/ that name pages of their own (people, import, moderation, …), never an
 * organisation: new slugs avoid them and the organisation routes step aside for them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'new',
  'people',
  'import',
  'moderation',
  'invitations',
  'reports',
  'export',
  'map',
]);

/** The setting ('1' or '0') that makes organisations added by members wait for a moderator. */
export const APPROVAL_SETTING = 'directory.approval';

/** Languages a name, description or biography may be written in (its `lang`), on every form. */
export const CONTENT_LANGUAGES = [
  'en',
  'vi',
  'th',
  'lo',
  'km',
  'my',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'ko',
  'mn',
  'id',
  'ms',
  'tl',
  'fr',
] as const;
