// The controlled vocabularies of the directory. Stored as these codes; shown through the locale
// files (`directory.facility.<code>`, …). The lists other modules share (domains, value-chain stages,
// kinds of organisation, languages) are the platform's: platform/vocabularies.ts.

export const FACILITIES = ['studio', 'gallery', 'coworking', 'event_space', 'workshop', 'shop'] as const;
export type Facility = (typeof FACILITIES)[number];

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
