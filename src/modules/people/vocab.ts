// The people directory's own codes and limits. Domains and contact visibility are the platform's
// (platform/vocabularies.ts), so a person and an organisation are described with the same words.
import { regionLanguages } from '../../platform/vocabularies.ts';

/** Published: everyone sees it. Draft: only its owner and the hub's editors. Hidden: set by editors. */
export const PERSON_STATUSES = ['published', 'draft', 'hidden'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Multi-valued attributes kept in person_facets. */
export const PERSON_FACETS = ['domain', 'language', 'skill'] as const;
export type PersonFacet = (typeof PERSON_FACETS)[number];

/** Languages offered as check boxes on the form (the API takes any BCP 47 tag of this shape). */
export const PERSON_LANGUAGES = regionLanguages(['zh']);

/**
 * Words under /directory/people/ that name pages of their own, never a person: new slugs avoid
 * them so that no profile is hidden behind a page (or behind the directory's /:slug/edit routes).
 */
export const RESERVED_PERSON_SLUGS: ReadonlySet<string> = new Set([
  'new',
  'claims',
  'export',
  'import',
  'edit',
  'delete',
  'verify',
  'approve',
  'claim',
  'me',
]);

export const MAX_ORGANISATIONS = 10;
export const MAX_SKILLS = 20;
export const MAX_LINKS = 10;
/** Languages a person speaks, at most. */
export const MAX_LANGUAGES = 20;
